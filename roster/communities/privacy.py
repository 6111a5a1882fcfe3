"""A person's share of the communities: their copy of it ("Download my data") and its
erasure. Erasure empties the person's posts and cuts their name from them, so that a thread
reads on with "Removed person" where they wrote; their memberships, follows, registrations,
notifications and files go."""

import sqlalchemy as sa

from roster.communities.attachments import remove_files
from roster.communities.models import (
    EventRegistration,
    Membership,
    Post,
    PostAttachment,
    PostReport,
    PostRevision,
    Thread,
    ThreadFollow,
)
from roster.core.after_commit import after_commit
from roster.core.time import utcnow
from roster.extensions import db
from roster.notifications import Notification, NotificationSettings


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def community_data(user_id: int) -> dict:
    """Everything the communities hold about one person, as JSON-ready data."""
    posts = db.session.scalars(
        sa.select(Post).where(Post.author_id == user_id).order_by(Post.created_at, Post.id)
    ).all()
    memberships = db.session.scalars(
        sa.select(Membership).where(Membership.user_id == user_id).order_by(Membership.id)
    ).all()
    registrations = db.session.scalars(
        sa.select(EventRegistration)
        .where(EventRegistration.user_id == user_id)
        .order_by(EventRegistration.id)
    ).all()
    follows = db.session.scalars(
        sa.select(ThreadFollow).where(ThreadFollow.user_id == user_id)
    ).all()
    reports = db.session.scalars(
        sa.select(PostReport).where(PostReport.reporter_id == user_id).order_by(PostReport.id)
    ).all()
    notes = db.session.scalars(
        sa.select(Notification).where(Notification.user_id == user_id).order_by(Notification.id)
    ).all()
    settings = db.session.get(NotificationSettings, user_id)
    return {
        "communities": {
            "memberships": [
                {
                    "community": m.community.name_en,
                    "role": m.role.value,
                    "joined_at": _iso(m.joined_at),
                    "removed_at": _iso(m.removed_at),
                }
                for m in memberships
            ],
            "posts": [
                {
                    "community": p.thread.community.name_en,
                    "thread": p.thread.title,
                    "started_the_thread": p.thread.posts[0].id == p.id,
                    "written_at": _iso(p.created_at),
                    "edited_at": _iso(p.edited_at),
                    "hidden_at": _iso(p.hidden_at),
                    "text": p.body,
                    "earlier_texts": [
                        {"text": r.body, "written_at": _iso(r.written_at)} for r in p.revisions
                    ],
                    "files": [a.filename for a in p.attachments],
                }
                for p in posts
            ],
            "followed_threads": [f.thread_id for f in follows],
            "event_registrations": [
                {
                    "event": r.event.title,
                    "starts_at": _iso(r.event.starts_at),
                    "time_zone": r.event.timezone,
                    "registered_at": _iso(r.registered_at),
                }
                for r in registrations
            ],
            "reports_sent": [{"reason": r.reason, "at": _iso(r.created_at)} for r in reports],
        },
        "notifications": {
            "digest": settings.digest.value if settings else "weekly",
            "items": [
                {"text": n.text, "at": _iso(n.created_at), "read_at": _iso(n.read_at)}
                for n in notes
            ],
        },
    }


def forget_member(user_id: int) -> None:
    """Erase a person from the communities (added to the session; files go after the commit)."""
    now = utcnow()
    posts = db.session.scalars(sa.select(Post).where(Post.author_id == user_id)).all()
    post_ids = [p.id for p in posts]
    files = []
    if post_ids:
        files = list(
            db.session.scalars(
                sa.select(PostAttachment.stored_name).where(PostAttachment.post_id.in_(post_ids))
            )
        )
        db.session.execute(sa.delete(PostAttachment).where(PostAttachment.post_id.in_(post_ids)))
        db.session.execute(sa.delete(PostRevision).where(PostRevision.post_id.in_(post_ids)))
    for post in posts:
        post.body = ""
        post.author_id = None
        post.removed_at = now
        post.hidden_reason = None
    db.session.execute(sa.update(Thread).where(Thread.author_id == user_id).values(author_id=None))
    db.session.execute(
        sa.update(PostReport).where(PostReport.reporter_id == user_id).values(reporter_id=None)
    )
    _forget_actor(user_id)
    for model in (Membership, ThreadFollow, EventRegistration, Notification):
        db.session.execute(sa.delete(model).where(model.user_id == user_id))
    db.session.execute(
        sa.delete(NotificationSettings).where(NotificationSettings.user_id == user_id)
    )
    if files:
        after_commit(db.session, lambda: remove_files(files))


def _forget_actor(user_id: int) -> None:
    """Others' notifications that name the person ("Ana replied...") name no one any more."""
    pattern = f'%"actor_id": {user_id}%'
    for note in db.session.scalars(
        sa.select(Notification).where(sa.cast(Notification.params, sa.Text).like(pattern))
    ):
        params = dict(note.params or {})
        if params.get("actor_id") == user_id:
            params["actor"], params["actor_id"] = None, None
            note.params = params
