"""Moderation: reports, hidden posts, locked threads, removed members; every moderator's act
is written to the audit log. Helpers add to the session; the view commits."""

import sqlalchemy as sa
from flask import url_for

from roster.audit import record
from roster.auth.models import User
from roster.communities.models import (
    Community,
    MemberRole,
    Membership,
    Post,
    PostReport,
    Thread,
)
from roster.communities.posting import post_link
from roster.core.time import utcnow
from roster.extensions import db
from roster.notifications import notify


def _community_params(community: Community) -> dict:
    return {
        "community": community.name_en,
        "community_fr": community.name_fr,
        "community_es": community.name_es,
    }


def moderators_of(community: Community) -> list[User]:
    """The community's moderators (staff moderate everywhere but are not listed here)."""
    return list(
        db.session.scalars(
            sa.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.community_id == community.id,
                Membership.role == MemberRole.MODERATOR,
                Membership.removed_at.is_(None),
            )
        )
    )


def report(post: Post, reporter, reason: str) -> PostReport:
    """A reader tells the moderators about a post; they are notified."""
    found = PostReport(post=post, reporter_id=reporter.id, reason=reason)
    db.session.add(found)
    thread = post.thread
    for moderator in moderators_of(thread.community):
        if moderator.id != reporter.id:
            notify(moderator, "community.report", link=post_link(post), thread=thread.title)
    return found


def open_reports(community: Community) -> list[PostReport]:
    return list(
        db.session.scalars(
            sa.select(PostReport)
            .join(Post)
            .join(Thread)
            .where(Thread.community_id == community.id, PostReport.resolved_at.is_(None))
            .order_by(PostReport.created_at)
        )
    )


def _resolve_reports(post: Post) -> None:
    now = utcnow()
    for found in db.session.scalars(
        sa.select(PostReport).where(PostReport.post_id == post.id, PostReport.resolved_at.is_(None))
    ):
        found.resolved_at = now


def hide(post: Post, reason: str, moderator) -> None:
    """Hide a post from readers (its author and moderators still see it); the author is told."""
    post.hidden_at = utcnow()
    post.hidden_reason = reason or None
    _resolve_reports(post)
    record("community.post_hidden", post, detail=reason or None, actor=moderator)
    if post.author is not None and post.author_id != moderator.id:
        notify(post.author, "community.hidden", link=post_link(post), thread=post.thread.title)


def show(post: Post, moderator) -> None:
    post.hidden_at = None
    post.hidden_reason = None
    record("community.post_shown", post, actor=moderator)


def dismiss(report_: PostReport, moderator) -> None:
    """Close a report without hiding the post."""
    report_.resolved_at = utcnow()
    record("community.report_dismissed", report_.post, detail=report_.reason, actor=moderator)


def lock(thread: Thread, moderator) -> None:
    thread.locked_at = utcnow()
    record("community.thread_locked", thread, actor=moderator)


def unlock(thread: Thread, moderator) -> None:
    thread.locked_at = None
    record("community.thread_unlocked", thread, actor=moderator)


def remove_member(membership: Membership, moderator, reason: str | None = None) -> None:
    """Take a person out of the community (they cannot join an open one again on their own)."""
    membership.removed_at = utcnow()
    membership.role = MemberRole.MEMBER
    record("community.member_removed", membership, detail=reason or None, actor=moderator)
    notify(
        membership.user,
        "community.removed",
        link=url_for("communities.index"),
        **_community_params(membership.community),
    )


def add_member(community: Community, user, role: MemberRole, actor) -> Membership:
    """Staff add a person (again) or change their role; the change is in the audit log."""
    found = community.membership_of(user)
    if found is None:
        found = Membership(community=community, user_id=user.id, role=role)
        db.session.add(found)
    else:
        found.removed_at = None
        found.role = role
    action = (
        "community.moderator_named" if role == MemberRole.MODERATOR else "community.member_added"
    )
    db.session.flush()
    record(action, found, actor=actor)
    return found
