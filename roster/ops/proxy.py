"""Trust X-Forwarded-* headers only from the number of proxies the operator declares."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

HEADERS = ("for", "proto", "host", "port", "prefix")


def register_proxy_fix(app: Flask) -> None:
    """Wrap the WSGI app in ProxyFix when PROXY_FIX_X_* say proxies sit in front of it.

    Off by default: without a proxy, a client could forge its address (and dodge the
    rate limits) or its scheme with these headers.
    """
    counts = {
        f"x_{name}": int(app.config.get(f"PROXY_FIX_X_{name.upper()}", 0)) for name in HEADERS
    }
    if any(counts.values()):
        app.wsgi_app = ProxyFix(app.wsgi_app, **counts)
