"""Signed, expiring links sent by e-mail: account confirmation and password reset."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from roster.auth.models import User
from roster.extensions import db

CONFIRM_SALT = "roster.auth.confirm-email"
RESET_SALT = "roster.auth.reset-password"


class InvalidLink(Exception):
    """The link is forged, damaged, expired or already used."""

    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _load(salt: str, token: str) -> dict:
    try:
        data = _serializer(salt).loads(token, max_age=current_app.config["TOKEN_MAX_AGE"])
    except SignatureExpired as exc:
        raise InvalidLink(expired=True) from exc
    except BadSignature as exc:
        raise InvalidLink() from exc
    if not isinstance(data, dict):
        raise InvalidLink()
    return data


def password_fingerprint(user: User) -> str:
    """A short digest of the password hash (and the second factor): it changes whenever the
    password does, so that a reset link works once."""
    material = user.password_hash or ""
    if user.totp_secret:
        material += "|" + user.totp_secret
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def confirmation_token(user: User) -> str:
    """Sign a link that proves the owner of user's e-mail address received it."""
    return _serializer(CONFIRM_SALT).dumps({"id": user.id, "email": user.email})


def user_from_confirmation_token(token: str) -> User:
    """The account a confirmation link was made for, or InvalidLink."""
    data = _load(CONFIRM_SALT, token)
    user = db.session.get(User, data.get("id")) if isinstance(data.get("id"), int) else None
    # A link made before an address change must not confirm the new address.
    if user is None or user.email != data.get("email"):
        raise InvalidLink()
    return user


def reset_token(user: User) -> str:
    """Sign a password-reset link, bound to the current password so that it works once."""
    return _serializer(RESET_SALT).dumps({"id": user.id, "pw": password_fingerprint(user)})


def user_from_reset_token(token: str) -> User:
    """The account a reset link was made for, or InvalidLink (also once it has been used)."""
    data = _load(RESET_SALT, token)
    user = db.session.get(User, data.get("id")) if isinstance(data.get("id"), int) else None
    if user is None or not user.is_active or data.get("pw") != password_fingerprint(user):
        raise InvalidLink()
    return user
