"""The three demo accounts, one per role, all with the published demo password.

The staff and admin accounts must use a second factor: they are enrolled with the published
demo secret, whose current code the development sign-in page shows (DEMO_TOTP_HINT).
"""

import random
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from roster.auth.models import Role, User
from roster.auth.twofactor import DEMO_TOTP_SECRET
from roster.demo import DEMO_LOGINS, DEMO_PASSWORD

CONFIRMED_AT = datetime(2021, 1, 4, 9, 0)
DEMO_TWO_FACTOR_ROLES = (Role.STAFF, Role.ADMIN)


def seed_accounts(session: Session, rng: random.Random, progress) -> int:
    """Create the missing demo accounts; an existing one is left as it is."""
    added = 0
    for email, role in DEMO_LOGINS:
        user = session.scalar(sa.select(User).where(sa.func.lower(User.email) == email))
        created = user is None
        if created:
            user = User(email=email, role=Role(role), confirmed_at=CONFIRMED_AT, locale="en")
            user.created_at = CONFIRMED_AT
            user.set_password(DEMO_PASSWORD)
            session.add(user)
            added += 1
        # Only a demo account proper (ours, or still on the published password) gets the
        # published second factor: an account someone made their own is left alone.
        if (
            user.role in DEMO_TWO_FACTOR_ROLES
            and not user.totp_secret
            and (created or user.check_password(DEMO_PASSWORD))
        ):
            user.totp_secret = DEMO_TOTP_SECRET
            user.two_factor_enabled_at = CONFIRMED_AT
        progress(1)
    return added


def demo_user(session: Session, email: str) -> User | None:
    """The demo account with that e-mail, if it exists."""
    return session.scalar(sa.select(User).where(User.email == email))
