"""Threads and posts: start, reply, edit with history, follow; who hears about it.

Helpers add to the session; the view commits once.
"""

import sqlalchemy as sa
from flask import current_app, url_for

from roster.auth.models import User
from roster.communities.attachments import CheckedFile, attach
from roster.communities.models import Community, Post, PostRevision, Thread, ThreadFollow
from roster.communities.names import display_names, mentioned
from roster.core.time import utcnow
from roster.extensions import db
from roster.notifications import notify


def edit_minutes() -> int:
    """The grace period in which an author may still edit a post (COMMUNITY_EDIT_MINUTES)."""
    return int(current_app.config["COMMUNITY_EDIT_MINUTES"])


def post_link(post: Post) -> str:
    return url_for("communities.thread", thread_id=post.thread_id, _anchor=f"post-{post.id}")


def follow(thread: Thread, user) -> None:
    """The person hears about each new reply (nothing happens if they already do)."""
    if db.session.get(ThreadFollow, (thread.id, user.id)) is None:
        db.session.add(ThreadFollow(thread_id=thread.id, user_id=user.id))


def unfollow(thread: Thread, user) -> None:
    found = db.session.get(ThreadFollow, (thread.id, user.id))
    if found is not None:
        db.session.delete(found)


def is_following(thread: Thread, user) -> bool:
    return db.session.get(ThreadFollow, (thread.id, user.id)) is not None


def start_thread(
    community: Community, author, title: str, body: str, language: str | None, files=()
) -> Thread:
    """A new thread with its first post; the author follows it."""
    now = utcnow()
    thread = Thread(
        community=community,
        title=title,
        language=language or None,
        author_id=author.id,
        created_at=now,
        last_post_at=now,
    )
    post = Post(thread=thread, author_id=author.id, body=body, created_at=now)
    db.session.add_all([thread, post])
    attach(post, list(files))
    db.session.flush()
    follow(thread, author)
    _tell_mentioned(post, author, mentioned(body, community))
    return thread


def reply(thread: Thread, author, body: str, files: list[CheckedFile] = ()) -> Post:
    """Add a reply; followers hear of it, mentioned members are told they were mentioned."""
    now = utcnow()
    post = Post(thread=thread, author_id=author.id, body=body, created_at=now)
    db.session.add(post)
    attach(post, list(files))
    thread.last_post_at = now
    db.session.flush()
    named = mentioned(body, thread.community) - {author.id}
    _tell_mentioned(post, author, named)
    followers = db.session.scalars(
        sa.select(ThreadFollow.user_id).where(ThreadFollow.thread_id == thread.id)
    ).all()
    params = _params(post, author)
    for user in _users(set(followers) - named - {author.id}):
        notify(user, "community.reply", link=post_link(post), **params)
    follow(thread, author)
    return post


def edit(post: Post, body: str, editor) -> None:
    """Replace the post's text, keeping the former one in its history; members mentioned for
    the first time are told."""
    if body == post.body:
        return
    before = mentioned(post.body, post.thread.community)
    db.session.add(
        PostRevision(post=post, body=post.body, written_at=post.edited_at or post.created_at)
    )
    post.body = body
    post.edited_at = utcnow()
    _tell_mentioned(post, editor, mentioned(body, post.thread.community) - before)


def _users(ids) -> list[User]:
    if not ids:
        return []
    return list(db.session.scalars(sa.select(User).where(User.id.in_(ids))))


def _params(post: Post, author) -> dict:
    thread = post.thread
    return {
        "actor": display_names([author.id]).get(author.id, ""),
        "actor_id": author.id,  # erasure finds the notifications that name the person
        "thread": thread.title,
        "community": thread.community.name_en,
        "community_fr": thread.community.name_fr,
        "community_es": thread.community.name_es,
        "community_id": thread.community_id,
    }


def _tell_mentioned(post: Post, author, user_ids) -> None:
    params = _params(post, author)
    for user in _users(set(user_ids) - {author.id}):
        notify(user, "community.mention", link=post_link(post), **params)
