"""Small builders for the communities tests: a community with members, a thread, a post."""

import itertools

import flask

from roster.communities.models import Community, MemberRole, Membership
from roster.communities.posting import reply, start_thread

_seq = itertools.count(1)


def community(db, members=(), moderators=(), is_open=False, **fields) -> Community:
    """A community with these users as members and moderators."""
    found = Community(
        name_en=fields.pop("name_en", f"Community {next(_seq)}"), is_open=is_open, **fields
    )
    db.session.add(found)
    db.session.flush()
    for user in members:
        db.session.add(Membership(community_id=found.id, user_id=user.id))
    for user in moderators:
        db.session.add(
            Membership(community_id=found.id, user_id=user.id, role=MemberRole.MODERATOR)
        )
    db.session.commit()
    return found


def thread(db, community, author, title="Protecting migrant children", body="First post"):
    with flask.current_app.test_request_context():
        found = start_thread(community, author, title, body, "en")
    db.session.commit()
    return found


def answer(db, thread, author, body="A reply"):
    with flask.current_app.test_request_context():
        post = reply(thread, author, body)
    db.session.commit()
    return post
