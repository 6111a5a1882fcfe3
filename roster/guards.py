"""Input every route refuses before its view runs."""

from flask import Flask, request
from flask_babel import _
from werkzeug.exceptions import BadRequest


def refuse_nul_characters() -> None:
    """PostgreSQL text cannot hold NUL: a 400 for such input, not a database error (500)."""
    values = [v for _k, v in request.args.items(multi=True)]
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        values += [v for _k, v in request.form.items(multi=True)]
    if request.is_json:
        values += _json_strings(request.get_json(silent=True))
    if any("\x00" in v for v in values):
        raise BadRequest(_("The request contains a character that is not allowed."))


def _json_strings(value) -> list[str]:
    """Every key and string inside a JSON document."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_json_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return [value] if isinstance(value, str) else []


def init_app(app: Flask) -> None:
    """Check every request's input before any view reads it."""
    app.before_request(refuse_nul_characters)
