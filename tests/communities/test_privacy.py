"""A member's share of the communities: in "Download my data" (posts with their earlier texts,
registrations, memberships), and erased with the person while their threads read on."""

import io

import sqlalchemy as sa

from roster.communities.attachments import upload_dir
from roster.communities.models import (
    Event,
    EventRegistration,
    Membership,
    Post,
    PostAttachment,
    PostRevision,
    Thread,
)
from roster.core.time import utcnow
from roster.notifications import Notification
from tests.communities import helpers
from tests.experts.test_erasure_complete import _rows_holding

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _expert(make, name="Ana", last="Souza"):
    user = make.user()
    expert = make.expert(user=user, first_name=name, last_name=last)
    return user, expert


def _ana_writes(client, login, make, db):
    """Ana starts a thread with a file, edits it, registers for an event; Luis replies to her
    (and so follows the thread) and she answers him: Luis is told "Ana Souza replied"."""
    (ana, ana_expert), (luis, _) = _expert(make), _expert(make, "Luis", "Pérez")
    community = helpers.community(db, members=[ana, luis], name_en="Borders")
    event = Event(
        community_id=community.id,
        title="Webinar on screening",
        starts_at=utcnow(),
        ends_at=utcnow(),
        timezone="Africa/Lusaka",
    )
    db.session.add(event)
    db.session.commit()
    login(ana)
    client.post(
        f"/communities/{community.id}/threads/new",
        data={
            "title": "Screening children at borders",
            "body": "Ana's first text",
            "files": [(io.BytesIO(PNG), "map.png")],
        },
        content_type="multipart/form-data",
    )
    thread = db.session.scalar(sa.select(Thread))
    first = thread.posts[0]
    client.post(
        f"/communities/posts/{first.id}/edit", data={"body": "Ana's second text", "version": "1"}
    )
    db.session.add(EventRegistration(event_id=event.id, user_id=ana.id))
    db.session.commit()
    login(luis)
    client.post(f"/communities/threads/{thread.id}", data={"body": "Luis answers @ana-souza"})
    login(ana)
    client.post(f"/communities/threads/{thread.id}", data={"body": "Ana's reply to Luis"})
    return ana, ana_expert, luis, community, thread


def test_my_data_holds_my_posts_their_history_and_my_registrations(client, login, make, db):
    ana, _expert_row, _luis, _community, _thread = _ana_writes(client, login, make, db)
    login(ana)
    data = client.get("/experts/me/data.json").get_json()
    mine = data["communities"]
    posts = {p["text"]: p for p in mine["posts"]}
    assert set(posts) == {"Ana's second text", "Ana's reply to Luis"}
    first = posts["Ana's second text"]
    assert first["started_the_thread"] and first["thread"] == "Screening children at borders"
    assert [e["text"] for e in first["earlier_texts"]] == ["Ana's first text"]
    assert first["files"] == ["map.png"]
    [registration] = mine["event_registrations"]
    assert (registration["event"], registration["time_zone"]) == (
        "Webinar on screening",
        "Africa/Lusaka",
    )
    assert [m["community"] for m in mine["memberships"]] == ["Borders"]
    assert "Luis answers" not in str(data)  # another member's post is not hers


def test_erasure_empties_the_posts_and_the_thread_reads_on(client, login, make, db):
    ana, ana_expert, luis, community, thread = _ana_writes(client, login, make, db)
    stored = db.session.scalar(sa.select(PostAttachment.stored_name))
    assert (upload_dir() / stored).is_file()
    login(ana)
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    login(make.staff())
    assert client.post(f"/experts/{ana_expert.id}/erase").status_code == 302
    db.session.expire_all()

    posts = db.session.scalars(sa.select(Post).order_by(Post.id)).all()
    assert len(posts) == 3  # every post keeps its place
    gone = [p for p in posts if p.removed_at is not None]
    assert len(gone) == 2 and all(p.body == "" and p.author_id is None for p in gone)
    assert db.session.get(Thread, thread.id).author_id is None
    for model in (PostRevision, PostAttachment, EventRegistration):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(model)) == 0, model
    assert not (upload_dir() / stored).exists()
    assert db.session.scalar(sa.select(Membership.user_id)) == luis.id
    for needle in ("Ana Souza", "Ana's first text", "Ana's second text", "Ana's reply", "map.png"):
        assert not _rows_holding(db, needle), needle  # in no column of any table

    login(luis)
    page = client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert "Screening children at borders" in page and "Luis answers @ana-souza" in page
    assert page.count("This post was removed at its author\u2019s request.") == 2
    assert "Ana Souza" not in page and "Ana's" not in page and "map.png" not in page
    # Luis's notification of Ana's reply no longer names her.
    note = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == luis.id, Notification.kind == "community.reply"
        )
    )
    assert note.text.startswith("Removed person replied")
    assert "Ana" not in client.get("/notifications/").get_data(as_text=True)
    found = client.get(f"/communities/{community.id}/search?q=second").get_data(as_text=True)
    assert "0 posts found" in found
    members = client.get(f"/communities/{community.id}/members").get_data(as_text=True)
    assert "ana-souza" not in members
