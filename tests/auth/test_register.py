"""Joining the roster: registration, confirmation by mail, the unconfirmed sign-in."""

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import Role, User
from roster.experts.models import Expert, Status
from tests.auth.conftest import mail_link

GOOD = "a quiet river at dawn"


def register(client, **overrides):
    data = {
        "first_name": "Amina",
        "last_name": "Diallo",
        "email": "amina@example.org",
        "password": GOOD,
        "confirm": GOOD,
    }
    data.update(overrides)
    return client.post("/auth/register", data=data)


def test_registration_confirmation_and_sign_in(client, db, outbox):
    response = register(client, email="  Amina@Example.org ")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/auth/check-email")
    assert "amina@example.org" in client.get("/auth/check-email").text

    user = db.session.scalar(sa.select(User).where(User.email == "amina@example.org"))
    assert user.role == Role.EXPERT and user.confirmed_at is None
    assert user.password_hash.startswith("scrypt:")
    expert = db.session.scalar(sa.select(Expert).where(Expert.user_id == user.id))
    assert (expert.first_name, expert.last_name, expert.email) == (
        "Amina",
        "Diallo",
        "amina@example.org",
    )
    assert expert.status == Status.DRAFT

    [mail] = outbox()
    assert mail["To"] == "amina@example.org"
    link = mail_link(mail)
    assert link.startswith("/auth/confirm/")

    response = client.get(link)
    assert response.status_code == 302 and response.headers["Location"] == "/auth/confirm-email"
    response = client.get("/auth/confirm-email")
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.confirmed_at is not None
    account = client.get("/auth/account")
    assert account.status_code == 200
    assert "amina@example.org" in account.text
    actions = db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["registered", "account_confirmed"]


def test_registration_remembers_the_page_language(client, db):
    client.post("/language", data={"lang": "fr", "next": "/"})
    register(client)
    user = db.session.scalar(sa.select(User))
    assert user.locale == "fr"  # the mails and pages that follow use it


def test_bad_input_keeps_what_was_typed_and_marks_fields(client, db, outbox):
    response = register(client, email="not-an-address", password="short", confirm="shorter")
    assert response.status_code == 200
    page = response.text
    assert 'value="not-an-address"' in page
    assert 'value="Amina"' in page and 'value="Diallo"' in page
    assert 'id="email-error"' in page and "valid e-mail address" in page
    assert 'id="password-error"' in page and "at least 10 characters" in page
    assert 'id="confirm-error"' in page and "The two passwords differ" in page
    assert 'aria-invalid="true"' in page
    assert 'value="short"' not in page  # passwords are never sent back
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0
    assert outbox() == []


def test_common_password_and_email_as_password_refused(client, db):
    response = register(client, password="Password2024!", confirm="Password2024!")
    assert "too common" in response.text
    response = register(
        client,
        email="longname@example.org",
        password="longname@example.org",
        confirm="longname@example.org",
    )
    assert "e-mail address as your password" in response.text
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_duplicate_email_shows_the_same_page_and_warns_the_owner(client, db, make, outbox):
    owner = make.user(email="taken@example.org")
    response = register(client, email="Taken@example.org")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/auth/check-email")
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1
    db.session.refresh(owner)
    assert owner.check_password("correct horse battery staple")  # untouched
    [mail] = outbox()
    assert mail["To"] == "taken@example.org"
    assert "already have an account" in mail.get_content()
    assert "/auth/confirm/" not in mail.get_content()


def test_unconfirmed_sign_in_is_refused_with_a_resend_offer(client, make, outbox):
    user = make.user(email="new@example.org", confirmed=False)
    response = client.post(
        "/auth/login", data={"email": user.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 200
    assert "confirm your e-mail address first" in response.text
    assert 'action="/auth/confirm"' in response.text
    assert client.get("/auth/account").status_code == 302  # not signed in

    response = client.post("/auth/confirm", data={"email": user.email})
    assert response.status_code == 302
    [mail] = outbox()
    assert mail_link(mail).startswith("/auth/confirm/")
    client.get(mail_link(mail), follow_redirects=True)
    assert "new@example.org" in client.get("/auth/account").text


def test_resend_for_unknown_or_confirmed_address_sends_nothing_but_answers_the_same(
    client, make, outbox
):
    make.user(email="done@example.org")
    first = client.post("/auth/confirm", data={"email": "nobody@example.org"})
    second = client.post("/auth/confirm", data={"email": "done@example.org"})
    assert first.headers["Location"] == second.headers["Location"]
    assert outbox() == []


def test_tampered_confirmation_link_is_refused(client, make, outbox):
    register(client)
    link = mail_link(outbox()[0])
    response = client.get(link[:-3] + "xyz", follow_redirects=True)
    assert response.status_code == 400
    assert "cannot be used" in response.text
    assert client.get("/auth/account").status_code == 302
