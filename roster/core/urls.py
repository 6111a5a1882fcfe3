"""Absolute links for e-mails: the configured public address, else the address of the request.

In production EXTERNAL_BASE_URL is required (config.py refuses to start without it): a link built
from the request's Host header could be pointed at another site by whoever sends the request.
In development the links follow the host and port the app is served on (`make run PORT=8000`
mails :8000 links); outside a request (a command, a background job) they use EXTERNAL_BASE_URL,
else the address `flask run` would serve (FLASK_RUN_HOST, FLASK_RUN_PORT).
"""

import os
from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


def external_base() -> str | None:
    """The configured public address (scheme, host, port and any path prefix), if any."""
    base = current_app.config.get("EXTERNAL_BASE_URL")
    return base.rstrip("/") if base else None


def development_base() -> str:
    """Where `flask run` serves when no request says it: its own host and port settings."""
    host = os.environ.get("FLASK_RUN_HOST", "127.0.0.1")
    port = os.environ.get("FLASK_RUN_PORT", "5000")
    return f"http://{host}:{port}"


def external_url(endpoint: str, **values) -> str:
    """An absolute link to a page, for a mail (or anything read outside the site)."""
    base = external_base()
    if base is None and has_request_context():
        return url_for(endpoint, _external=True, **values)
    parts = urlsplit(base or development_base())
    adapter = current_app.url_map.bind(
        parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme
    )
    return adapter.build(endpoint, values, force_external=True)
