"""Input every route refuses before its view runs."""

import re

from flask import Flask, request
from flask_babel import _
from werkzeug.exceptions import BadRequest

MAX_JSON_DEPTH = 32  # no document the API takes nests deeper than a few levels
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKETS = re.compile(rb"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_depth(body: bytes) -> int:
    """How deep arrays and objects nest in a JSON text, counted before parsing it (a deep
    document makes the parser itself fail with a RecursionError)."""
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return 0  # cannot be too deep: skip the scan
    depth = deepest = 0
    for bracket in _JSON_BRACKETS.findall(_JSON_STRING.sub(b"", body)):
        if bracket in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def refuse_unsafe_json() -> None:
    """A 400 for a JSON body nested deeper than MAX_JSON_DEPTH or holding a lone surrogate
    (a "\\ud800" escape decodes to text that no database or encoder accepts)."""
    if not request.is_json:
        return
    if json_depth(request.get_data(cache=True)) > MAX_JSON_DEPTH:
        raise BadRequest(
            _("The JSON document nests deeper than %(depth)d levels.", depth=MAX_JSON_DEPTH)
        )
    if any(_SURROGATE.search(text) for text in _json_strings(request.get_json(silent=True))):
        raise BadRequest(_("The request contains a character that is not allowed."))


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
    app.before_request(refuse_unsafe_json)  # first: the others parse the JSON body
    app.before_request(refuse_nul_characters)
