"""JSON API, version 1: the blueprint, who may call it, and how it answers.

Routes live in the modules beside this one (experts.py, themes.py, openapi.py), each listed
in roster.setup.BLUEPRINTS. Every route needs a signed-in user (session cookie or Bearer
token) unless it is marked @public; a caller without one gets a JSON 401, never the login
page's redirect.
"""

from flask import Blueprint, request
from flask_babel import _
from flask_login import current_user

from roster.api.errors import api_error

bp = Blueprint("api", __name__, url_prefix="/api/v1")

PUBLIC_ENDPOINTS: set[str] = set()


def public(view):
    """Mark a view that answers without a signed-in user (non-personal data only)."""
    PUBLIC_ENDPOINTS.add(f"{bp.name}.{view.__name__}")
    return view


@bp.before_request
def require_authentication():
    """Refuse anonymous callers with a JSON 401 that says how to authenticate."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated or not current_user.is_active:
        response = api_error(
            401,
            "unauthorized",
            _("Sign in or send an API token in the header 'Authorization: Bearer <token>'."),
        )
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return None


@bp.after_request
def no_caching_of_personal_data(response):
    """Keep answers about people out of shared caches and the browser's disk cache."""
    if request.endpoint not in PUBLIC_ENDPOINTS:
        response.headers["Cache-Control"] = "no-store"
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
