"""Load a community's record, then check that the caller may see it: one who may not gets a
404, as if it did not exist (a closed community's threads are not even named to others)."""

from flask import abort
from flask_login import current_user

from roster.auth.permissions import can_moderate, can_view_community
from roster.communities.models import (
    Community,
    Event,
    Membership,
    Post,
    PostAttachment,
    PostReport,
    Thread,
)
from roster.extensions import db


def _seen(community: Community) -> None:
    if not current_user.is_authenticated:
        abort(401)
    if not can_view_community(current_user, community):
        abort(404)


def community_or_404(community_id: int) -> Community:
    community = db.get_or_404(Community, community_id)
    _seen(community)
    return community


def thread_or_404(thread_id: int) -> Thread:
    thread = db.get_or_404(Thread, thread_id)
    _seen(thread.community)
    return thread


def post_or_404(post_id: int) -> Post:
    post = db.get_or_404(Post, post_id)
    _seen(post.thread.community)
    return post


def membership_or_404(membership_id: int) -> Membership:
    membership = db.get_or_404(Membership, membership_id)
    _seen(membership.community)
    return membership


def report_or_404(report_id: int) -> PostReport:
    found = db.get_or_404(PostReport, report_id)
    _seen(found.post.thread.community)
    return found


def event_or_404(event_id: int) -> Event:
    event = db.get_or_404(Event, event_id)
    _seen(event.community)
    return event


def file_or_404(file_id: int) -> PostAttachment:
    """A post's file: hidden with its post from everyone but moderators and the author."""
    file = db.get_or_404(PostAttachment, file_id)
    post = file.post
    _seen(post.thread.community)
    if post.removed_at is not None:
        abort(404)
    if post.hidden_at is not None and not (
        can_moderate(current_user, post.thread.community) or post.author_id == current_user.id
    ):
        abort(404)
    return file
