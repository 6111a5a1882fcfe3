"""The create-user and create-token commands."""

import sqlalchemy as sa
from flask import g

from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken, Role, User
from roster.experts.models import Expert, Status

GOOD = "a quiet river at dawn"


def test_create_admin_with_password(runner, db):
    result = runner.invoke(
        args=["create-user", "Boss@Example.org", "--role", "admin", "--password", GOOD]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User))
    assert (user.email, user.role) == ("boss@example.org", Role.ADMIN)
    assert user.confirmed_at is not None and user.check_password(GOOD)
    assert db.session.scalar(sa.select(Expert)) is None
    event = db.session.scalar(sa.select(AuditEvent))
    assert (event.action, event.actor_id, event.target_id) == ("user_created", None, user.id)


def test_create_expert_prompts_for_the_password(runner, db):
    result = runner.invoke(
        args=["create-user", "ana@example.org", "--first-name", "Ana"], input=f"{GOOD}\n{GOOD}\n"
    )
    assert result.exit_code == 0, result.output
    assert GOOD not in result.output  # hidden input
    user = db.session.scalar(sa.select(User))
    assert user.role == Role.EXPERT and user.check_password(GOOD)
    expert = db.session.scalar(sa.select(Expert))
    assert (expert.user_id, expert.first_name, expert.status) == (user.id, "Ana", Status.DRAFT)


def test_create_user_refuses_existing_email(runner, make, db):
    make.user(email="ana@example.org")
    result = runner.invoke(args=["create-user", "ANA@example.org", "--password", GOOD])
    assert result.exit_code == 1
    assert "already uses ana@example.org" in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_create_user_refuses_weak_password_and_bad_email(runner, db):
    weak = runner.invoke(args=["create-user", "ana@example.org", "--password", "short"])
    assert weak.exit_code == 1
    assert "Weak password" in weak.output and "at least 10 characters" in weak.output
    common = runner.invoke(args=["create-user", "ana@example.org", "--password", "password123456"])
    assert common.exit_code == 1 and "too common" in common.output
    bad = runner.invoke(args=["create-user", "not-an-address", "--password", GOOD])
    assert bad.exit_code == 1 and "valid e-mail" in bad.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_create_token_prints_a_working_secret_last(runner, client, db, make):
    make.staff(email="staff@example.org")
    result = runner.invoke(args=["create-token", "staff@example.org", "--name", "etl"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    token = db.session.scalar(sa.select(ApiToken))
    assert token.name == "etl" and token.token_hash == ApiToken.hash(secret)
    event = db.session.scalar(sa.select(AuditEvent))
    assert (event.action, event.actor_id) == ("token_created", None)

    g.pop("_login_user", None)
    response = client.get("/auth/account", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert "staff@example.org" in response.text


def test_create_token_for_unknown_or_inactive_user_fails(runner, db, make):
    assert runner.invoke(args=["create-token", "nobody@example.org"]).exit_code == 1
    user = make.staff(email="gone@example.org")
    user.is_active_account = False
    db.session.commit()
    result = runner.invoke(args=["create-token", "gone@example.org"])
    assert result.exit_code == 1 and "deactivated" in result.output
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0
