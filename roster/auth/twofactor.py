"""Two-factor sign-in: TOTP codes (RFC 6238) and one-time recovery codes."""

import hashlib
import hmac
import io
import secrets
import time

import pyotp
import segno
import sqlalchemy as sa
from flask import current_app

from roster.auth.models import RecoveryCode, Role, User
from roster.core.crypto import FERNET_PREFIX
from roster.core.numbers import is_ascii_digits
from roster.core.time import utcnow
from roster.extensions import db

ISSUER = "Expert roster"
STEP_SECONDS = 30
DRIFT_STEPS = 1  # a phone clock one step early or late still signs in
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
# The demo staff and admin share this published secret, so that `make run` can be tried;
# the sign-in page shows its current code only where DEMO_TOTP_HINT is on (development).
DEMO_TOTP_SECRET = "DEMOROSTERDEMOROSTERDEMOROSTER23"  # noqa: S105


def new_secret() -> str:
    return pyotp.random_base32()


def requires_two_factor(user: User) -> bool:
    """Whether the user's role must use a second factor (config TWO_FACTOR_ROLES)."""
    roles = current_app.config.get("TWO_FACTOR_ROLES", (Role.STAFF.value, Role.ADMIN.value))
    return user.role.value in roles


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// link an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str, title: str) -> bytes:
    """The link as an SVG QR code (paths and attributes only, no inline style)."""
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(
        buffer, kind="svg", scale=5, border=4, xmldecl=False, title=title, light="#fff"
    )
    return buffer.getvalue()


def current_code(secret: str, at: float | None = None) -> str:
    return pyotp.TOTP(secret).at(at if at is not None else time.time())


def matching_step(
    secret: str, code: str, last_step: int | None, at: float | None = None
) -> int | None:
    """The time step a code belongs to (current one, or one either side), if newer than
    last_step; None for a wrong or replayed code."""
    code = "".join((code or "").split())
    if not is_ascii_digits(code, length=6):
        return None
    totp = pyotp.TOTP(secret)
    now_step = int((at if at is not None else time.time()) // STEP_SECONDS)
    for step in range(now_step - DRIFT_STEPS, now_step + DRIFT_STEPS + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify_totp(user: User, code: str) -> bool:
    """Accept a current code once: its time step is remembered and refused afterwards."""
    if not user.totp_secret:
        return False
    step = matching_step(user.totp_secret, code, user.totp_last_step)
    if step is None:
        return False
    user.totp_last_step = step
    if not user.totp_secret_stored.startswith(FERNET_PREFIX):
        user.totp_secret = user.totp_secret  # stored in clear before encryption: encrypt it now
    return True


def _hash_code(code: str) -> str:
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()


def normalise_recovery_code(code: str) -> str:
    return "".join(c for c in (code or "").lower() if c.isalnum())


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; returns them to show once."""
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(12))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash_code(c)) for c in codes)
    db.session.flush()
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """Spend one unused recovery code; False when it is wrong or already used."""
    if len(normalise_recovery_code(code)) != 12:
        return False
    row = db.session.scalar(
        sa.select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash_code(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if row is None:
        return False
    row.used_at = utcnow()
    return True


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(RecoveryCode.id)).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    )


def enable(user: User, secret: str, step: int) -> list[str]:
    """Store the confirmed secret on the user; returns the first recovery codes."""
    user.totp_secret = secret
    user.totp_last_step = step
    user.two_factor_enabled_at = utcnow()
    return new_recovery_codes(user)


def disable(user: User) -> None:
    """Forget the secret and the recovery codes (an admin reset, or the user's choice)."""
    user.totp_secret = None
    user.totp_last_step = None
    user.two_factor_enabled_at = None
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
