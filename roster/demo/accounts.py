"""The three demo accounts, one per role, all with the published demo password."""

import random
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from roster.auth.models import Role, User
from roster.demo import DEMO_LOGINS, DEMO_PASSWORD

CONFIRMED_AT = datetime(2021, 1, 4, 9, 0)


def seed_accounts(session: Session, rng: random.Random, progress) -> int:
    """Create the missing demo accounts; an existing one is left as it is."""
    added = 0
    for email, role in DEMO_LOGINS:
        if session.scalar(sa.select(User).where(sa.func.lower(User.email) == email)) is None:
            user = User(email=email, role=Role(role), confirmed_at=CONFIRMED_AT, locale="en")
            user.created_at = CONFIRMED_AT
            user.set_password(DEMO_PASSWORD)
            session.add(user)
            added += 1
        progress(1)
    return added


def demo_user(session: Session, email: str) -> User | None:
    """The demo account with that e-mail, if it exists."""
    return session.scalar(sa.select(User).where(User.email == email))
