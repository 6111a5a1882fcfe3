"""The experts' answers to what auth and taxonomy announce or ask (see their signals.py)."""

import sqlalchemy as sa

from roster.auth.models import Role, User
from roster.auth.signals import account_created, profiles_of, users_named
from roster.experts.models import Expert, ExpertCountry, ExpertTheme, Status
from roster.extensions import db
from roster.taxonomy.signals import country_usage, theme_usage


def add_draft_profile(user: User, first_name: str = "", last_name: str = "", **_) -> None:
    """A new expert account starts with a draft profile under the name given."""
    if user.role != Role.EXPERT:
        return
    db.session.add(
        Expert(
            user=user,
            email=user.email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            status=Status.DRAFT,
        )
    )


def experts_of_users(_sender, user_ids, **_) -> dict[int, Expert]:
    """The profile of each of these accounts that has one."""
    if not user_ids:
        return {}
    rows = db.session.scalars(sa.select(Expert).where(Expert.user_id.in_(user_ids)))
    return {expert.user_id: expert for expert in rows}


def users_with_name(_sender, pattern: str, **_) -> sa.Select:
    """The accounts whose expert's full name matches a lower-case LIKE pattern."""
    full_name = sa.func.lower(Expert.first_name + " " + Expert.last_name)
    return sa.select(Expert.user_id).where(Expert.user_id.is_not(None), full_name.like(pattern))


def experts_per_theme(_sender, theme_ids=None, **_) -> dict[int, int]:
    """How many profiles list each theme."""
    stmt = sa.select(ExpertTheme.theme_id, sa.func.count()).group_by(ExpertTheme.theme_id)
    if theme_ids is not None:
        stmt = stmt.where(ExpertTheme.theme_id.in_(theme_ids))
    return dict(db.session.execute(stmt).all())


def experts_in_countries(_sender, codes, **_) -> int:
    """How many experts list any of these countries."""
    return db.session.scalar(
        sa.select(sa.func.count(sa.distinct(ExpertCountry.expert_id))).where(
            ExpertCountry.country_code.in_(codes)
        )
    )


def connect() -> None:
    """Answer auth's and taxonomy's signals."""
    account_created.connect(add_draft_profile)
    profiles_of.connect(experts_of_users)
    users_named.connect(users_with_name)
    theme_usage.connect(experts_per_theme)
    country_usage.connect(experts_in_countries)
