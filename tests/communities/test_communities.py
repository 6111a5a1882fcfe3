"""Communities through the app: who sees what, joining, threads, replies in sanitised
Markdown, files checked like every upload, following, mentions, edits with their history."""

import io
from datetime import timedelta

import sqlalchemy as sa

from roster.communities.models import Community, Membership, Post, Thread, ThreadFollow
from roster.notifications import Notification
from tests.communities import helpers
from tests.experts.pdfs import make_pdf


def _expert(make, name="Ana", last="Souza", **kw):
    user = make.user(**kw)
    make.expert(user=user, first_name=name, last_name=last)
    return user


def test_staff_create_a_community_in_three_languages(client, login, make, db):
    login(make.staff())
    response = client.post(
        "/communities/new",
        data={
            "name_en": "Border practice",
            "name_fr": "Pratiques aux frontières",
            "name_es": "Prácticas fronterizas",
            "description_en": "Exchange **practice**.",
            "version": "0",
        },
    )
    assert response.status_code == 302
    community = db.session.scalar(sa.select(Community))
    assert (community.name_fr, community.is_open) == ("Pratiques aux frontières", False)
    page = client.get(f"/communities/{community.id}/?lang=es").get_data(as_text=True)
    assert "Prácticas fronterizas" in page and "<strong>practice</strong>" in page


def test_a_missing_name_is_refused_next_to_the_field_keeping_the_rest(client, login, make):
    login(make.staff())
    response = client.post(
        "/communities/new", data={"name_fr": "Gardé", "description_en": "Kept", "version": "0"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="name_en-error"' in page
    assert 'value="Gardé"' in page and "Kept</textarea>" in page


def test_a_closed_community_is_hidden_from_non_members(client, login, make, db):
    member, outsider = _expert(make), _expert(make, "Luis")
    closed = helpers.community(db, members=[member], name_en="Closed circle")
    login(outsider)
    assert client.get(f"/communities/{closed.id}/").status_code == 404
    assert "Closed circle" not in client.get("/communities/").get_data(as_text=True)
    login(member)
    assert "Closed circle" in client.get("/communities/").get_data(as_text=True)
    assert client.get(f"/communities/{closed.id}/").status_code == 200


def test_an_expert_joins_an_open_community_but_a_partner_does_not(client, login, make, db):
    expert = _expert(make)
    open_ = helpers.community(db, is_open=True, name_en="Experts")
    login(expert)
    assert "Experts" in client.get("/communities/").get_data(as_text=True)
    assert client.post(f"/communities/{open_.id}/join").status_code == 303
    assert open_.membership_of(expert).active
    login(make.staff())
    assert client.post(f"/communities/{open_.id}/join").status_code == 403


def test_a_removed_member_cannot_join_again_on_their_own(client, login, make, db):
    expert, moderator = _expert(make), _expert(make, "Mod")
    open_ = helpers.community(db, members=[expert], moderators=[moderator], is_open=True)
    login(moderator)
    membership = open_.membership_of(expert)
    client.post(f"/communities/memberships/{membership.id}/remove", data={"reason": "Spam"})
    login(expert)
    assert client.get(f"/communities/{open_.id}/").status_code == 404
    assert client.post(f"/communities/{open_.id}/join").status_code == 404


def test_a_member_starts_a_thread_and_another_replies(client, login, make, db):
    ana, luis = _expert(make), _expert(make, "Luis", "Pérez")
    community = helpers.community(db, members=[ana, luis])
    login(ana)
    response = client.post(
        f"/communities/{community.id}/threads/new",
        data={"title": "Niños migrantes", "language": "es", "body": "¿Qué *prácticas*?"},
    )
    assert response.status_code == 303
    thread = db.session.scalar(sa.select(Thread))
    login(luis)
    response = client.post(f"/communities/threads/{thread.id}", data={"body": "Una respuesta"})
    assert response.status_code == 303
    page = client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert "<em>prácticas</em>" in page and "Una respuesta" in page
    assert 'lang="es"' in page and "Ana Souza" in page
    # Ana follows her thread: Luis's reply is in her notifications.
    note = db.session.scalar(sa.select(Notification).where(Notification.user_id == ana.id))
    assert note.kind == "community.reply" and note.params["actor"] == "Luis Pérez"


def test_markdown_is_sanitised(client, login, make, db):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    body = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **ok**"
    thread = helpers.thread(db, community, ana, body=body)
    login(ana)
    page = client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert "<strong>ok</strong>" in page
    assert "<script>alert" not in page and "javascript:" not in page and "onerror" not in page
    assert db.session.get(Post, thread.posts[0].id).body == body  # stored as typed


def test_a_pdf_and_an_image_are_attached_and_served_to_members_only(client, login, make, db):
    ana, outsider = _expert(make), _expert(make, "Out")
    community = helpers.community(db, members=[ana])
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    login(ana)
    response = client.post(
        f"/communities/{community.id}/threads/new",
        data={
            "title": "Files",
            "body": "See attached",
            "files": [(io.BytesIO(make_pdf()), "notes.pdf"), (io.BytesIO(png), "map.png")],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    files = db.session.scalars(sa.select(Post)).one().attachments
    assert [f.content_type for f in files] == ["application/pdf", "image/png"]
    pdf = client.get(f"/communities/files/{files[0].id}/notes.pdf")
    assert pdf.status_code == 200 and pdf.headers["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in pdf.headers["Content-Disposition"]
    pdf.close()
    login(outsider)
    assert client.get(f"/communities/files/{files[0].id}/notes.pdf").status_code == 404


def test_a_file_that_is_not_a_pdf_or_an_image_is_refused_and_the_text_kept(client, login, make, db):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    login(ana)
    response = client.post(
        f"/communities/{community.id}/threads/new",
        data={
            "title": "Kept title",
            "body": "Kept body",
            "files": [(io.BytesIO(b"<html><script>x</script>"), "page.pdf")],
        },
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="files-error"' in page
    assert 'value="Kept title"' in page and "Kept body</textarea>" in page
    assert db.session.scalar(sa.select(sa.func.count(Thread.id))) == 0


def test_an_active_pdf_is_refused_like_every_upload(client, login, make, db):
    from tests.security.hostile_pdfs import EVASIONS

    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    login(ana)
    response = client.post(
        f"/communities/{community.id}/threads/new",
        data={
            "title": "T",
            "body": "B",
            "files": [(io.BytesIO(EVASIONS["page-additional-actions"]), "a.pdf")],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "scripts or actions" in response.get_data(as_text=True)


def test_mentions_notify_members_once(client, login, make, db):
    ana, luis, outsider = _expert(make), _expert(make, "Luis", "Pérez"), _expert(make, "Zoe")
    community = helpers.community(db, members=[ana, luis])
    thread = helpers.thread(db, community, ana)
    helpers.answer(db, thread, luis, body="Thanks @ana-souza, and @zoe-souza, see this")
    notes = db.session.scalars(sa.select(Notification).order_by(Notification.id)).all()
    assert [(n.user_id, n.kind) for n in notes] == [(ana.id, "community.mention")]
    assert outsider.id not in {n.user_id for n in notes}


def test_follow_and_unfollow(client, login, make, db):
    ana, luis = _expert(make), _expert(make, "Luis")
    community = helpers.community(db, members=[ana, luis])
    thread = helpers.thread(db, community, ana)
    login(luis)
    client.post(f"/communities/threads/{thread.id}/follow")
    assert db.session.get(ThreadFollow, (thread.id, luis.id)) is not None
    client.post(f"/communities/threads/{thread.id}/follow")
    assert db.session.get(ThreadFollow, (thread.id, luis.id)) is None


def test_an_author_edits_within_the_grace_period_and_the_history_is_kept(
    app, client, login, make, db
):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    post = helpers.thread(db, community, ana, body="First text").posts[0]
    login(ana)
    response = client.post(
        f"/communities/posts/{post.id}/edit", data={"body": "Second text", "version": "1"}
    )
    assert response.status_code == 303
    db.session.refresh(post)
    assert post.body == "Second text" and [r.body for r in post.revisions] == ["First text"]
    history = client.get(f"/communities/posts/{post.id}/history").get_data(as_text=True)
    assert "First text" in history and "Second text" in history
    post.created_at -= timedelta(minutes=app.config.get("COMMUNITY_EDIT_MINUTES", 30) + 1)
    db.session.commit()
    assert client.get(f"/communities/posts/{post.id}/edit").status_code == 403


def test_a_stale_edit_is_refused(client, login, make, db):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    post = helpers.thread(db, community, ana, body="First text").posts[0]
    login(ana)
    response = client.post(
        f"/communities/posts/{post.id}/edit", data={"body": "Late", "version": "0"}
    )
    assert response.status_code == 409
    assert db.session.get(Post, post.id).body == "First text"


def test_search_finds_visible_posts_only(client, login, make, db):
    ana, mod = _expert(make), _expert(make, "Mod")
    community = helpers.community(db, members=[ana], moderators=[mod])
    thread = helpers.thread(db, community, ana, title="Fronteras", body="Medidas COVID-19")
    hidden = helpers.answer(db, thread, ana, body="COVID-19 secret")
    login(mod)
    client.post(f"/communities/posts/{hidden.id}/hide", data={"reason": "test"})
    login(ana)
    page = client.get(f"/communities/{community.id}/search?q=covid-19").get_data(as_text=True)
    assert 'Medidas <mark class="p-0">COVID-19</mark>' in page and "secret" not in page
    assert "1 post found" in page
    odd = client.get(f"/communities/{community.id}/search?q=%25_%5C")
    assert odd.status_code == 200 and "0 posts found" in odd.get_data(as_text=True)


def test_members_page_shows_handles_not_addresses(client, login, make, db):
    ana, luis = _expert(make, email="ana.private@example.org"), _expert(make, "Luis")
    community = helpers.community(db, members=[ana, luis])
    login(luis)
    page = client.get(f"/communities/{community.id}/members").get_data(as_text=True)
    assert "@ana-souza" in page and "ana.private@example.org" not in page


def test_staff_add_a_moderator_by_address(client, login, make, db):
    ana = _expert(make, email="ana@example.org")
    community = helpers.community(db)
    login(make.staff())
    response = client.post(
        f"/communities/{community.id}/members/add",
        data={"email": "ANA@example.org", "role": "moderator"},
    )
    assert response.status_code == 303
    assert community.membership_of(ana).is_moderator
    refused = client.post(
        f"/communities/{community.id}/members/add",
        data={"email": "nobody@example.org", "role": "member"},
    )
    assert refused.status_code == 400 and 'id="email-error"' in refused.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Membership.id))) == 1


def test_a_partner_sees_the_closed_community_they_are_in_and_no_open_one(
    client, login, make, db, token_for
):
    from roster.auth.models import Role

    partner = make.user(role=Role.PARTNER)
    closed = helpers.community(db, members=[partner], name_en="LAC partners")
    open_ = helpers.community(db, is_open=True, name_en="Experts only")
    login(partner)
    listing = client.get("/communities/").get_data(as_text=True)
    assert "LAC partners" in listing and "Experts only" not in listing
    assert client.get(f"/communities/{closed.id}/").status_code == 200
    assert client.get(f"/communities/{open_.id}/").status_code == 404
    assert client.post(f"/communities/{open_.id}/join").status_code == 404
    headers = {"Authorization": f"Bearer {token_for(partner)}"}
    body = client.get("/api/v1/communities", headers=headers).get_json()
    assert [c["id"] for c in body["communities"]] == [closed.id]
    response = client.get(f"/api/v1/communities/{open_.id}/threads", headers=headers)
    assert response.status_code == 404
