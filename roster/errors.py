"""Error pages: JSON for the API and the health check, a translated page for people."""

import math
import time
from datetime import timedelta

from flask import Flask, jsonify, make_response, render_template, request
from flask_babel import _, format_timedelta
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from roster.extensions import db, limiter, login_manager

HANDLED = (400, 401, 403, 404, 405, 409, 413, 429)


def wants_json() -> bool:
    """Machines (the API, a load balancer's health check) read errors as JSON."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def _with_headers(error: HTTPException, answer):
    """Keep the exception's own headers (Allow on a 405, WWW-Authenticate, Retry-After):
    the body is ours, the protocol's headers are not ours to drop."""
    response = make_response(answer)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def render_error(error: HTTPException):
    """The error as {"error": {"code", "message"}} for machines, as a page for people."""
    return _with_headers(error, _error_answer(error))


def _error_answer(error: HTTPException):
    code = error.code or 500
    if wants_json():
        payload = {
            "error": {
                "code": error.name.lower().replace(" ", "_"),
                "message": error.description,
            }
        }
        return jsonify(payload), code
    if code == 401 and not current_user.is_authenticated and login_manager.login_view:
        return login_manager.unauthorized()  # the one rule for pages: sign in, then come back
    if code == 413:  # any upload over MAX_CONTENT_LENGTH: the page that says nothing was saved
        limit = request.max_content_length
        limit = round(limit / 1048576, 1) if limit else None
        return render_template("experts/too_large.html", limit=limit), code
    retry = retry_in_words(error) if code == 429 else None
    return render_template("errors/error.html", error=error, retry_in=retry), code


def retry_in_words(error: HTTPException) -> str | None:
    """When the refused request may be tried again, in the reader's words ("in 2 minutes")."""
    seconds = None
    header = dict(error.get_headers()).get("Retry-After", "")
    if header.isdigit():
        seconds = int(header)
    elif (current := limiter.current_limit) is not None:
        seconds = math.ceil(current.reset_at - time.time())
    if seconds is None:
        return None
    return format_timedelta(timedelta(seconds=max(seconds, 1)), add_direction=True)


def csrf_error(error: CSRFError):
    """An expired or foreign form: say so in words a person understands."""
    error.description = _("The form expired or was sent from elsewhere. Please try again.")
    return render_error(error)


def server_error(error):
    """A crash: undo the request's unfinished work and show a plain page."""
    db.session.rollback()
    if wants_json():
        return jsonify({"error": {"code": "server_error", "message": "Internal error"}}), 500
    return render_template("errors/error.html", error=error), 500


def init_app(app: Flask) -> None:
    """Answer every handled HTTP error, a CSRF failure and a crash."""
    for code in HANDLED:
        app.register_error_handler(code, render_error)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(500, server_error)
