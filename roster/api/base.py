"""The API's blueprint object and what every operation shares: who may call it, how its
request is read (one marshmallow schema, which also writes the OpenAPI document) and the JSON
error it answers.

Every route needs a signed-in user (session cookie or Bearer token) unless it is marked
@public; a caller without one gets a JSON 401, never the login page's redirect.
"""

from datetime import UTC, datetime
from functools import wraps

from flask import Response, abort, current_app, jsonify, request
from flask_babel import _
from flask_login import current_user
from flask_smorest import Blueprint
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException

from roster.api.schemas.common import ErrorSchema

ERRORS = {
    400: "A bad parameter or field; `error.parameters` names each.",
    401: "No session and no valid token (missing, unknown or revoked).",
    403: "The caller may not use this operation.",
    404: "Not found.",
}


def api_error(status: int, code: str, message: str, **details) -> Response:
    """Build the JSON error answer; extra details (e.g. per-parameter messages) go inside."""
    body = {"code": code, "message": str(message)}
    body.update({key: value for key, value in details.items() if value is not None})
    response = jsonify({"error": body})
    response.status_code = status
    return response


def abort_api(status: int, code: str, message: str, **details):
    """Stop the request with the JSON error answer."""
    raise HTTPException(response=api_error(status, code, message, **details))


def iso(value) -> str | None:
    """A date or timestamp as the API writes it; stored timestamps are naive UTC, and RFC 3339
    (OpenAPI's date-time) wants their offset."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat() if value is not None else None


def _flatten(messages, name: str = "") -> dict[str, str]:
    # marshmallow nests errors ({"languages": {0: {"code": [...]}}}): name each place as a
    # caller writes it (languages[0].code); a whole-body error has no name.
    if isinstance(messages, dict):
        found: dict[str, str] = {}
        for key, value in messages.items():
            if key == "_schema":
                inner = name
            elif isinstance(key, int):
                inner = f"{name}[{key}]"
            else:
                inner = f"{name}.{key}" if name else str(key)
            for place, message in _flatten(value, inner).items():
                found.setdefault(place, message)
        return found
    first = messages[0] if isinstance(messages, list) else messages
    return {name: str(first)}


class ApiParser(FlaskParser):
    """Reads query strings and JSON bodies for the schemas; a bad one answers the API's 400."""

    DEFAULT_VALIDATION_STATUS = 400
    DEFAULT_UNKNOWN_BY_LOCATION = {}

    def load_querystring(self, req, schema):
        """The raw arguments: QuerySchema's pre_load sees repeated values and empty ones."""
        return req.args

    def load_json(self, req, schema):
        """The body, or None when it is not JSON (the schema then answers "send an object")."""
        return req.get_json(silent=True)

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        """Answer the JSON error naming the first bad place, with every bad place listed."""
        [(location, messages)] = error.messages.items()
        places = _flatten(messages)
        named = {place: message for place, message in places.items() if place}
        if not named:
            abort_api(400, "bad_request", next(iter(places.values())))
        name, message = next(iter(named.items()))
        text = (
            _("Bad field '%(name)s': %(message)s", name=name, message=message)
            if location == "json"
            else _("Bad parameter '%(name)s': %(message)s", name=name, message=message)
        )
        abort_api(400, "bad_request", text, field=name, parameters=named)


class ApiBlueprint(Blueprint):
    """flask-smorest's blueprint with the API's parser."""

    ARGUMENTS_PARSER = ApiParser()


bp = ApiBlueprint("api", __name__, url_prefix="/api/v1")


def errors(*statuses: int | tuple[int, str]):
    """Document an operation's error answers, each with the JSON error body: a status alone
    for its usual meaning (ERRORS), or (status, description) to say more."""
    answers = dict(s if isinstance(s, tuple) else (s, ERRORS[s]) for s in statuses)

    def decorator(view):
        for status, text in sorted(answers.items(), reverse=True):
            view = bp.alt_response(status, schema=ErrorSchema, description=text)(view)
        return view

    return decorator


def public(view):
    """Let a view answer without a signed-in user (non-personal data only); the document
    says so with an empty security requirement."""
    view = bp.doc(security=[])(view)
    view.public = True
    return view


def allowed_if(rule, message=None):
    """Answer 403 (with `message`, if given) unless `rule(current_user)`; checked before the
    request is read, so that a caller who may not ask never learns what a valid one is."""

    def decorator(view):
        @wraps(view)
        def checked(*args, **kwargs):
            if not rule(current_user):
                if message is None:
                    abort(403)
                abort_api(403, "forbidden", str(message))
            return view(*args, **kwargs)

        return checked

    return decorator


def _is_public() -> bool:
    return getattr(current_app.view_functions.get(request.endpoint), "public", False)


def require_authentication():
    """Refuse anonymous callers with a JSON 401 that says how to authenticate."""
    if _is_public():
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


def no_caching_of_personal_data(response):
    """Keep answers about people out of shared caches and the browser's disk cache."""
    if not _is_public():
        response.headers["Cache-Control"] = "no-store"
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
