"""Server-side sessions: one row per signed-in browser, named by its cookies.

The session cookie and the remember-me cookie carry "user id:token" (User.get_id()); a
request is signed in only while a UserSession row holds that token's hash. Signing out, a
password or second-factor change and an administrator's "end sessions" delete rows, so a
copied cookie stops working wherever it was copied to.
"""

import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, has_request_context, request
from sqlalchemy.orm import joinedload

from roster.auth.models import User, UserSession
from roster.core.numbers import parse_int
from roster.core.time import utcnow
from roster.extensions import db

TOUCH_EVERY = timedelta(minutes=1)  # "last seen" to the minute: not a write per request
_CURRENT = "roster.user_session"  # where the request keeps the row it was signed in with


def _client() -> tuple[str | None, str | None]:
    if not has_request_context():
        return None, None
    agent = (request.user_agent.string or "")[:255] or None
    return (request.remote_addr or None), agent


def open_session(user: User, remember: bool = False) -> str:
    """Start a server-side session for user; returns the id the cookies carry ("id:token")."""
    token = secrets.token_urlsafe(32)
    ip, agent = _client()
    row = UserSession(
        user_id=user.id,
        token_hash=UserSession.hash(token),
        ip=ip,
        user_agent=agent,
        remember=remember,
    )
    db.session.add(row)
    db.session.flush()
    forget_dead_sessions(user)
    user.session_token = token
    set_current(row)
    return user.get_id()


def set_current(row: UserSession | None) -> None:
    if has_request_context():
        request.environ[_CURRENT] = row


def current_session() -> UserSession | None:
    """The row this request was signed in with (None for a token or an anonymous call)."""
    return request.environ.get(_CURRENT) if has_request_context() else None


def session_for(cookie_id: str) -> UserSession | None:
    """The live session a cookie's "id:token" names, with its user; None if it has ended."""
    raw_id, _sep, token = str(cookie_id).partition(":")
    user_id = parse_int(raw_id)
    if user_id is None or not token or len(token) > 200:
        return None
    row = db.session.scalar(
        sa.select(UserSession)
        .options(joinedload(UserSession.user))
        .where(UserSession.token_hash == UserSession.hash(token))
    )
    if row is None or row.user_id != user_id or not _alive(row, utcnow()):
        return None
    return row


def touch(row: UserSession) -> None:
    """Note that the session is in use (and from where), at most once a minute."""
    now = utcnow()
    if now - row.last_seen_at < TOUCH_EVERY:
        return
    row.last_seen_at = now
    ip, agent = _client()
    row.ip = ip or row.ip
    row.user_agent = agent or row.user_agent
    db.session.commit()


def _max_unused(row: UserSession) -> timedelta:
    """How long a session may go unused before its row is dead (the cookies' own limits)."""
    config = current_app.config
    if row.remember:
        duration = config.get("REMEMBER_COOKIE_DURATION") or timedelta(days=365)
        return duration if isinstance(duration, timedelta) else timedelta(seconds=duration)
    return timedelta(hours=float(config["SESSION_LIFETIME_HOURS"]))


def _alive(row: UserSession, now) -> bool:
    return now - row.last_seen_at <= _max_unused(row)


def forget_dead_sessions(user: User) -> None:
    """Delete the user's sessions that their cookies could no longer use anyway."""
    now = utcnow()
    for row in list(user.sessions):
        if not _alive(row, now):
            db.session.delete(row)


def live_sessions(user: User) -> list[UserSession]:
    """The user's sessions that can still be used, the most recently used first."""
    now = utcnow()
    rows = db.session.scalars(
        sa.select(UserSession)
        .where(UserSession.user_id == user.id)
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )
    return [row for row in rows if _alive(row, now)]


def end_session(row: UserSession | None) -> None:
    """End one session: its cookies, wherever they are, no longer sign anyone in."""
    if row is not None and sa.inspect(row).persistent:
        db.session.delete(row)


def end_sessions(user: User, keep: UserSession | None = None) -> int:
    """End every session of user but `keep`; returns how many ended."""
    stmt = sa.delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep.id)
    result = db.session.execute(stmt.execution_options(synchronize_session="fetch"))
    return result.rowcount or 0


def describe_agent(agent: str | None) -> tuple[str, str]:
    """(browser, system) read from a User-Agent header, for a person to recognise a device."""
    text = agent or ""
    browser = next(
        (
            name
            for marker, name in (
                ("Edg/", "Edge"),
                ("OPR/", "Opera"),
                ("Firefox/", "Firefox"),
                ("Chromium/", "Chromium"),
                ("Chrome/", "Chrome"),
                ("Safari/", "Safari"),
                ("curl/", "curl"),
            )
            if marker in text
        ),
        "",
    )
    system = next(
        (
            name
            for marker, name in (
                ("Android", "Android"),
                ("iPhone", "iOS"),
                ("iPad", "iPadOS"),
                ("Windows", "Windows"),
                ("Mac OS X", "macOS"),
                ("CrOS", "ChromeOS"),
                ("Linux", "Linux"),
            )
            if marker in text
        ),
        "",
    )
    return browser, system
