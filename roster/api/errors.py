"""The API's error answer: `{"error": {"code": ..., "message": ...}}` with a 4xx status."""

from flask import Response, jsonify
from werkzeug.exceptions import HTTPException


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
