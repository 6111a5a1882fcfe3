"""Signing in and out: messages, redirects, audit, CSRF and the rate limit."""

import pytest
import sqlalchemy as sa
from flask import url_for

from roster.audit.models import AuditEvent
from tests.auth.conftest import csrf_token
from tests.builders import PASSWORD


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post("/auth/login", data={"email": email, "password": password, **extra})


def actions(db) -> list[str]:
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def test_expert_signs_in_and_out_with_audit(client, db, make):
    user = make.user(email="ana@example.org")
    response = sign_in(client, "ANA@example.org ")
    assert response.status_code == 302
    assert "ana@example.org" in client.get("/auth/account").text
    db.session.refresh(user)
    assert user.last_login_at is not None

    response = client.post("/auth/logout")
    assert response.status_code == 302
    assert client.get("/auth/account").status_code == 302
    assert actions(db) == ["login", "logout"]


def test_logout_needs_post(client, make, login):
    login(make.user())
    assert client.get("/auth/logout").status_code == 405


@pytest.mark.parametrize(
    ("email", "password"),
    [("ana@example.org", "wrong password here"), ("nobody@example.org", PASSWORD)],
)
def test_failed_sign_in_is_generic_and_keeps_the_address(client, db, make, email, password):
    make.user(email="ana@example.org")
    response = sign_in(client, email, password)
    assert response.status_code == 200
    assert "The e-mail address or the password is not right." in response.text
    assert f'value="{email}"' in response.text
    assert password not in response.text
    assert client.get("/auth/account").status_code == 302
    event = db.session.scalar(sa.select(AuditEvent))
    assert (event.action, event.detail, event.actor_id) == ("login_failed", email, None)


def test_deactivated_account_cannot_sign_in(client, db, make):
    user = make.user(email="gone@example.org")
    user.is_active_account = False
    db.session.commit()
    wrong = sign_in(client, "gone@example.org", "not the password")
    assert "The e-mail address or the password is not right." in wrong.text
    response = sign_in(client, "gone@example.org")
    assert "This account is deactivated" in response.text
    assert client.get("/auth/account").status_code == 302


def test_deactivation_ends_an_open_session(client, db, make, login):
    user = login(make.user())
    assert client.get("/auth/account").status_code == 200
    user.is_active_account = False
    db.session.commit()
    assert client.get("/auth/account").status_code == 302


def test_next_is_followed_only_to_a_local_path(client, make):
    make.user(email="ana@example.org")
    response = sign_in(client, "ana@example.org", next="/auth/account?tab=tokens")
    assert response.headers["Location"] == "/auth/account?tab=tokens"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"],
)
def test_next_open_redirect_is_refused(client, make, target):
    make.user(email="ana@example.org")
    response = sign_in(client, "ana@example.org", next=target)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith("//")
    assert "evil" not in location and "javascript" not in location


def test_login_page_carries_next_from_the_query(client):
    response = client.get("/auth/account")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert 'name="next" type="hidden" value="/auth/account"' in page


def test_staff_land_on_the_roster_and_experts_on_their_profile(app, client, make):
    make.staff(email="staff@example.org")
    make.user(email="expert@example.org")
    staff_target = sign_in(client, "staff@example.org").headers["Location"]
    client.post("/auth/logout")
    expert_target = sign_in(client, "expert@example.org").headers["Location"]
    views = app.view_functions
    with app.test_request_context():
        roster = url_for("experts.index" if "experts.index" in views else "main.index")
        me = url_for("experts.me" if "experts.me" in views else "main.index")
    assert (staff_target, expert_target) == (roster, me)


def test_rate_limit_answers_429(app, client, make, rate_limited):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    make.user(email="ana@example.org")
    codes = [
        sign_in(client, "ana@example.org", "wrong password here").status_code for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    # Reading the form is not limited, so a locked-out user still sees the page.
    assert client.get("/auth/login").status_code == 200


def test_csrf_token_required_when_enabled(app, client, make):
    app.config["WTF_CSRF_ENABLED"] = True
    make.user(email="ana@example.org")
    refused = sign_in(client, "ana@example.org")
    assert refused.status_code == 400
    assert client.get("/auth/account").status_code == 302

    token = csrf_token(client.get("/auth/login"))
    accepted = sign_in(client, "ana@example.org", csrf_token=token)
    assert accepted.status_code == 302
    assert "ana@example.org" in client.get("/auth/account").text


def test_csrf_protects_logout(app, client, make, login):
    app.config["WTF_CSRF_ENABLED"] = True
    login(make.user())
    assert client.post("/auth/logout").status_code == 400
    assert client.get("/auth/account").status_code == 200


def test_password_reset_requests_are_rate_limited_too(app, client, rate_limited, outbox):
    app.config["LOGIN_RATE_LIMIT"] = "2 per minute"
    codes = [
        client.post("/auth/forgot", data={"email": "x@example.org"}).status_code for _ in range(3)
    ]
    assert codes == [302, 302, 429]
