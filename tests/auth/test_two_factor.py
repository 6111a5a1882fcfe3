"""Two-factor sign-in: enrolment, the second step, replay and drift, recovery codes."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pyotp
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken, RecoveryCode
from roster.auth.twofactor import DEMO_TOTP_SECRET
from tests.auth.twofactor_helpers import (
    actions,
    code,
    enrol,
    password_step,
    second_step,
    signed_in,
)
from tests.builders import PASSWORD

ENROL = "/auth/account/two-factor"


def enrolment_secret(client) -> str:
    """The secret shown as text on the enrolment page (what a user types into the app)."""
    page = client.get(ENROL)
    assert page.status_code == 200
    match = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text)
    assert match, "no secret shown for manual entry"
    return match.group(1).replace(" ", "")


def shown_recovery_codes(response) -> list[str]:
    return re.findall(r"<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</li>", response.text)


def test_staff_without_a_second_factor_reach_only_the_enrolment_page(client, db, make):
    staff = make.staff(email="sam@example.org")
    token, secret = ApiToken.issue(staff, "script")
    db.session.add(token)
    db.session.commit()
    response = password_step(client, "sam@example.org")
    assert response.status_code == 302
    for path in ("/experts/", "/auth/account", "/auth/users"):
        blocked = client.get(path)
        assert blocked.status_code == 302, path
        assert blocked.headers["Location"] == ENROL
    assert client.get(ENROL).status_code == 200
    # A script with a Bearer token is not sent to a page it cannot use.
    fresh = client.application.test_client()
    api = fresh.get("/api/v1/experts", headers={"Authorization": f"Bearer {secret}"})
    assert api.status_code == 200


def test_enrolment_keeps_the_secret_in_the_session_until_a_code_confirms_it(client, db, make):
    staff = make.staff(email="sam@example.org")
    password_step(client, "sam@example.org")
    secret = enrolment_secret(client)
    assert enrolment_secret(client) == secret  # the same secret while enrolment goes on
    page = client.get(ENROL).text
    assert 'src="/auth/account/two-factor/qr.svg"' in page and "data:" not in page
    qr = client.get("/auth/account/two-factor/qr.svg")
    assert qr.mimetype == "image/svg+xml"
    assert qr.headers["Cache-Control"] == "no-store"
    assert qr.data.startswith(b"<svg") and b"style" not in qr.data
    db.session.refresh(staff)
    assert staff.totp_secret is None

    wrong = client.post(ENROL, data={"code": "000000"})
    assert wrong.status_code == 400
    assert re.search(r'id="code-error"[^>]*>This code is not right', wrong.text)
    db.session.refresh(staff)
    assert staff.totp_secret is None

    done = client.post(ENROL, data={"code": code(secret)})
    assert done.status_code == 200 and done.headers["Cache-Control"] == "no-store"
    codes = shown_recovery_codes(done)
    assert len(set(codes)) == 10
    db.session.refresh(staff)
    assert staff.totp_secret == secret and staff.two_factor_enabled_at is not None
    stored = db.session.scalars(sa.select(RecoveryCode.code_hash)).all()
    assert len(stored) == 10 and not set(codes) & set(stored)
    assert signed_in(client)
    assert client.get("/experts/").status_code == 200
    assert actions(db)[-1] == "two_factor_enabled"
    details = " ".join(e.detail or "" for e in db.session.scalars(sa.select(AuditEvent)))
    assert secret not in details and codes[0] not in details


def test_signing_in_with_a_second_factor(client, db, make):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    response = password_step(client, "sam@example.org", next="/experts/vetting")
    assert response.headers["Location"] == "/auth/login/two-factor"
    assert not signed_in(client)  # only a pending marker so far
    page = client.get("/auth/login/two-factor")
    assert "Demo account" not in page.text

    wrong = second_step(client, "123456")
    assert wrong.status_code == 200
    assert re.search(r'id="code-error"[^>]*>This code is not right', wrong.text)
    assert not signed_in(client)

    ok = second_step(client, code(secret))
    assert ok.headers["Location"] == "/experts/vetting"
    assert signed_in(client)
    assert actions(db)[-2:] == ["login_failed", "login"]


def test_a_code_is_accepted_once_and_with_one_step_of_drift(client, db, make):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    password_step(client, "sam@example.org")
    early = code(secret, -1)
    assert second_step(client, early).status_code == 302
    client.post("/auth/logout")

    password_step(client, "sam@example.org")
    assert "already used" in second_step(client, early).text  # replayed
    assert "already used" in second_step(client, code(secret, -2)).text  # too old
    assert "already used" in second_step(client, code(secret, 3)).text  # too far ahead
    assert second_step(client, code(secret, 1)).status_code == 302
    db.session.refresh(staff)
    assert staff.totp_last_step == int(time.time() // 30) + 1


def test_the_pending_sign_in_lasts_five_minutes(client, db, make):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    password_step(client, "sam@example.org")
    with client.session_transaction() as sess:
        sess["_tfa_pending"] = {**sess["_tfa_pending"], "at": time.time() - 301}
    response = second_step(client, code(secret))
    assert response.headers["Location"] == "/auth/login"
    assert not signed_in(client)


def test_recovery_codes_sign_in_once_each(client, db, make, login):
    staff = make.staff(email="sam@example.org")
    password_step(client, "sam@example.org")
    secret = enrolment_secret(client)
    codes = shown_recovery_codes(client.post(ENROL, data={"code": code(secret)}))
    client.post("/auth/logout")

    password_step(client, "sam@example.org")
    assert second_step(client, codes[0].upper().replace("-", " ")).status_code == 302
    assert "9 recovery codes left." in client.get("/auth/account").text
    assert "recovery_code_used" in actions(db)
    client.post("/auth/logout")

    password_step(client, "sam@example.org")
    assert "already used" in second_step(client, codes[0]).text
    assert not signed_in(client)
    db.session.refresh(staff)


def test_new_recovery_codes_need_the_password_and_replace_the_old(client, db, make, login):
    user = login(make.user(email="ana@example.org"))
    enrol(db, user)
    codes_url = "/auth/account/two-factor/recovery-codes"
    refused = client.post(codes_url, data={"codes-password": "not my password"})
    assert refused.status_code == 400
    assert re.search(r'id="codes-password-error"[^>]*>This is not your current', refused.text)
    response = client.post(codes_url, data={"codes-password": PASSWORD})
    first = shown_recovery_codes(response)
    second = shown_recovery_codes(client.post(codes_url, data={"codes-password": PASSWORD}))
    assert len(first) == len(second) == 10 and not set(first) & set(second)
    assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 10
    assert actions(db).count("recovery_codes_regenerated") == 2


def test_an_expert_turns_two_factor_on_and_off(client, db, make, login):
    user = login(make.user(email="ana@example.org"))
    assert "Set up two-factor sign-in" in client.get("/auth/account").text
    secret = enrolment_secret(client)
    client.post(ENROL, data={"code": code(secret)})
    # Enabling renewed this session: still signed in, and the account page says it is on.
    page = client.get("/auth/account").text
    assert "10 recovery codes left." in page and "Turn two-factor sign-in off" in page

    nothing = client.post("/auth/account/two-factor/disable", data={})
    assert nothing.status_code == 400
    assert "Enter your password or a code from your app." in nothing.text
    wrong = client.post("/auth/account/two-factor/disable", data={"off-code": "000000"})
    assert re.search(r'id="off-code-error"[^>]*>This code is not right', wrong.text)
    db.session.refresh(user)
    assert user.two_factor_enabled

    ok = client.post("/auth/account/two-factor/disable", data={"off-code": code(secret, 1)})
    assert ok.status_code == 302
    db.session.refresh(user)
    assert not user.two_factor_enabled
    assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 0
    assert actions(db)[-2:] == ["two_factor_enabled", "two_factor_disabled"]
    assert signed_in(client)


def test_staff_cannot_turn_two_factor_off(client, db, make, login):
    staff = login(make.staff())
    enrol(db, staff)
    response = client.post("/auth/account/two-factor/disable", data={"off-password": PASSWORD})
    assert response.status_code == 403
    db.session.refresh(staff)
    assert staff.two_factor_enabled


def test_an_admin_resets_a_lost_second_factor(app, client, db, make, login):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    theirs = app.test_client()
    password_step(theirs, "sam@example.org")
    second_step(theirs, code(secret))
    assert signed_in(theirs)

    admin = login(make.admin())
    page = client.get(f"/auth/users/{staff.id}").text
    assert "Reset two-factor sign-in" in page
    response = client.post(f"/auth/users/{staff.id}/two-factor/reset")
    assert response.status_code == 302
    db.session.refresh(staff)
    assert staff.totp_secret is None
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "two_factor_reset"))
    assert (event.actor_id, event.target_id) == (admin.id, staff.id)
    assert (
        "Two-factor sign-in reset by an administrator" in client.get(f"/auth/users/{staff.id}").text
    )
    # Their open session ended; signing in again leads to enrolment.
    assert theirs.get("/auth/account").headers["Location"].startswith("/auth/login")
    password_step(theirs, "sam@example.org")
    assert theirs.get("/experts/").headers["Location"] == ENROL


def test_the_demo_hint_shows_the_current_code_only_when_configured(app, client, db, make):
    staff = make.staff(email="staff@example.org")
    enrol(db, staff, DEMO_TOTP_SECRET)
    password_step(client, "staff@example.org")
    assert "Demo account" not in client.get("/auth/login/two-factor").text
    app.config["DEMO_TOTP_HINT"] = True
    page = client.get("/auth/login/two-factor").text
    shown = re.search(r"Demo account: the current code is (\d{6})", page).group(1)
    assert shown in {code(DEMO_TOTP_SECRET, d) for d in (-1, 0)}
    other = make.staff(email="other@example.org")
    enrol(db, other)
    password_step(client, "other@example.org")
    assert "Demo account" not in client.get("/auth/login/two-factor").text


def test_roles_that_need_a_second_factor_come_from_the_config(app, client, make):
    app.config["TWO_FACTOR_ROLES"] = ("admin",)
    make.staff(email="sam@example.org")
    password_step(client, "sam@example.org")
    assert client.get("/experts/").status_code == 200
    make.admin(email="root@example.org")
    client.post("/auth/logout")
    password_step(client, "root@example.org")
    assert client.get("/experts/").headers["Location"] == ENROL


def test_the_secret_is_a_valid_authenticator_key(client, make):
    make.staff(email="sam@example.org")
    password_step(client, "sam@example.org")
    secret = enrolment_secret(client)
    assert len(secret) >= 32
    assert pyotp.TOTP(secret).now().isdigit()


def test_the_roles_can_be_set_from_the_environment():
    script = "import config; print(config.Config.TWO_FACTOR_ROLES, config.Config.DEMO_TOTP_HINT,"
    script += " config.TestConfig.DEMO_TOTP_HINT, config.ProductionConfig.DEMO_TOTP_HINT)"
    env = {**os.environ, "TWO_FACTOR_ROLES": " admin, expert ,"}
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "('admin', 'expert') True False False"
