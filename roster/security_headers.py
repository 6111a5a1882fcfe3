"""The security headers every response carries: what a browser may load, frame, send and keep.

The Content-Security-Policy allows scripts, styles, images and fonts from this origin only:
no inline <script>, no style="..." attribute and no <style> block runs or applies, so a
string that slipped past escaping stays inert. A view may set a stricter policy of its own
(module files are sandboxed); it is kept. In production (STRICT_TRANSPORT_SECURITY set) the
browser is also told to use HTTPS only. Pages shown to a signed-in user hold personal data:
they are never stored by the browser or a shared cache.
"""

from flask import Flask, Response, current_app, request
from flask_login import current_user

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    """Add the headers to every response of the app."""
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    """Set each header the view did not set itself."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    hsts = current_app.config.get("STRICT_TRANSPORT_SECURITY")
    if hsts:
        response.headers.setdefault("Strict-Transport-Security", hsts)
    if request.endpoint != "static" and current_user and current_user.is_authenticated:
        response.headers["Cache-Control"] = "no-store"
    return response


def without_referrer(response: Response) -> Response:
    """Send no Referer from an address that holds a secret (a mailed link's token).

    Only for the token's own address: a form page needs its same-origin Referer, which
    Flask-WTF checks on every HTTPS post (WTF_CSRF_SSL_STRICT).
    """
    response.headers["Referrer-Policy"] = "no-referrer"
    return not_stored(response)


def not_stored(response: Response) -> Response:
    """Keep a page about one person out of the browser's cache and shared caches."""
    response.headers["Cache-Control"] = "no-store"
    return response
