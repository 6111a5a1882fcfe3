"""Which communities a person sees: one statement for the pages and the API."""

import sqlalchemy as sa

from roster.auth.models import Role
from roster.auth.permissions import is_staff
from roster.communities.models import Community, Membership, Post, Thread
from roster.extensions import db


def visible_communities(user) -> sa.Select:
    """Staff see every community; others their own and, for experts, the open ones they were
    not removed from."""
    stmt = sa.select(Community).order_by(Community.name_en, Community.id)
    if is_staff(user):
        return stmt
    mine = sa.select(Membership.community_id).where(
        Membership.user_id == user.id, Membership.removed_at.is_(None)
    )
    visible = Community.id.in_(mine)
    if user.role == Role.EXPERT:
        removed = sa.select(Membership.community_id).where(
            Membership.user_id == user.id, Membership.removed_at.is_not(None)
        )
        visible = visible | (Community.is_open.is_(True) & Community.id.not_in(removed))
    return stmt.where(visible)


def member_counts() -> dict[int, int]:
    return dict(
        db.session.execute(
            sa.select(Membership.community_id, sa.func.count(Membership.id))
            .where(Membership.removed_at.is_(None))
            .group_by(Membership.community_id)
        ).all()
    )


def memberships_of(user) -> dict[int, Membership]:
    """community id -> the person's active membership."""
    rows = db.session.scalars(
        sa.select(Membership).where(Membership.user_id == user.id, Membership.removed_at.is_(None))
    )
    return {m.community_id: m for m in rows}


def post_counts(thread_ids) -> dict[int, int]:
    ids = list(thread_ids)
    if not ids:
        return {}
    return dict(
        db.session.execute(
            sa.select(Post.thread_id, sa.func.count(Post.id))
            .where(Post.thread_id.in_(ids))
            .group_by(Post.thread_id)
        ).all()
    )


def threads_of(community: Community) -> sa.Select:
    return (
        sa.select(Thread)
        .where(Thread.community_id == community.id)
        .order_by(Thread.last_post_at.desc(), Thread.id.desc())
    )
