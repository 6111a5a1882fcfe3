"""The expert roster and matching service."""

import logging
import os

from flask import Flask

from config import CONFIGS


def create_app(test_config: dict | None = None, config_name: str | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error handlers, CLI."""
    app = Flask(__name__, instance_relative_config=True, template_folder="../templates")
    name = config_name or (
        "testing" if test_config else os.environ.get("ROSTER_ENV", "development")
    )
    config_cls = CONFIGS[name]
    config_cls.init()
    app.config.from_object(config_cls)
    if test_config:
        app.config.update(test_config)
    for key in ("INSTANCE_DIR", "UPLOAD_DIR", "OUTBOX_DIR"):
        os.makedirs(app.config[key], exist_ok=True)

    from roster.setup import (
        register_blueprints,
        register_cli,
        register_csrf,
        register_errorhandlers,
        register_extensions,
        register_template_helpers,
    )

    register_extensions(app)
    register_csrf(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_template_helpers(app)
    register_cli(app)
    from roster.ops.proxy import register_proxy_fix

    register_proxy_fix(app)
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO)
    return app
