"""Notifications in the service, and the e-mail digest: in the member's language, only their
communities, with a one-click unsubscribe that works without a session or CSRF token."""

from datetime import timedelta

import sqlalchemy as sa

from roster.core.time import utcnow
from roster.mail import outbox_messages
from roster.notifications import (
    DigestFrequency,
    Notification,
    NotificationSettings,
    notify,
    register_kind,
)
from roster.notifications.tokens import unsubscribe_token
from tests.communities import helpers


def _expert(make, name="Ana", last="Souza", **kw):
    user = make.user(**kw)
    make.expert(user=user, first_name=name, last_name=last)
    return user


def test_notify_is_read_in_the_readers_language(client, login, make, db):
    ana = _expert(make)
    notify(
        ana,
        "community.reply",
        link="/communities/",
        actor="Luis",
        thread="T",
        community="Experts",
        community_fr="Experts FR",
        community_es="Expertos",
    )
    db.session.commit()
    login(ana)
    page = client.get("/notifications/?lang=es").get_data(as_text=True)
    assert "Expertos" in page and "1 unread notification" not in page  # Spanish page
    english = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "Luis replied to “T” in Experts" in english
    assert "1 unread notification" in english


def test_another_domain_registers_its_own_kind(app, make, db):
    ana = _expert(make)
    register_kind("tests.kind", "Call %(call)s closed")
    note = notify(ana, "tests.kind", call="A")
    assert note.text == "Call A closed"
    assert notify(None, "tests.kind") is None
    assert notify(ana, "unknown.kind", text="As given").text == "As given"
    assert notify(ana, "tests.kind").text == "Call %(call)s closed"  # a missing param never fails


def test_opening_marks_read_and_goes_to_its_page(client, login, make, db):
    ana, luis = _expert(make), _expert(make, "Luis")
    note = notify(ana, "community.mention", link="/communities/", actor="L", thread="T")
    evil = notify(ana, "community.mention", link="https://evil.example/", actor="L", thread="T")
    db.session.commit()
    login(luis)
    assert client.post(f"/notifications/{note.id}/open").status_code == 404
    login(ana)
    response = client.post(f"/notifications/{note.id}/open")
    assert response.status_code == 303 and response.headers["Location"].endswith("/communities/")
    assert db.session.get(Notification, note.id).read_at is not None
    assert "evil" not in client.post(f"/notifications/{evil.id}/open").headers["Location"]
    client.post("/notifications/read-all")
    assert db.session.get(Notification, evil.id).read_at is not None


def test_the_menu_counts_unread_notifications(client, login, make, db):
    ana = _expert(make)
    notify(ana, "community.mention", link="/", actor="L", thread="T")
    db.session.commit()
    login(ana)
    page = client.get("/communities/").get_data(as_text=True)
    assert "Notifications" in page and '1<span class="visually-hidden"> unread' in page


def test_the_digest_is_sent_in_the_members_language_with_unsubscribe_headers(app, make, db):
    from roster.communities.digest import send_digests

    ana, luis = _expert(make), _expert(make, "Luis", "Pérez")
    ana.locale = "fr"
    community = helpers.community(db, members=[ana, luis], name_en="Borders", name_fr="Frontières")
    helpers.community(db, members=[luis], name_en="Secret circle")
    helpers.thread(db, community, luis, title="Enfants migrants")
    ana_thread = helpers.thread(db, community, ana, title="Dépistage")
    helpers.answer(db, ana_thread, luis, body="Une réponse")
    sent, _skipped = send_digests()
    assert sent == 2
    mails = {m["To"]: m for m in outbox_messages(app.config["OUTBOX_DIR"])}
    mail = mails[ana.email]
    body = mail.get_content()
    assert mail["Subject"] == "Les nouveautés de vos communautés"
    assert "Nouvelles discussions dans vos communautés" in body
    assert "- Enfants migrants (Frontières)" in body
    assert "Luis Pérez a répondu à «\u00a0Dépistage\u00a0» dans Frontières" in body
    assert "Secret circle" not in body and "What is new" not in body
    # Luis reads English, and nothing of his own threads.
    assert mails[luis.email]["Subject"] == "What is new in your communities"
    assert "Enfants migrants" not in mails[luis.email].get_content()
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = mail["List-Unsubscribe"].strip("<>")
    assert link.startswith("http") and "/notifications/unsubscribe/" in link
    assert link in body  # the same link, for a reader whose mail program shows no button
    settings = db.session.get(NotificationSettings, ana.id)
    assert settings.last_digest_at is not None
    # Not due again the same day for a weekly digest: nothing more is sent.
    assert send_digests(utcnow() + timedelta(hours=2)) == (0, 0)


def test_a_daily_digest_is_due_a_day_later_and_never_means_never(app, make, db):
    from roster.communities.digest import send_digests

    ana, luis = _expert(make), _expert(make, "Luis")
    community = helpers.community(db, members=[ana, luis])
    db.session.add(NotificationSettings(user_id=ana.id, digest=DigestFrequency.DAILY))
    db.session.add(NotificationSettings(user_id=luis.id, digest=DigestFrequency.NEVER))
    db.session.commit()
    now = utcnow()
    send_digests(now)
    helpers.thread(db, community, luis, title="Tomorrow's news")
    sent, _skipped = send_digests(now + timedelta(days=1))
    assert sent == 1
    bodies = [m.get_content() for m in outbox_messages(app.config["OUTBOX_DIR"])]
    assert any("Tomorrow's news" in b for b in bodies)
    assert all(m["To"] != luis.email for m in outbox_messages(app.config["OUTBOX_DIR"]))


def test_one_click_unsubscribe_without_a_session(app, client, make, db):
    app.config["WTF_CSRF_ENABLED"] = True
    ana = _expert(make)
    token = unsubscribe_token(ana)
    page = client.get(f"/notifications/unsubscribe/{token}")
    assert page.status_code == 200 and "Stop the e-mail digest" in page.get_data(as_text=True)
    assert db.session.get(NotificationSettings, ana.id) is None  # a GET changes nothing
    # A mail program's POST (RFC 8058): no session, no CSRF token, no redirect to sign-in.
    response = client.post(
        f"/notifications/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert "You will get no more digests" in response.get_data(as_text=True)
    assert db.session.get(NotificationSettings, ana.id).digest == DigestFrequency.NEVER


def test_a_damaged_unsubscribe_link_gets_a_clear_page_and_changes_nothing(app, client, make, db):
    app.config["WTF_CSRF_ENABLED"] = True
    ana = _expert(make)
    token = unsubscribe_token(ana)
    for method in ("get", "post"):
        response = getattr(client, method)("/notifications/unsubscribe/" + token[:-2] + "xx")
        page = response.get_data(as_text=True)
        assert response.status_code == 400, method
        assert "This unsubscribe link does not work." in page and "Nothing was changed." in page
        assert 'href="/notifications/settings"' in page
    assert db.session.get(NotificationSettings, ana.id) is None


def test_a_signed_in_unsubscribe_still_needs_the_csrf_token(app, client, login, make, db):
    app.config["WTF_CSRF_ENABLED"] = True
    ana = _expert(make)
    login(ana)
    response = client.post(f"/notifications/unsubscribe/{unsubscribe_token(ana)}")
    assert response.status_code == 400
    assert db.session.get(NotificationSettings, ana.id) is None


def test_digest_settings(client, login, make, db):
    ana = _expert(make)
    login(ana)
    page = client.get("/notifications/settings").get_data(as_text=True)
    assert (
        'checked class="form-check-input" id="digest-1" name="digest" type="radio" value="weekly"'
        in page
    )  # the default
    client.post("/notifications/settings", data={"digest": "daily"})
    assert db.session.get(NotificationSettings, ana.id).digest == DigestFrequency.DAILY
    refused = client.post("/notifications/settings", data={"digest": "hourly"})
    assert refused.status_code == 400
    assert db.session.scalar(sa.select(NotificationSettings.digest)) == DigestFrequency.DAILY
