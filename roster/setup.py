"""The pieces create_app() binds: extensions, blueprints, error handlers, template helpers, CLI."""

from importlib import import_module
from pathlib import Path

from flask import Flask, jsonify, render_template, request, session
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from roster.extensions import babel, csrf, db, limiter, login_manager, migrate

BLUEPRINTS = (
    "roster.main.views",
    "roster.auth.views",
    "roster.auth.reset_views",
    "roster.auth.account_views",
    "roster.auth.users_views",
    "roster.auth.twofactor_views",
    "roster.experts.views",
    "roster.experts.roster_views",
    "roster.experts.vetting_views",
    "roster.experts.import_views",
    "roster.experts.privacy_views",
    "roster.taxonomy.views",
    "roster.taxonomy.countries",
    "roster.audit.views",
    "roster.api.views",
    "roster.toolkit.views",
    "roster.toolkit.certificate_views",
    "roster.toolkit.authoring_views",
    "roster.toolkit.section_views",
    "roster.toolkit.report_views",
    "roster.api.toolkit",
    "roster.api.experts",
    "roster.api.themes",
    "roster.api.openapi",
    "roster.actions.views",
    "roster.actions.request_views",
    "roster.actions.activity_views",
    "roster.actions.team_views",
    "roster.actions.partner_views",
    "roster.actions.match_views",
    "roster.api.actions",
    "roster.api.matches",
    "roster.reports.views",
    "roster.reports.year_views",
    "roster.reports.coverage_views",
    "roster.api.reports",
)


def select_locale() -> str:
    """The user's saved choice, else the session's, else the browser's."""
    languages = ("en", "fr", "es")
    lang = request.args.get("lang")
    if lang in languages:
        return lang
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("locale") in languages:
        return session["locale"]
    return request.accept_languages.best_match(languages) or "en"


def register_extensions(app: Flask) -> None:
    import roster.models  # noqa: F401  (every model registered before create_all/migrate)
    from roster.auth.loaders import load_user, load_user_from_request

    db.init_app(app)
    # Absolute, so that `flask db upgrade` works whatever the current directory.
    default_dir = Path(app.root_path).parent / "migrations"
    migrate.init_app(app, db, directory=str(app.config.get("MIGRATIONS_DIR", default_dir)))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.localize_callback = str  # translate the lazy message when it is flashed
    login_manager.user_loader(load_user)
    login_manager.request_loader(load_user_from_request)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    from roster import security_headers

    security_headers.init_app(app)


class DatabaseIntConverter(IntegerConverter):
    """<int:...> up to the largest id a 4-byte column holds: a bigger one is 404, not a 500
    from PostgreSQL's "integer out of range"."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


def register_blueprints(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseIntConverter  # before any rule is added
    # Several modules may add routes to one blueprint (the API): register each once.
    seen = []
    for path in BLUEPRINTS:
        bp = import_module(path).bp
        if bp not in seen:
            seen.append(bp)
    for bp in seen:
        app.register_blueprint(bp)


def register_csrf(app: Flask) -> None:
    """CSRF on every state-changing request, except API calls that carry a Bearer token."""
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False

    @app.before_request
    def check_csrf():
        if request.headers.get("Authorization", "").startswith("Bearer "):
            # The token alone says who calls, never a session cookie sent beside it: else a
            # made-up Bearer header would carry a signed-in browser's session past CSRF.
            from flask import g

            from roster.auth.loaders import load_user_from_request

            g._login_user = load_user_from_request(request) or login_manager.anonymous_user()
            return  # a token is not sent by browsers on their own, so it cannot be forged
        if not app.config.get("WTF_CSRF_ENABLED", True):
            return
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return
        csrf.protect()


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def register_errorhandlers(app: Flask) -> None:
    def render_error(error: HTTPException):
        code = error.code or 500
        if wants_json():
            payload = {
                "error": {
                    "code": error.name.lower().replace(" ", "_"),
                    "message": error.description,
                }
            }
            return jsonify(payload), code
        if code == 413:  # any upload over MAX_CONTENT_LENGTH: the page that says nothing was saved
            limit = request.max_content_length
            limit = round(limit / 1048576, 1) if limit else None
            return render_template("experts/too_large.html", limit=limit), code
        return render_template("errors/error.html", error=error), code

    for code in (400, 401, 403, 404, 405, 409, 413, 429):
        app.register_error_handler(code, render_error)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        error.description = _("The form expired or was sent from elsewhere. Please try again.")
        return render_error(error)

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        if wants_json():
            return jsonify({"error": {"code": "server_error", "message": "Internal error"}}), 500
        return render_template("errors/error.html", error=error), 500

    @app.before_request
    def refuse_nul_characters():
        # PostgreSQL text cannot hold NUL: a 400 for such input, not a database error (500).
        values = [v for _k, v in request.args.items(multi=True)]
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            values += [v for _k, v in request.form.items(multi=True)]
        if request.is_json:
            values += _json_strings(request.get_json(silent=True))
        if any("\x00" in v for v in values):
            from werkzeug.exceptions import BadRequest

            raise BadRequest(_("The request contains a character that is not allowed."))


def _json_strings(value) -> list[str]:
    """Every key and string inside a JSON document."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_json_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return [value] if isinstance(value, str) else []


def register_template_helpers(app: Flask) -> None:
    from roster.auth.permissions import TEMPLATE_RULES
    from roster.i18n import country_name, language_name, level_label

    app.jinja_env.globals.update(TEMPLATE_RULES)
    app.jinja_env.globals.update(
        country_name=country_name, language_name=language_name, level_label=level_label
    )

    def has_endpoint(name: str) -> bool:
        return name in app.view_functions

    app.jinja_env.globals.update(has_endpoint=has_endpoint, nav_links=nav_links)

    from roster.auth.security_events import event_label

    app.jinja_env.globals.update(event_label=event_label)

    @app.context_processor
    def inject_locale():
        from flask_babel import get_locale

        return {"current_locale": str(get_locale() or "en"), "languages": app.config["LANGUAGES"]}


NAV = (
    # (endpoint, label, rule): shown when the endpoint exists and the rule allows the user.
    ("experts.me", _l("My profile"), "is_expert"),
    ("experts.invitations", _l("Invitations"), "is_expert"),
    ("actions.my_invitations", _l("Invitations"), "is_expert"),
    ("toolkit.catalog", _l("Toolkit"), "is_authenticated"),
    ("experts.index", _l("Roster"), "is_staff"),
    ("experts.vetting", _l("Vetting"), "is_staff"),
    ("actions.index", _l("Actions"), "is_staff"),
    ("actions.requests", _l("Requests"), "is_staff"),
    ("reports.dashboard", _l("Reports"), "is_staff"),
    ("taxonomy.index", _l("Taxonomy"), "is_admin"),
    ("auth.users", _l("Users"), "is_admin"),
    ("audit.index", _l("Audit log"), "is_admin"),
)


def nav_links() -> list[tuple[str, str]]:
    """The main navigation for the current user."""
    from flask import current_app

    from roster.auth.permissions import is_admin, is_staff

    user = current_user
    rules = {
        "is_authenticated": lambda u: u.is_authenticated,
        "is_expert": lambda u: u.is_authenticated and not is_staff(u),
        "is_staff": is_staff,
        "is_admin": is_admin,
    }
    return [
        (endpoint, str(label))
        for endpoint, label, rule in NAV
        if endpoint in current_app.view_functions and rules[rule](user)
    ]


def register_cli(app: Flask) -> None:
    from roster.cli import register

    register(app)
