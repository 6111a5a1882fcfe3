"""The user's own settings: password, language and personal API tokens."""

import re

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken
from tests.builders import PASSWORD

NEW = "seven lanterns over the bay"


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_account_needs_sign_in(client):
    response = client.get("/auth/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")
    page = client.get(response.headers["Location"]).text
    assert "Please sign in to open this page." in page


def test_change_password(client, db, make, login, outbox):
    user = login(make.user(email="ana@example.org"))
    response = client.post(
        "/auth/account/password",
        data={"pw-current_password": PASSWORD, "pw-password": NEW, "pw-confirm": NEW},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password(NEW)
    assert client.get("/auth/account").status_code == 200  # this browser stays signed in
    assert outbox()[-1]["Subject"] == "Your password was changed"
    event = db.session.scalar(sa.select(AuditEvent))
    assert (event.action, event.actor_id, event.target_id) == ("password_changed", user.id, user.id)


def test_change_password_needs_the_current_one(client, db, make, login):
    user = login(make.user(email="ana@example.org"))
    response = client.post(
        "/auth/account/password",
        data={"pw-current_password": "not my password", "pw-password": NEW, "pw-confirm": NEW},
    )
    assert response.status_code == 400
    assert 'id="pw-current_password-error"' in response.text
    assert "not your current password" in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_language_is_saved_on_the_account(client, db, make, login):
    user = login(make.user())
    response = client.post("/auth/account/language", data={"lang-locale": "es"})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.locale == "es"
    assert '<html lang="es">' in client.get("/auth/account").text
    assert client.post("/auth/account/language", data={"lang-locale": "xx"}).status_code == 400


def test_experts_have_no_token_form(client, make, login):
    login(make.user())
    assert "Personal API tokens" not in client.get("/auth/account").text
    response = client.post("/auth/account/tokens", data={"token-name": "mine"})
    assert response.status_code == 403


def test_staff_create_use_and_revoke_a_token(client, db, make, login):
    staff = login(make.staff(email="staff@example.org"))
    response = client.post("/auth/account/tokens", data={"token-name": "reporting script"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    secret = re.search(r'id="new-token-secret" value="([^"]+)"', response.text).group(1)
    assert "it will not be shown again" in response.text
    token = db.session.scalar(sa.select(ApiToken))
    assert token.user_id == staff.id and token.name == "reporting script"
    assert token.token_hash != secret and secret.startswith(token.prefix)
    # The list shows the token but never again its secret.
    page = client.get("/auth/account").text
    assert "reporting script" in page and secret not in page and token.prefix in page

    client.post("/auth/logout")
    api = client.get("/auth/account", headers=bearer(secret))
    assert api.status_code == 200 and "staff@example.org" in api.text
    db.session.refresh(token)
    assert token.last_used_at is not None

    login(staff)
    assert client.post(f"/auth/account/tokens/{token.id}/revoke").status_code == 302
    client.post("/auth/logout")
    assert client.get("/auth/account", headers=bearer(secret)).status_code == 302
    actions = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.action.like("token_%"))
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["token_created", "token_revoked"]


def test_token_name_is_required_and_kept_on_error(client, make, login):
    login(make.staff())
    response = client.post("/auth/account/tokens", data={"token-name": "x" * 101})
    assert response.status_code == 400
    assert 'id="token-name-error"' in response.text
    assert 'value="' + "x" * 101 + '"' in response.text


def test_cannot_revoke_someone_elses_token(client, db, make, login):
    owner = make.staff()
    token, _secret = ApiToken.issue(owner, "theirs")
    db.session.add(token)
    db.session.commit()
    login(make.staff())
    assert client.post(f"/auth/account/tokens/{token.id}/revoke").status_code == 403
    db.session.refresh(token)
    assert token.revoked_at is None
    assert client.post("/auth/account/tokens/9999/revoke").status_code == 404


def test_a_token_cannot_mint_tokens_or_change_the_password(client, db, make):
    staff = make.staff()
    token, secret = ApiToken.issue(staff, "script")
    db.session.add(token)
    db.session.commit()
    minted = client.post("/auth/account/tokens", data={"token-name": "x"}, headers=bearer(secret))
    assert minted.status_code == 403
    changed = client.post(
        "/auth/account/password",
        data={"pw-current_password": PASSWORD, "pw-password": NEW, "pw-confirm": NEW},
        headers=bearer(secret),
    )
    assert changed.status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 1


def test_token_names_are_escaped(client, db, make, login):
    staff = login(make.staff())
    token, _secret = ApiToken.issue(staff, "<script>alert(1)</script>")
    db.session.add(token)
    db.session.commit()
    page = client.get("/auth/account").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
