"""The app's configuration: the Config class ROSTER_ENV names (or a test's), and its folders."""

import logging
import os

from flask import Flask

from config import CONFIGS


def init_app(app: Flask, test_config: dict | None = None, config_name: str | None = None) -> None:
    """Load the configuration, make the folders it names, and log to stderr outside dev/tests."""
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
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO)
