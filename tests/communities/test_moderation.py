"""Moderation through the app: report, hide, show, lock, remove a member, dismiss a report;
every moderator action is in the audit log, and plain members can do none of it."""

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.notifications import Notification
from tests.communities import helpers


def _expert(make, name="Ana", last="Souza"):
    user = make.user()
    make.expert(user=user, first_name=name, last_name=last)
    return user


def _world(make, db):
    ana, luis, mod = _expert(make), _expert(make, "Luis", "Pérez"), _expert(make, "Mia", "Mod")
    community = helpers.community(db, members=[ana, luis], moderators=[mod])
    thread = helpers.thread(db, community, ana)
    post = helpers.answer(db, thread, luis, body="Something off topic")
    return ana, luis, mod, community, thread, post


def _actions(db) -> list[tuple[str, str | None]]:
    events = db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)).all()
    return [(e.action, e.target_type) for e in events]


def test_a_report_reaches_the_moderators_who_hide_the_post(client, login, make, db):
    ana, luis, mod, community, thread, post = _world(make, db)
    login(ana)
    response = client.post(f"/communities/posts/{post.id}/report", data={"reason": "Spam"})
    assert response.status_code == 303
    told = db.session.scalar(sa.select(Notification).where(Notification.user_id == mod.id))
    assert told.kind == "community.report"
    login(mod)
    queue = client.get(f"/communities/{community.id}/moderation").get_data(as_text=True)
    assert "Spam" in queue and "Something off topic" in queue
    client.post(f"/communities/posts/{post.id}/hide", data={"reason": "Off topic"})
    assert _actions(db) == [("community.post_hidden", "post")]
    event = db.session.scalar(sa.select(AuditEvent))
    assert (event.actor_id, event.target_id, event.detail) == (mod.id, post.id, "Off topic")
    # Readers see that it was hidden, not what it said; its author still sees it.
    login(ana)
    page = client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert "hidden by a moderator" in page and "Something off topic" not in page
    login(luis)
    page = client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert "Something off topic" in page and "Off topic" in page
    assert db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == luis.id, Notification.kind == "community.hidden"
        )
    )


def test_a_moderator_shows_a_post_again_and_dismisses_a_report(client, login, make, db):
    ana, _luis, mod, _community, _thread, post = _world(make, db)
    login(ana)
    client.post(f"/communities/posts/{post.id}/report", data={"reason": "Unsure"})
    login(mod)
    client.post(f"/communities/posts/{post.id}/hide", data={"reason": ""})
    client.post(f"/communities/posts/{post.id}/show")
    from roster.communities.models import PostReport

    report = PostReport(post_id=post.id, reporter_id=ana.id, reason="Again")
    db.session.add(report)
    db.session.commit()
    client.post(f"/communities/reports/{report.id}/dismiss")
    assert _actions(db) == [
        ("community.post_hidden", "post"),
        ("community.post_shown", "post"),
        ("community.report_dismissed", "post"),
    ]


def test_a_locked_thread_takes_replies_from_moderators_only(client, login, make, db):
    ana, _luis, mod, _community, thread, _post = _world(make, db)
    login(mod)
    client.post(f"/communities/threads/{thread.id}/lock")
    login(ana)
    assert client.post(f"/communities/threads/{thread.id}", data={"body": "Hi"}).status_code == 403
    login(mod)
    assert (
        client.post(f"/communities/threads/{thread.id}", data={"body": "Closing"}).status_code
        == 303
    )
    client.post(f"/communities/threads/{thread.id}/lock")
    assert _actions(db) == [
        ("community.thread_locked", "thread"),
        ("community.thread_unlocked", "thread"),
    ]


def test_a_moderator_removes_a_member(client, login, make, db):
    _ana, luis, mod, community, _thread, _post = _world(make, db)
    login(mod)
    membership = community.membership_of(luis)
    response = client.post(
        f"/communities/memberships/{membership.id}/remove", data={"reason": "Repeated spam"}
    )
    assert response.status_code == 303
    assert _actions(db) == [("community.member_removed", "membership")]
    assert db.session.scalar(sa.select(AuditEvent.detail)) == "Repeated spam"
    login(luis)
    assert client.get(f"/communities/{community.id}/").status_code == 404


def test_plain_members_moderate_nothing(client, login, make, db):
    ana, luis, _mod, community, thread, post = _world(make, db)
    login(ana)
    membership = community.membership_of(luis)
    for url in (
        f"/communities/posts/{post.id}/hide",
        f"/communities/posts/{post.id}/show",
        f"/communities/threads/{thread.id}/lock",
        f"/communities/memberships/{membership.id}/remove",
    ):
        assert client.post(url).status_code == 403, url
    assert client.get(f"/communities/{community.id}/moderation").status_code == 403
    assert _actions(db) == []


def test_the_audit_log_names_moderator_actions(client, login, make, db):
    _ana, _luis, mod, _community, _thread, post = _world(make, db)
    login(mod)
    client.post(f"/communities/posts/{post.id}/hide", data={"reason": "Off topic"})
    login(make.admin())
    page = client.get("/audit/").get_data(as_text=True)
    assert "Community post hidden" in page and "Something off topic (#" not in page
    assert "Protecting migrant children" in page


def test_a_removal_refused_keeps_the_reason_next_to_its_field(client, login, make, db):
    _ana, luis, mod, community, _thread, _post = _world(make, db)
    login(mod)
    membership = community.membership_of(luis)
    response = client.post(
        f"/communities/memberships/{membership.id}/remove", data={"reason": "x" * 301}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="reason-{membership.id}-error"' in page and 'value="' + "x" * 301 in page
    assert community.membership_of(luis).active and _actions(db) == []


def test_staff_naming_a_moderator_is_in_the_audit_log(client, login, make, db):
    ana = _expert(make)
    staff = make.staff()
    login(staff)
    client.post("/communities/new", data={"name_en": "Borders", "version": "0"})
    community_id = db.session.scalar(sa.select(AuditEvent.target_id))
    client.post(
        f"/communities/{community_id}/members/add",
        data={"email": ana.email, "role": "moderator"},
    )
    assert _actions(db) == [
        ("community.created", "community"),
        ("community.moderator_named", "membership"),
    ]
    assert {e.actor_id for e in db.session.scalars(sa.select(AuditEvent))} == {staff.id}
