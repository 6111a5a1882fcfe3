"""Error pages: JSON for the API and the health check, a translated page for people."""

from flask import Flask, jsonify, render_template, request
from flask_babel import _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from roster.extensions import db

HANDLED = (400, 401, 403, 404, 405, 409, 413, 429)


def wants_json() -> bool:
    """Machines (the API, a load balancer's health check) read errors as JSON."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def render_error(error: HTTPException):
    """The error as {"error": {"code", "message"}} for machines, as a page for people."""
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
