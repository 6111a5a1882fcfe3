"""The signed-in session: how it starts, how long it lasts, and what it may reach.

A session records when it began and when it was last used, so that it ends after
SESSION_LIFETIME_HOURS in all and after SESSION_IDLE_MINUTES unused; it records whether
the second factor was checked, so that a user who needs one reaches nothing else before.
"""

import time

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from roster.audit import record
from roster.auth.models import User
from roster.auth.permissions import is_staff
from roster.auth.services import safe_next
from roster.auth.twofactor import requires_two_factor
from roster.auth.user_sessions import (
    current_session,
    end_session,
    end_sessions,
    open_session,
    set_current,
)
from roster.core.time import utcnow
from roster.extensions import db

AUTH_AT = "_auth_at"  # when the user signed in (epoch seconds)
SEEN_AT = "_seen_at"  # the last request of this session
TWO_FACTOR_OK = "_tfa"  # the second factor was checked in this session
PENDING = "_tfa_pending"  # password accepted, second factor still to come
ENROL_SECRET = "_tfa_enrol"  # noqa: S105 (a session key: the secret set up until confirmed)
SESSION_KEYS = (AUTH_AT, SEEN_AT, TWO_FACTOR_OK, PENDING, ENROL_SECRET)
PENDING_SECONDS = 300
SEEN_AT_RESOLUTION = 30  # write the session cookie at most this often just to say "still here"

# What a user who must enrol in two-factor sign-in may still open.
ENROLMENT_ENDPOINTS = {
    "auth.enrol_two_factor",
    "auth.two_factor_qr",
    "auth.logout",
    "main.set_language",
    "main.healthz",
    "static",
}


def may_remember(user: User) -> bool:
    """Staff and anyone with a second factor never get a remember-me cookie: it would outlive
    the session limits and skip the second factor."""
    return not (is_staff(user) or user.two_factor_enabled or requires_two_factor(user))


def complete_sign_in(user: User, remember: bool = False, second_factor: bool = False) -> None:
    """Sign the user in on this browser and start the session's clocks."""
    for key in SESSION_KEYS:
        session.pop(key, None)
    end_session(current_session())  # whoever was signed in on this browser before
    remember = remember and may_remember(user)
    open_session(user, remember=remember)
    login_user(user, remember=remember)
    now = time.time()
    session[AUTH_AT] = session[SEEN_AT] = now
    if second_factor:
        session[TWO_FACTOR_OK] = True
    user.last_login_at = utcnow()
    if user.locale:
        session["locale"] = user.locale


def renew_session(user: User) -> None:
    """After a password or second-factor change: end every session of the user, on every
    device, and start a new one on this browser (remembered if this one was)."""
    current = current_session()
    remember = bool(current is not None and current.remember and may_remember(user))
    end_sessions(user)
    open_session(user, remember=remember)
    login_user(user, remember=remember)


def sign_out_here() -> None:
    """End this browser's session, server-side too: a copy of its cookies stops working."""
    end_session(current_session())
    set_current(None)
    logout_user()
    for key in SESSION_KEYS:
        session.pop(key, None)


def _uses_bearer_token() -> bool:
    return request.headers.get("Authorization", "").startswith("Bearer ")


def _sign_out(message: str | None):
    """End this session; pages go to the sign-in page, and come back after it."""
    sign_out_here()
    db.session.commit()
    if request.path.startswith("/api/"):
        return None  # the API answers 401 for an anonymous caller
    if message:
        flash(message, "info")
    target = None
    if request.method == "GET" and request.endpoint not in ("auth.login", "auth.logout"):
        target = safe_next(request.full_path.rstrip("?"))
    return redirect(url_for("auth.login", next=target))


def _expired(now: float) -> bool:
    config = current_app.config
    started = session.setdefault(AUTH_AT, now)
    seen = session.get(SEEN_AT, now)
    return (
        now - started > config["SESSION_LIFETIME_HOURS"] * 3600
        or now - seen > config["SESSION_IDLE_MINUTES"] * 60
    )


def guard_session():
    """Before every request: end expired sessions, and hold back a missing second factor."""
    if request.endpoint == "static" or _uses_bearer_token():
        return None
    if not current_user.is_authenticated:
        return None
    user = current_user._get_current_object()
    if g.pop("_remembered_staff", False):
        return _sign_out(_("Please sign in to open this page."))
    now = time.time()
    if _expired(now):
        record("session_expired", target=user, actor=user)
        db.session.commit()
        return _sign_out(_("Your session has expired. Please sign in again."))
    if now - session.get(SEEN_AT, 0) > SEEN_AT_RESOLUTION:
        session[SEEN_AT] = now
    if session.get(TWO_FACTOR_OK):
        return None
    if user.two_factor_enabled:
        # Signed in some other way than the two-factor page (e.g. a remember-me cookie).
        return _sign_out(_("Please sign in to open this page."))
    if requires_two_factor(user) and request.endpoint not in ENROLMENT_ENDPOINTS:
        if request.path.startswith("/api/"):
            abort(403)
        return redirect(url_for("auth.enrol_two_factor"))
    return None


def on_user_loaded_from_cookie(sender, user: User) -> None:
    """A remember-me cookie starts a new session; staff must sign in in full instead."""
    if not may_remember(user):
        g._remembered_staff = True
        return
    session[AUTH_AT] = session[SEEN_AT] = time.time()
