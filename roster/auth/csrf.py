"""CSRF on every state-changing request, except API calls that carry a Bearer token."""

from flask import Flask, current_app, g, request
from flask_login import current_user

from roster.auth.loaders import load_user_from_request
from roster.extensions import csrf, login_manager

UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def check_csrf() -> None:
    """Refuse a browser's state-changing request without a valid CSRF token."""
    if request.headers.get("Authorization", "").startswith("Bearer "):
        # The token alone says who calls, never a session cookie sent beside it: else a
        # made-up Bearer header would carry a signed-in browser's session past CSRF.
        g._login_user = load_user_from_request(request) or login_manager.anonymous_user()
        return  # a token is not sent by browsers on their own, so it cannot be forged
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    if request.method not in UNSAFE_METHODS:
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "signed_link", False) and not current_user.is_authenticated:
        return  # the link's signature is the secret; no session rides on the request
    if request.path.startswith("/api/") and not current_user.is_authenticated:
        # No session to ride on, so nothing to forge: the API answers 401 and says how to
        # authenticate, rather than a CSRF error about a form the caller never had.
        return
    csrf.protect()


def init_app(app: Flask) -> None:
    """Bind Flask-WTF's CSRF and check it ourselves, so that a Bearer call can skip it."""
    csrf.init_app(app)
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False
    app.before_request(check_csrf)
