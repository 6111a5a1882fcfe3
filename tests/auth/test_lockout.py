"""Five failed sign-ins lock the (address, client) pair for a while, never for ever."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import LoginFailure
from roster.core.time import utcnow
from tests.auth.conftest import mail_link
from tests.auth.twofactor_helpers import code, enrol, second_step, signed_in
from tests.builders import PASSWORD

pytestmark = pytest.mark.slow

OWNER_IP = {"REMOTE_ADDR": "192.0.2.10"}
ATTACKER_IP = {"REMOTE_ADDR": "198.51.100.66"}
LOCKED = "Too many failed attempts from this device."


def attempt(client, email, password=PASSWORD, ip=ATTACKER_IP):
    return client.post("/auth/login", data={"email": email, "password": password}, environ_base=ip)


def fail(client, email, times=5, ip=ATTACKER_IP):
    for _ in range(times):
        attempt(client, email, "wrong password here", ip)


def test_five_failures_lock_the_pair_whether_or_not_the_account_exists(client, db, make):
    user = make.user(email="ana@example.org")
    fail(client, "ana@example.org", 3)
    assert LOCKED not in attempt(client, "ana@example.org", "fourth wrong one").text
    assert LOCKED in attempt(client, "ana@example.org", "fifth wrong one").text
    locked = attempt(client, "ana@example.org")  # the right password, but locked now
    assert locked.status_code == 429 and LOCKED in locked.text
    assert not signed_in(client)

    fail(client, "nobody@example.org", 5)
    unknown = attempt(client, "nobody@example.org")
    assert unknown.status_code == 429 and LOCKED in unknown.text

    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "login_locked_out"))
    assert (event.target_id, event.ip) == (user.id, ATTACKER_IP["REMOTE_ADDR"])
    assert PASSWORD not in " ".join(
        e.detail or "" for e in db.session.scalars(sa.select(AuditEvent))
    )
    # Stored in the database, so that every app host sees it.
    row = db.session.scalar(sa.select(LoginFailure).where(LoginFailure.email == "ana@example.org"))
    assert row.failures == 5 and row.locked_until > utcnow() + timedelta(minutes=14)


def test_an_attacker_elsewhere_does_not_lock_the_owner_out(client, make):
    make.user(email="ana@example.org")
    fail(client, "ana@example.org", 10)
    assert attempt(client, "ana@example.org", ip=OWNER_IP).status_code == 302
    assert signed_in(client)


def test_the_lock_ends_and_success_resets_the_count(client, db, make):
    make.user(email="ana@example.org")
    fail(client, "ana@example.org", 5, OWNER_IP)
    assert attempt(client, "ana@example.org", ip=OWNER_IP).status_code == 429
    row = db.session.scalar(sa.select(LoginFailure))
    row.locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert attempt(client, "ana@example.org", ip=OWNER_IP).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(LoginFailure.id))) == 0
    client.post("/auth/logout")
    fail(client, "ana@example.org", 4, OWNER_IP)
    assert attempt(client, "ana@example.org", ip=OWNER_IP).status_code == 302
    client.post("/auth/logout")
    fail(client, "ana@example.org", 4, OWNER_IP)
    assert attempt(client, "ana@example.org", ip=OWNER_IP).status_code == 302


def test_a_password_reset_by_mail_clears_every_lock(client, db, make, outbox):
    make.user(email="ana@example.org")
    fail(client, "ana@example.org", 5, OWNER_IP)
    fail(client, "ana@example.org", 5, ATTACKER_IP)
    client.post("/auth/forgot", data={"email": "ana@example.org"})
    new = "seven lanterns over the bay"
    link = mail_link(outbox()[-1])
    client.post(link, data={"password": new, "confirm": new})
    assert db.session.scalar(sa.select(sa.func.count(LoginFailure.id))) == 0
    assert attempt(client, "ana@example.org", new, OWNER_IP).status_code == 302


def test_wrong_second_factor_codes_count_toward_the_lock(client, db, make):
    staff = make.staff(email="sam@example.org")
    secret = enrol(db, staff)
    attempt(client, "sam@example.org", ip=OWNER_IP)
    for _ in range(4):
        response = client.post(
            "/auth/login/two-factor", data={"code": "000000"}, environ_base=OWNER_IP
        )
        assert "This code is not right" in response.text
    last = client.post("/auth/login/two-factor", data={"code": "000001"}, environ_base=OWNER_IP)
    assert last.headers["Location"] == "/auth/login"
    assert LOCKED in client.get("/auth/login").text
    # The pending sign-in is gone: a right code now is too late.
    assert second_step(client, code(secret)).headers["Location"] == "/auth/login"
    assert attempt(client, "sam@example.org", ip=OWNER_IP).status_code == 429
    assert not signed_in(client)
