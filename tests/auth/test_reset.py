"""A forgotten password: the mailed link sets a new one, once, before it expires."""

import time

import sqlalchemy as sa
from itsdangerous import TimestampSigner

from roster.audit.models import AuditEvent
from tests.auth.conftest import mail_link
from tests.builders import PASSWORD

NEW = "seven lanterns over the bay"


def test_reset_end_to_end(client, db, make, outbox):
    user = make.user(email="ana@example.org")
    response = client.post("/auth/forgot", data={"email": "Ana@example.org"})
    assert response.status_code == 302
    assert "we have sent it a link" in client.get(response.headers["Location"]).text

    [mail] = outbox()
    link = mail_link(mail)
    assert link.startswith("/auth/reset/")
    # The token leaves the address bar at once: the form is at an address without it.
    moved = client.get(link)
    assert moved.status_code == 302 and moved.headers["Location"] == "/auth/reset"
    assert moved.headers["Referrer-Policy"] == "no-referrer"
    form = client.get("/auth/reset")
    assert form.status_code == 200 and "ana@example.org" in form.text
    # The form's own address holds no secret: its same-origin Referer is what the CSRF check
    # wants over HTTPS.
    assert form.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"

    response = client.post("/auth/reset", data={"password": NEW, "confirm": NEW})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password(NEW) and not user.check_password(PASSWORD)
    assert outbox()[-1]["Subject"] == "Your password was changed"

    signed_in = client.post("/auth/login", data={"email": "ana@example.org", "password": NEW})
    assert signed_in.status_code == 302
    actions = db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["password_reset_requested", "password_reset", "login"]


def test_reset_link_works_once(client, db, make, outbox):
    user = make.user(email="ana@example.org")
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    link = mail_link(outbox()[0])
    client.post(link, data={"password": NEW, "confirm": NEW})

    again = client.post(link, data={"password": "another long passphrase", "confirm": "x"})
    assert again.status_code == 400
    assert "cannot be used" in again.text
    db.session.refresh(user)
    assert user.check_password(NEW)


def test_reset_link_voided_by_a_password_change(client, db, make, outbox):
    user = make.user(email="ana@example.org")
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    link = mail_link(outbox()[0])
    user.set_password("changed some other way")
    db.session.commit()
    assert client.get(link, follow_redirects=True).status_code == 400


def test_expired_reset_link_is_refused(client, make, outbox, monkeypatch):
    make.user(email="ana@example.org")
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    link = mail_link(outbox()[0])
    later = int(time.time()) + client.application.config["TOKEN_MAX_AGE"] + 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    response = client.get(link, follow_redirects=True)
    assert response.status_code == 400
    assert "expired" in response.text


def test_expired_confirmation_link_is_refused(client, db, make, outbox, monkeypatch):
    client.post(
        "/auth/register",
        data={
            "first_name": "A",
            "last_name": "B",
            "email": "new@example.org",
            "password": NEW,
            "confirm": NEW,
        },
    )
    link = mail_link(outbox()[0])
    later = int(time.time()) + client.application.config["TOKEN_MAX_AGE"] + 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    response = client.get(link, follow_redirects=True)
    assert response.status_code == 400 and "expired" in response.text


def test_forgot_answers_the_same_for_unknown_address(client, make, outbox):
    make.user(email="ana@example.org")
    known = client.post("/auth/forgot", data={"email": "ana@example.org"})
    unknown = client.post("/auth/forgot", data={"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    # Both addresses get a mail (so that both paths take as long); only the account's has a link.
    mails = {m["To"]: m.get_content() for m in outbox()}
    assert set(mails) == {"ana@example.org", "nobody@example.org"}
    assert "/auth/reset/" in mails["ana@example.org"]
    assert "/auth/reset/" not in mails["nobody@example.org"]
    assert "no active account uses it" in mails["nobody@example.org"]


def test_forgot_does_the_same_work_whether_the_address_exists(
    client, db, make, outbox, monkeypatch
):
    """Not timed (noisy): both paths must run the same costly steps, counted on the real
    functions: token signing, mail sending, audit rows and commits."""
    from roster import mail
    from roster.auth import mails

    make.user(email="ana@example.org")
    calls: list[str] = []

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls.append(name)
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(mails, "send_mail", counting("mail", mail.send_mail))
    monkeypatch.setattr(mails, "reset_token", counting("token", mails.reset_token))
    monkeypatch.setattr(db.session, "commit", counting("commit", db.session.commit))
    work = {}
    for email in ("ana@example.org", "nobody@example.org"):
        calls.clear()
        events = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
        client.post("/auth/forgot", data={"email": email})
        added = db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) - events
        work[email] = (sorted(calls), added)
    assert work["ana@example.org"] == work["nobody@example.org"]
    assert work["ana@example.org"] == (["commit", "mail", "token"], 1)


def test_weak_new_password_is_refused_and_link_still_works(client, db, make, outbox):
    user = make.user(email="ana@example.org")
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    link = mail_link(outbox()[0])
    response = client.post(link, data={"password": "qwerty123456", "confirm": "qwerty123456"})
    assert response.status_code == 200
    assert 'id="password-error"' in response.text and "too common" in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302


def test_reset_confirms_an_unconfirmed_address(client, db, make, outbox):
    user = make.user(email="ana@example.org", confirmed=False)
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    client.post(mail_link(outbox()[0]), data={"password": NEW, "confirm": NEW})
    db.session.refresh(user)
    assert user.confirmed_at is not None


def test_password_reset_signs_out_other_sessions(app, client, db, make, outbox):
    make.user(email="ana@example.org")
    other = app.test_client()  # another browser, signed in before the reset
    other.post("/auth/login", data={"email": "ana@example.org", "password": PASSWORD})
    assert other.get("/auth/account").status_code == 200

    client.post("/auth/forgot", data={"email": "ana@example.org"})
    client.post(mail_link(outbox()[0]), data={"password": NEW, "confirm": NEW})
    assert other.get("/auth/account").status_code == 302
