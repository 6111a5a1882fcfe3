"""One rule for signed-out visitors, in every section: a page sends them to sign in with a link
back to it, the API answers a JSON 401. Pages open to all are marked core.access.public_page."""

from urllib.parse import urlsplit

from flask import Flask, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user

from roster.auth.services import safe_next
from roster.extensions import login_manager


def is_api_request() -> bool:
    """The API speaks JSON and has its own rule for tokens (roster/api/base.py)."""
    return request.blueprint == "api" or request.path.startswith("/api/")


def return_path() -> str | None:
    """Where to come back after signing in: this page, or the page a refused form was sent from."""
    if request.method in ("GET", "HEAD"):
        target = request.full_path
    else:
        referrer = urlsplit(request.referrer or "")
        if referrer.netloc != request.host:
            return None
        target = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return safe_next(target.rstrip("?"))


def send_to_sign_in():
    """Flask-Login's answer to a signed-out visitor (login_required, require(), a 401)."""
    if is_api_request():
        abort(401)
    flash(str(login_manager.login_message), login_manager.login_message_category)
    return redirect(url_for(login_manager.login_view, next=return_path()))


def require_sign_in():
    """Before any view: a signed-out visitor may open only the pages marked public."""
    if current_user.is_authenticated or request.endpoint in (None, "static") or is_api_request():
        return None
    view = current_app.view_functions.get(request.endpoint)
    if view is None or getattr(view, "public", False):
        return None
    return login_manager.unauthorized()


def init_app(app: Flask) -> None:
    """Apply the rule to every request and to every refusal of a signed-out visitor."""
    login_manager.unauthorized_handler(send_to_sign_in)
    app.before_request(require_sign_in)
