"""Small helpers for the two-factor tests: enrol a user, compute codes, sign in in two steps."""

import time

import pyotp
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from tests.builders import PASSWORD


def enrol(db, user, secret: str | None = None) -> str:
    """Give user a second factor directly in the database; returns the secret."""
    user.totp_secret = secret or pyotp.random_base32()
    db.session.commit()
    return user.totp_secret


def code(secret: str, offset_steps: int = 0) -> str:
    """The code of the current time step, or of one `offset_steps` away."""
    return pyotp.TOTP(secret).at(time.time() + 30 * offset_steps)


def password_step(client, email: str, password: str = PASSWORD, **extra):
    return client.post("/auth/login", data={"email": email, "password": password, **extra})


def second_step(client, value: str):
    return client.post("/auth/login/two-factor", data={"code": value})


def actions(db) -> list[str]:
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def signed_in(client) -> bool:
    """Whether the client reaches its account page (not sent to sign in or to enrol)."""
    return client.get("/auth/account").status_code == 200
