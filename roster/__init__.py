"""The expert roster and matching service."""

from flask import Flask

from roster import app_config, cli, database, errors, guards, i18n, security_headers
from roster.actions import receivers as actions_receivers
from roster.actions.blueprint import bp as actions_bp
from roster.actions.blueprint import portal_bp
from roster.api.blueprint import register_api
from roster.auth import csrf, loaders
from roster.auth.blueprint import audit_bp
from roster.auth.blueprint import bp as auth_bp
from roster.communities import receivers as communities_receivers
from roster.communities.blueprint import bp as communities_bp
from roster.experts import receivers as experts_receivers
from roster.experts.blueprint import bp as experts_bp
from roster.extensions import limiter
from roster.main.blueprint import bp as main_bp
from roster.notifications.blueprint import bp as notifications_bp
from roster.opportunities import receivers as opportunities_receivers
from roster.opportunities.blueprint import bp as opportunities_bp
from roster.ops.proxy import register_proxy_fix
from roster.reports.blueprint import bp as reports_bp
from roster.taxonomy.blueprint import bp as taxonomy_bp
from roster.toolkit import receivers as toolkit_receivers
from roster.toolkit.blueprint import bp as toolkit_bp


def create_app(test_config: dict | None = None, config_name: str | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error handlers, CLI."""
    app = Flask(__name__, instance_relative_config=True, template_folder="../templates")
    app_config.init_app(app, test_config, config_name)
    register_extensions(app)
    connect_signals()
    csrf.init_app(app)
    register_blueprints(app)
    errors.init_app(app)
    guards.init_app(app)
    cli.init_app(app)
    register_proxy_fix(app)
    return app


def register_extensions(app: Flask) -> None:
    """Bind the extensions: database, sign-in, languages, rate limits, security headers."""
    database.init_app(app)
    loaders.init_app(app)
    i18n.init_app(app)
    limiter.init_app(app)
    security_headers.init_app(app)


def register_blueprints(app: Flask) -> None:
    """Serve every domain's pages and the API."""
    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(experts_bp)
    app.register_blueprint(taxonomy_bp)
    app.register_blueprint(audit_bp)
    register_api(app)
    app.register_blueprint(toolkit_bp)
    app.register_blueprint(actions_bp)
    app.register_blueprint(portal_bp)
    app.register_blueprint(opportunities_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(communities_bp)
    app.register_blueprint(notifications_bp)


def connect_signals() -> None:
    """Let a domain act on what a domain below it announces, without that one importing it."""
    experts_receivers.connect()
    toolkit_receivers.connect()
    actions_receivers.connect()
    opportunities_receivers.connect()
    communities_receivers.connect()
