"""Administrators manage accounts; nobody else may."""

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import Role, User
from roster.auth.users_views import _leaves_no_admin
from tests.auth.conftest import mail_link


def events(db, action):
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action)).all()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/auth/users")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


def test_expert_and_staff_get_403(client, make, login):
    target = make.user()
    for user in (make.user(), make.staff()):
        login(user)
        assert client.get("/auth/users").status_code == 403
        assert client.get(f"/auth/users/{target.id}").status_code == 403
        assert (
            client.post(f"/auth/users/{target.id}/role", data={"role": "admin"}).status_code == 403
        )
    assert target.role == Role.EXPERT


def test_admin_lists_and_searches_accounts(client, make, login):
    login(make.admin(email="boss@example.org"))
    make.staff(email="sam@example.org")
    ana = make.user(email="ana@example.org")
    make.expert(user=ana, first_name="Ana", last_name="Lopez")
    page = client.get("/auth/users").text
    assert "sam@example.org" in page and "ana@example.org" in page and "Ana Lopez" in page

    by_name = client.get("/auth/users", query_string={"q": "lopez"}).text
    assert "ana@example.org" in by_name and "sam@example.org" not in by_name
    by_role = client.get("/auth/users", query_string={"role": "staff"}).text
    assert "sam@example.org" in by_role and "ana@example.org" not in by_role
    # An unknown filter value is ignored rather than failing.
    assert client.get("/auth/users", query_string={"role": "king"}).status_code == 200


def test_admin_changes_a_role_with_audit(client, db, make, login):
    admin = login(make.admin())
    target = make.user(email="ana@example.org")
    response = client.post(f"/auth/users/{target.id}/role", data={"role": "staff"})
    assert response.status_code == 302
    db.session.refresh(target)
    assert target.role == Role.STAFF
    [event] = events(db, "role_changed")
    assert (event.actor_id, event.target_id, event.detail) == (
        admin.id,
        target.id,
        "expert -> staff",
    )
    assert "Role changed" in client.get(f"/auth/users/{target.id}").text


def test_admin_cannot_demote_or_deactivate_themself(client, db, make, login):
    admin = login(make.admin())
    make.admin()  # another admin exists, still refused: no self-lock-out
    assert client.post(f"/auth/users/{admin.id}/role", data={"role": "staff"}).status_code == 403
    assert client.post(f"/auth/users/{admin.id}/active", data={"active": "0"}).status_code == 403
    db.session.refresh(admin)
    assert admin.role == Role.ADMIN and admin.is_active_account
    assert events(db, "role_changed") == []


def test_admin_demotes_another_admin(client, db, make, login):
    login(make.admin())
    other = make.admin()
    assert client.post(f"/auth/users/{other.id}/role", data={"role": "staff"}).status_code == 302
    db.session.refresh(other)
    assert other.role == Role.STAFF


def test_the_last_active_admin_is_never_removed(db, make):
    # The views refuse self-changes; this guard also holds against concurrent changes.
    only = make.admin()
    spare = make.admin()
    spare.is_active_account = False
    db.session.commit()
    assert _leaves_no_admin(only)
    assert not _leaves_no_admin(spare)  # already inactive: nothing is taken away
    spare.is_active_account = True
    db.session.commit()
    assert not _leaves_no_admin(only)


def test_deactivate_and_reactivate(client, db, make, login):
    login(make.admin())
    target = make.staff(email="sam@example.org")
    assert client.post(f"/auth/users/{target.id}/active", data={"active": "0"}).status_code == 302
    db.session.refresh(target)
    assert not target.is_active_account
    assert "Deactivated" in client.get("/auth/users", query_string={"state": "inactive"}).text
    assert len(events(db, "account_deactivated")) == 1

    client.post(f"/auth/users/{target.id}/active", data={"active": "1"})
    db.session.refresh(target)
    assert target.is_active_account
    assert len(events(db, "account_reactivated")) == 1


def test_unknown_user_is_404(client, make, login):
    login(make.admin())
    assert client.get("/auth/users/9999").status_code == 404
    assert client.post("/auth/users/9999/role", data={"role": "staff"}).status_code == 404


def test_bad_role_value_is_refused_without_change(client, db, make, login):
    login(make.admin())
    target = make.user()
    response = client.post(f"/auth/users/{target.id}/role", data={"role": "superuser"})
    assert response.status_code == 400
    assert 'id="role-error"' in response.text
    db.session.refresh(target)
    assert target.role == Role.EXPERT


def test_admin_opens_a_staff_account_and_the_invitee_chooses_a_password(
    client, db, make, login, outbox
):
    login(make.admin(email="boss@example.org"))
    response = client.post(
        "/auth/users/new", data={"email": "New.Staff@example.org", "role": "staff"}
    )
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "new.staff@example.org"))
    assert user.role == Role.STAFF and user.password_hash is None and user.confirmed_at is None
    [mail] = outbox()
    assert mail["To"] == "new.staff@example.org" and "boss@example.org" in mail.get_content()
    assert len(events(db, "user_invited")) == 1

    client.post("/auth/logout")
    link = mail_link(mail)
    assert "Choose your password" in client.get(link, follow_redirects=True).text
    client.post(link, data={"password": "seven lanterns over the bay", "confirm": "x"})
    client.post(
        link,
        data={"password": "seven lanterns over the bay", "confirm": "seven lanterns over the bay"},
    )
    db.session.refresh(user)
    assert user.confirmed_at is not None and user.check_password("seven lanterns over the bay")


def test_invite_refuses_an_existing_address_and_keeps_the_input(client, db, make, login, outbox):
    login(make.admin())
    make.user(email="ana@example.org")
    response = client.post(
        "/auth/users/new", data={"email": "ANA@example.org", "role": "admin", "first_name": "Zoe"}
    )
    assert response.status_code == 400
    assert 'id="email-error"' in response.text and 'value="Zoe"' in response.text
    assert outbox() == []


def test_staff_cannot_invite(client, make, login):
    login(make.staff())
    assert client.post("/auth/users/new", data={"email": "x@example.org"}).status_code == 403


def test_resend_invitation(client, db, make, login, outbox):
    login(make.admin())
    pending = make.user(email="pending@example.org", confirmed=False)
    assert client.post(f"/auth/users/{pending.id}/invitation").status_code == 302
    [mail] = outbox()
    assert mail["To"] == "pending@example.org"
    assert mail_link(mail).startswith("/auth/confirm/")  # it has a password: a confirmation
