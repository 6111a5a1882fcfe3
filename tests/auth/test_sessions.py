"""Sessions end after the idle timeout and the absolute lifetime; remember-me cookies never
skip the second factor or keep staff signed in."""

import time

import pytest

from roster.auth.models import Role
from tests.auth.twofactor_helpers import actions, code, enrol, password_step, second_step


def age(client, **seconds_ago) -> None:
    """Move the session's clocks back: auth_at / seen_at seconds ago."""
    with client.session_transaction() as sess:
        for key, ago in seconds_ago.items():
            sess[f"_{key}"] = time.time() - ago


@pytest.mark.parametrize(
    ("auth_at", "seen_at"),
    [(2 * 3600, 61 * 60), (12 * 3600 + 60, 60)],
    ids=["idle", "absolute"],
)
def test_an_expired_session_signs_out_and_comes_back_after_sign_in(
    client, db, make, login, auth_at, seen_at
):
    login(make.user(email="ana@example.org"))
    age(client, auth_at=auth_at, seen_at=seen_at)
    response = client.get("/auth/account?tab=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=/auth/account?tab%3D1"
    page = client.get(response.headers["Location"]).text
    assert "Your session has expired. Please sign in again." in page
    assert 'name="next" type="hidden" value="/auth/account?tab=1"' in page
    assert actions(db) == ["session_expired"]
    assert client.get("/auth/account").status_code == 302  # signed out

    back = password_step(client, "ana@example.org", next="/auth/account?tab=1")
    assert back.headers["Location"] == "/auth/account?tab=1"


def test_activity_keeps_a_session_alive(client, make, login):
    login(make.user())
    age(client, auth_at=3 * 3600, seen_at=59 * 60)
    assert client.get("/auth/account").status_code == 200
    with client.session_transaction() as sess:
        assert time.time() - sess["_seen_at"] < 5
    age(client, seen_at=59 * 60)
    assert client.get("/auth/account").status_code == 200


def test_the_limits_come_from_the_config(app, client, make, login):
    app.config["SESSION_IDLE_MINUTES"] = 5
    login(make.user())
    age(client, seen_at=6 * 60)
    assert client.get("/auth/account").status_code == 302


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil"])
def test_next_only_goes_to_this_site(client, make, target):
    make.user(email="ana@example.org")
    response = password_step(client, "ana@example.org", next=target)
    assert response.headers["Location"] == "/experts/me"


def test_an_api_call_with_an_expired_session_gets_401(client, make, login):
    login(make.staff())
    age(client, seen_at=2 * 3600)
    assert client.get("/api/v1/experts").status_code == 401


def test_remember_me_keeps_an_expert_signed_in_after_the_browser_closes(client, make):
    make.user(email="ana@example.org")
    password_step(client, "ana@example.org", remember="y")
    assert client.get_cookie("remember_token") is not None
    client.delete_cookie("session")
    assert client.get("/auth/account").status_code == 200


def test_staff_get_no_remember_me_cookie(client, db, make):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    password_step(client, "sam@example.org", remember="y")
    second_step(client, code(secret))
    assert client.get("/auth/account").status_code == 200
    assert client.get_cookie("remember_token") is None


def test_a_remember_me_cookie_never_skips_the_second_factor(client, db, make):
    user = make.user(email="ana@example.org")
    password_step(client, "ana@example.org", remember="y")
    cookie = client.get_cookie("remember_token")
    assert cookie is not None
    # The expert turns two-factor on elsewhere: the cookie, made before, no longer signs in.
    user.totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    db.session.commit()
    client.delete_cookie("session")
    assert client.get("/auth/account").headers["Location"].startswith("/auth/login")


def test_a_remember_me_cookie_does_not_restore_staff(client, db, make):
    user = make.user(email="ana@example.org")
    password_step(client, "ana@example.org", remember="y")
    user.role = Role.STAFF  # promoted since: the cookie must not outlive the staff limits
    db.session.commit()
    client.delete_cookie("session")
    response = client.get("/experts/")
    assert response.headers["Location"].startswith("/auth/login")
    assert client.get("/experts/").headers["Location"].startswith("/auth/login")
