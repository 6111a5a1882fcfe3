"""Lock an (address, client) pair after repeated failed sign-ins, for a while only.

Counting per pair means an attacker failing from elsewhere never locks the owner out, and
the lock always ends: it lasts LOCKOUT_MINUTES, and a password reset by e-mail clears it.
"""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, request
from sqlalchemy.exc import IntegrityError

from roster.auth.models import LoginFailure
from roster.auth.services import normalise_email
from roster.core.time import utcnow
from roster.extensions import db


def client_ip() -> str:
    return (request.remote_addr or "unknown")[:45]


def _row(email: str, ip: str) -> LoginFailure | None:
    return db.session.scalar(
        sa.select(LoginFailure).where(LoginFailure.email == email, LoginFailure.ip == ip)
    )


def is_locked(email: str) -> bool:
    """Whether sign-in for this address is locked from this client right now."""
    row = _row(normalise_email(email)[:254], client_ip())
    return bool(row and row.locked_until and row.locked_until > utcnow())


def record_failure(email: str) -> bool:
    """Count a failed attempt for this address from this client; True when it locks now."""
    email, ip = normalise_email(email)[:254], client_ip()
    row = _row(email, ip)
    if row is None:
        try:
            with db.session.begin_nested():  # another host may insert the same pair first
                db.session.add(LoginFailure(email=email, ip=ip, failures=0))
        except IntegrityError:
            pass
        row = _row(email, ip)
    if row.locked_until and row.locked_until <= utcnow():
        row.failures, row.locked_until = 0, None  # the lock ended: start counting afresh
    row.failures += 1
    row.last_failure_at = utcnow()
    if row.failures >= current_app.config["LOCKOUT_THRESHOLD"]:
        row.locked_until = utcnow() + timedelta(minutes=current_app.config["LOCKOUT_MINUTES"])
        db.session.flush()
        return True
    db.session.flush()
    return False


def clear_failures(email: str) -> None:
    """A successful sign-in from this client starts the count again."""
    row = _row(normalise_email(email)[:254], client_ip())
    if row is not None:
        db.session.delete(row)


def clear_all_locks(email: str) -> None:
    """A password reset by e-mail proves the owner: lift every lock on the address."""
    db.session.execute(sa.delete(LoginFailure).where(LoginFailure.email == normalise_email(email)))
