"""Sessions end server-side: a copied session or remember-me cookie stops working after
sign-out, a password or second-factor change, or an administrator's "end sessions"; the
account page lists the user's sessions and ends any of them."""

import re

import pytest
import sqlalchemy as sa

from roster.auth.models import UserSession
from tests.auth.twofactor_helpers import code, enrol, password_step, second_step, signed_in
from tests.builders import PASSWORD

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def browser(app, client):
    """Another browser: a client of its own, with its own cookies and User-Agent."""

    def _browser(agent: str = SAFARI):
        other = app.test_client()
        other.environ_base["HTTP_USER_AGENT"] = agent
        return other

    return _browser


def copy_cookies(source, target, *names: str) -> None:
    """What a thief with the browser's cookie jar does: the same cookies, elsewhere."""
    for name in names:
        cookie = source.get_cookie(name)
        assert cookie is not None, f"no {name} cookie to copy"
        target.set_cookie(name, cookie.value)


def sign_in(client, email: str, **extra) -> None:
    response = password_step(client, email, **extra)
    assert response.status_code == 302 and "/auth/login" not in response.headers["Location"]


def rows(db) -> list[UserSession]:
    return db.session.scalars(sa.select(UserSession).order_by(UserSession.id)).all()


def test_a_copied_session_cookie_is_refused_after_sign_out(client, db, make, browser):
    make.user(email="ana@example.org")
    sign_in(client, "ana@example.org")
    thief = browser()
    copy_cookies(client, thief, "session")
    assert signed_in(thief)  # the copy works while the session lasts

    client.post("/auth/logout")
    assert not signed_in(client)
    replay = thief.get("/auth/account")
    assert replay.status_code == 302
    assert replay.headers["Location"].startswith("/auth/login")
    assert rows(db) == []


def test_a_remember_me_cookie_copied_before_sign_out_is_refused(client, db, make, browser):
    make.user(email="ana@example.org")
    sign_in(client, "ana@example.org", remember="y")
    stolen_value = client.get_cookie("remember_token").value
    before = browser()
    before.set_cookie("remember_token", stolen_value)
    assert signed_in(before)  # the remember-me cookie alone restores the session
    client.post("/auth/logout")

    thief = browser()
    thief.set_cookie("remember_token", stolen_value)
    response = thief.get("/auth/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


def test_a_password_change_ends_the_other_sessions_only(client, db, make, browser):
    make.user(email="ana@example.org")
    sign_in(client, "ana@example.org")
    laptop = browser(FIREFOX)
    sign_in(laptop, "ana@example.org", remember="y")
    laptop_remember = laptop.get_cookie("remember_token").value

    response = client.post(
        "/auth/account/password",
        data={
            "pw-current_password": PASSWORD,
            "pw-password": "a new and long passphrase",
            "pw-confirm": "a new and long passphrase",
        },
    )
    assert response.status_code == 302
    assert signed_in(client)  # this browser goes on
    assert not signed_in(laptop)
    restored = browser()
    restored.set_cookie("remember_token", laptop_remember)
    assert not signed_in(restored)
    assert len(rows(db)) == 1


def test_turning_two_factor_on_ends_the_other_sessions(client, db, make, browser):
    make.user(email="ana@example.org")
    sign_in(client, "ana@example.org")
    phone = browser()
    sign_in(phone, "ana@example.org")

    page = client.get("/auth/account/two-factor")
    secret = re.search(r"([A-Z2-7]{4}(?: [A-Z2-7]{4}){3,})", page.text).group(1).replace(" ", "")
    response = client.post("/auth/account/two-factor", data={"code": code(secret)})
    assert response.status_code == 200
    assert signed_in(client)
    assert not signed_in(phone)


def test_an_admin_ends_every_session_of_an_account(client, db, make, login, browser):
    user = make.user(email="ana@example.org")
    phone, laptop = browser(), browser(FIREFOX)
    sign_in(phone, "ana@example.org")
    sign_in(laptop, "ana@example.org", remember="y")
    admin = make.admin()
    login(admin)

    page = client.get(f"/auth/users/{user.id}")
    assert "Signed in on 2 browsers or devices." in page.text
    response = client.post(f"/auth/users/{user.id}/sessions/end")
    assert response.status_code == 302
    assert not signed_in(phone) and not signed_in(laptop)
    assert [r.user_id for r in rows(db)] == [admin.id]
    assert signed_in(client)  # the admin's own session is untouched


def test_deactivating_an_account_ends_its_sessions(client, db, make, login, browser):
    user = make.user(email="ana@example.org")
    phone = browser()
    sign_in(phone, "ana@example.org")
    login(make.admin())
    client.post(f"/auth/users/{user.id}/active", data={"active": "0"})
    assert not [r for r in rows(db) if r.user_id == user.id]


def test_the_account_page_lists_the_sessions_and_ends_one(client, db, make, browser):
    make.user(email="ana@example.org")
    client.environ_base["HTTP_USER_AGENT"] = FIREFOX
    sign_in(client, "ana@example.org")
    phone = browser(SAFARI)
    sign_in(phone, "ana@example.org")

    page = client.get("/auth/account")
    assert "Where you are signed in" in page.text
    assert "Firefox · Linux" in page.text and "Safari · iOS" in page.text
    assert "This browser" in page.text
    phone_row = next(r for r in rows(db) if "iPhone" in (r.user_agent or ""))
    assert f"/auth/account/sessions/{phone_row.id}/end" in page.text

    response = client.post(f"/auth/account/sessions/{phone_row.id}/end")
    assert response.status_code == 302
    assert not signed_in(phone)
    assert signed_in(client)


def test_end_every_other_session(client, db, make, browser):
    make.user(email="ana@example.org")
    sign_in(client, "ana@example.org")
    others = [browser(), browser(FIREFOX)]
    for other in others:
        sign_in(other, "ana@example.org")

    client.post("/auth/account/sessions/end-others")
    assert signed_in(client)
    assert not any(signed_in(other) for other in others)
    assert len(rows(db)) == 1


def test_nobody_ends_someone_elses_session(client, db, make, login, browser):
    make.user(email="ana@example.org")
    phone = browser()
    sign_in(phone, "ana@example.org")
    (ana_row,) = rows(db)
    login(make.user(email="bob@example.org"))
    assert client.post(f"/auth/account/sessions/{ana_row.id}/end").status_code == 403
    assert signed_in(phone)


def test_a_second_factor_sign_in_also_makes_a_session_row(client, db, make):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    password_step(client, "sam@example.org")
    second_step(client, code(secret))
    assert signed_in(client)
    assert [r.user_id for r in rows(db)] == [staff.id]
    client.post("/auth/logout")
    assert rows(db) == []
