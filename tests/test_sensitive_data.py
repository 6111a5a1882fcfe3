"""Nothing sensitive in URLs or logs: mailed tokens leave the address bar at once, the API takes
its token from the Authorization header only, and no log line holds a password, a token, a
second-factor code or a CV's text."""

import io
import logging
import re

import pytest

from roster.auth.tokens import confirmation_token, reset_token
from roster.demo.cv import pdf_from_lines
from roster.experts.models import Status
from roster.mail import outbox_messages
from tests.auth.conftest import mail_link
from tests.auth.twofactor_helpers import code, enrol, password_step, second_step
from tests.builders import PASSWORD

NEW = "seven lanterns over the bay"


@pytest.fixture
def outbox(app):
    return lambda: outbox_messages(app.config["OUTBOX_DIR"])


def test_reset_link_moves_its_token_out_of_the_address(client, make):
    user = make.user(email="ana@example.org")
    token = reset_token(user)
    moved = client.get(f"/auth/reset/{token}")
    assert moved.status_code == 302 and token not in moved.headers["Location"]
    assert moved.headers["Referrer-Policy"] == "no-referrer"
    form = client.get(moved.headers["Location"])
    assert form.status_code == 200 and "ana@example.org" in form.text
    assert token not in form.text  # not even in the language switcher's "next" field
    assert client.post("/auth/reset", data={"password": NEW, "confirm": NEW}).status_code == 302
    with client.session_transaction() as session:
        assert token not in str(dict(session))  # spent, and forgotten
    assert client.get("/auth/reset").status_code == 400  # nothing left to reset with


def test_confirmation_link_moves_its_token_out_and_signs_in_once(client, make):
    user = make.user(email="new@example.org", confirmed=False)
    token = confirmation_token(user)
    moved = client.get(f"/auth/confirm/{token}")
    assert moved.status_code == 302 and moved.headers["Location"] == "/auth/confirm-email"
    assert moved.headers["Referrer-Policy"] == "no-referrer"
    landed = client.get("/auth/confirm-email")
    assert landed.status_code == 302 and token not in landed.headers["Location"]
    assert user.confirmed_at is not None
    assert client.get("/auth/account").status_code == 200  # signed in by the first use
    with client.session_transaction() as session:
        assert token not in str(dict(session))

    client.post("/auth/logout")
    # Found later in a mailbox or a proxy's log, the link signs no one in.
    again = client.get(f"/auth/confirm/{token}", follow_redirects=True)
    assert "already confirmed" in again.text
    assert client.get("/auth/account").status_code == 302


@pytest.mark.parametrize("name", ["token", "access_token", "api_key", "bearer", "auth"])
def test_api_takes_tokens_from_the_authorization_header_only(client, make, token_for, name):
    secret = token_for(make.staff())
    in_query = client.get(f"/api/v1/experts?{name}={secret}")
    assert in_query.status_code == 401
    as_form = client.post("/api/v1/matches", data={name: secret, "text": "asylum"})
    assert as_form.status_code in (400, 401)  # refused (no session, no header): never used
    assert client.get("/auth/account").status_code == 302  # the query never signed anyone in
    header = client.get("/api/v1/experts", headers={"Authorization": f"Bearer {secret}"})
    assert header.status_code == 200


def test_no_log_line_holds_a_secret(client, db, make, token_for, outbox, caplog):
    caplog.set_level(logging.DEBUG)
    secrets = []

    # Registration, a failed and a good sign-in, a reset: passwords and mailed tokens.
    client.post(
        "/auth/register",
        data={
            "first_name": "Ana",
            "last_name": "Lopes",
            "email": "ana@example.org",
            "password": NEW,
            "confirm": NEW,
        },
    )
    secrets += [NEW, mail_link(outbox()[-1]).rsplit("/", 1)[1]]
    client.post("/auth/login", data={"email": "ana@example.org", "password": "wrong " + NEW})
    secrets.append("wrong " + NEW)
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    reset_link = mail_link(outbox()[-1])
    secrets.append(reset_link.rsplit("/", 1)[1])
    client.get(reset_link)
    client.post("/auth/reset", data={"password": "a new " + NEW, "confirm": "a new " + NEW})
    secrets.append("a new " + NEW)

    # A second-factor code, and an API token.
    staff = make.staff(email="sam@example.org")
    totp = code(enrol(db, staff))
    password_step(client, "sam@example.org", PASSWORD)
    second_step(client, totp)
    secrets += [PASSWORD, totp]
    client.post("/auth/logout")
    api_secret = token_for(staff)
    client.get("/api/v1/experts", headers={"Authorization": f"Bearer {api_secret}"})
    secrets.append(api_secret)

    # A CV's text.
    owner = make.user()
    expert = make.expert(user=owner, status=Status.DRAFT)
    cv_text = "Quokka-Zanzibar seminar on refugee status determination 4417"
    client.post(
        "/auth/login", data={"email": owner.email, "password": PASSWORD}, follow_redirects=True
    )
    uploaded = client.post(
        f"/experts/{expert.id}/edit/cv",
        data={
            "version": str(expert.version),
            "cv": (io.BytesIO(pdf_from_lines(["Ana Lopes", cv_text])), "cv.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert uploaded.status_code in (200, 302)
    db.session.refresh(expert)
    assert "Quokka-Zanzibar" in (expert.cv_text or "")  # the text was read, so it could leak
    secrets.append("Quokka-Zanzibar")

    assert len(caplog.records) > 0  # the app does log (the mails, at least): the check sees it
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records)
    leaked = [s for s in secrets if s and re.search(re.escape(s), logged)]
    assert not leaked, f"in the logs: {leaked}"
