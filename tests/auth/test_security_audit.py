"""Security events reach the audit log, readably named; the demo staff use a second factor."""

import random

import pyotp
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import User
from roster.auth.security_events import event_label
from roster.auth.twofactor import DEMO_TOTP_SECRET
from roster.demo.accounts import seed_accounts
from tests.auth.twofactor_helpers import actions, code, enrol, password_step, second_step


def test_a_user_history_shows_security_events_by_name(client, db, make, login):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    password_step(client, "sam@example.org", password="wrong password here")
    password_step(client, "sam@example.org")
    second_step(client, code(secret))
    client.post("/auth/logout")
    assert actions(db) == ["login_failed", "login", "logout"]
    failed = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "login_failed"))
    assert failed.target_id == staff.id and "wrong password" not in (failed.detail or "")

    login(make.admin())
    page = client.get(f"/auth/users/{staff.id}").text
    for label in ("Sign-in failed", "Signed in", "Signed out"):
        assert f"<td>{label}</td>" in page
    assert "<code>login_failed</code>" not in page


def test_unknown_actions_are_shown_as_they_are(app):
    with app.test_request_context():
        assert event_label("something_new") == "something_new"
        assert event_label("cv_read") == "CV read"
        assert event_label("two_factor_reset") == "Two-factor sign-in reset by an administrator"


def test_demo_staff_and_admin_sign_in_with_the_demo_second_factor(app, client, db, make):
    own = make.admin(email="admin@example.org", password="my-own-password-1")
    seed_accounts(db.session, random.Random(1), lambda n: None)
    db.session.commit()
    staff = db.session.scalar(sa.select(User).where(User.email == "staff@example.org"))
    expert = db.session.scalar(sa.select(User).where(User.email == "expert@example.org"))
    assert staff.totp_secret == DEMO_TOTP_SECRET and expert.totp_secret is None
    assert own.totp_secret is None  # an account someone made their own keeps no demo secret

    app.config["DEMO_TOTP_HINT"] = True
    password_step(client, "staff@example.org", password="demo-password")
    page = client.get("/auth/login/two-factor").text
    assert "Demo account: the current code is" in page
    shown = page.split("the current code is ")[1][:6]
    assert pyotp.TOTP(DEMO_TOTP_SECRET).verify(shown, valid_window=1)
    assert second_step(client, shown).status_code == 302
    assert client.get("/experts/").status_code == 200


def test_demo_logins_mentions_the_second_factor(runner, make):
    result = runner.invoke(args=["demo-logins"])
    assert result.exit_code == 0
    assert "second-factor code" in result.output
