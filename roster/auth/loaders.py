"""How Flask-Login finds the user: the session cookie, or a Bearer token for the API."""

from datetime import timedelta

from flask import Flask, request
from flask_babel import lazy_gettext as _l

from roster.auth import gate
from roster.auth.models import ApiToken, User
from roster.auth.user_sessions import session_for, set_current, touch
from roster.core.time import utcnow
from roster.extensions import db, login_manager

LAST_USED_PRECISION = timedelta(minutes=1)


def load_user(user_id: str) -> User | None:
    """The user of the server-side session the cookie names ("id:token" from get_id());
    None once that session has ended (signed out, password changed, ended by an admin)."""
    row = session_for(user_id)
    # A deactivated account loses its open sessions at once, not when they expire.
    if row is None or not row.user.is_active:
        return None
    set_current(row)
    touch(row)
    return row.user


def load_user_from_request(req) -> User | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    secret = header.removeprefix("Bearer ").strip()
    token = db.session.scalar(
        db.select(ApiToken).where(ApiToken.token_hash == ApiToken.hash(secret))
    )
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    now = utcnow()
    # "Last used" to the minute is all the account page shows: writing it on every call
    # made each API request a write transaction (a lock and a commit) on the hot path.
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        token.last_used_at = now
        db.session.commit()
    return token.user


def init_app(app: Flask) -> None:
    """Bind Flask-Login: who the user is, and where to send someone who must sign in."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.localize_callback = str  # translate the lazy message when it is flashed
    login_manager.user_loader(load_user)
    login_manager.request_loader(load_user_from_request)
    gate.init_app(app)
