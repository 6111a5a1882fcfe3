"""Secrets kept encrypted at rest (two-factor keys): Fernet, with a key from the environment.

TOTP_ENCRYPTION_KEY is a Fernet key; unset, one is derived from SECRET_KEY with HKDF, so a
database dump or a backup alone never reveals a secret.
"""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

FERNET_PREFIX = "gAAAAA"  # every Fernet token starts so (version byte and timestamp)


@lru_cache(maxsize=8)
def _fernet(configured: str | None, secret_key: str) -> Fernet:
    if configured:
        return Fernet(configured.encode())
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"roster totp secrets"
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _current() -> Fernet:
    config = current_app.config
    return _fernet(config.get("TOTP_ENCRYPTION_KEY"), str(config["SECRET_KEY"]))


def encrypt_secret(text: str) -> str:
    """The secret as an encrypted token for the database."""
    return _current().encrypt(text.encode()).decode()


def decrypt_secret(stored: str) -> str:
    """The secret from the database; a value stored before encryption reads as itself."""
    if not stored.startswith(FERNET_PREFIX):
        return stored
    try:
        return _current().decrypt(stored.encode()).decode()
    except InvalidToken as exc:
        raise RuntimeError(
            "A two-factor secret cannot be decrypted: TOTP_ENCRYPTION_KEY or SECRET_KEY "
            "changed since it was stored."
        ) from exc
