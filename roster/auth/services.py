"""Account work shared by the views and the CLI: find, create, route after sign-in."""

from functools import cache
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from roster.auth.models import Role, User
from roster.auth.permissions import is_partner, is_staff
from roster.auth.signals import account_created
from roster.core.time import utcnow
from roster.extensions import db


def normalise_email(email: str) -> str:
    """Addresses are stored trimmed and in lower case, so that one person has one account."""
    return (email or "").strip().lower()


def find_user(email: str) -> User | None:
    """The account registered under this address, whatever its case."""
    email = normalise_email(email)
    if not email:
        return None
    return db.session.scalar(sa.select(User).where(sa.func.lower(User.email) == email))


def create_account(
    email: str,
    password: str | None,
    role: Role = Role.EXPERT,
    first_name: str = "",
    last_name: str = "",
    confirmed: bool = False,
    locale: str | None = None,
) -> User:
    """Add a user to the session; other domains add their part (experts: a draft profile)."""
    user = User(
        email=normalise_email(email),
        role=Role(role),
        confirmed_at=utcnow() if confirmed else None,
        locale=locale,
    )
    if password:
        user.set_password(password)
    db.session.add(user)
    account_created.send(user, first_name=first_name, last_name=last_name)
    db.session.flush()
    return user


@cache
def _dummy_hash() -> str:
    return generate_password_hash("not-a-real-password", method="scrypt")


def authenticate(email: str, password: str) -> User | None:
    """The account if the password matches; takes as long when the address is unknown."""
    user = find_user(email)
    if user is None or not user.password_hash:
        # Same work either way, so response time does not tell which addresses exist.
        check_password_hash(_dummy_hash(), password)
        return None
    return user if user.check_password(password) else None


def spend_hashing_time(password: str) -> None:
    """Hash and discard, so a refused path takes as long as the one that stores a hash."""
    generate_password_hash(password or "x", method="scrypt")


def active_admin_count() -> int:
    """How many admins can still sign in."""
    return db.session.scalar(
        sa.select(sa.func.count(User.id)).where(
            User.role == Role.ADMIN, User.is_active_account.is_(True)
        )
    )


def safe_next(target: str | None) -> str | None:
    """Keep a redirect target only if it is a path on this site (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(c) < 32 for c in target):
        return None  # browsers read "/\evil.example" as another host
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def landing_url(user: User) -> str:
    """Where a user goes after signing in: staff to the roster, experts to their profile."""
    views = current_app.view_functions
    if is_staff(user) and "experts.index" in views:
        return url_for("experts.index")
    if is_partner(user):
        return url_for("partner.home") if "partner.home" in views else url_for("main.index")
    if not is_staff(user) and "experts.me" in views:
        return url_for("experts.me")
    return url_for("main.index")
