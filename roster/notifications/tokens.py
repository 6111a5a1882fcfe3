"""The signed link in each digest that unsubscribes its reader with one click.

It never expires (a mail read months later must still work) and names only the account; it
can do nothing but stop the digest.
"""

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

SALT = "roster.notifications.unsubscribe"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def unsubscribe_token(user) -> str:
    return _serializer().dumps({"u": user.id})


def user_id_from(token: str) -> int | None:
    """The account a token was made for, or None for a forged or damaged one."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    value = data.get("u") if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
