"""The demo's partner focal points and open calls: loaded once, usable at once, listed with
the demo logins."""

import pytest
import sqlalchemy as sa

from roster.actions.models import PartnerInstitution
from roster.auth.models import Role, User
from roster.communities.models import Community, Membership, Thread
from roster.demo import DEMO_PARTNER_LOGINS, DEMO_PASSWORD
from roster.opportunities.models import OpenCall

pytestmark = pytest.mark.slow


def test_the_demo_partners_and_calls(app, runner, db, client, login):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    users = {}
    for email, institution, _lang in DEMO_PARTNER_LOGINS:
        user = db.session.scalar(sa.select(User).where(User.email == email))
        assert user.role == Role.PARTNER and user.check_password(DEMO_PASSWORD)
        partner = db.session.get(PartnerInstitution, user.focal_point.partner_id)
        assert partner.name == institution
        users[email] = user
    login(users["partner@example.org"])
    home = client.get("/partner/").text
    assert "Dirección General de Migración y Extranjería" in home and "CR-2020-01" in home
    # The Costa Rican focal point is in the Latin America and the Caribbean community.
    lac = db.session.scalar(sa.select(Community).where(Community.name_en.like("Latin America%")))
    assert db.session.scalar(
        sa.select(Membership).where(
            Membership.community_id == lac.id,
            Membership.user_id == users["partner@example.org"].id,
        )
    )
    # Their posts are signed with their name and institution.
    thread = db.session.scalar(sa.select(Thread).where(Thread.title.like("Protección de niñas%")))
    page = client.get(f"/communities/threads/{thread.id}").text
    assert "Ana Pérez — Dirección General de Migración y Extranjería" in page
    login(users["partner-kz@example.org"])
    assert "KZ-2021-01" in client.get("/partner/").text

    calls = db.session.scalars(sa.select(OpenCall)).all()
    assert len(calls) == 3 and all(c.is_open for c in calls)
    assert all(c.activity.start_on.year == 2021 for c in calls)
    assert all(c.interests for c in calls)
    expert = db.session.scalar(sa.select(User).where(User.email == "expert@example.org"))
    login(expert)
    mine = client.get("/opportunities/").text
    assert "Trainers on the identification of victims of trafficking" in mine
    assert "You are interested" in mine

    logins = runner.invoke(args=["demo-logins"]).output
    assert "partner@example.org" in logins and "partner-kz@example.org" in logins
    again = runner.invoke(args=["seed-demo"]).output
    assert "partner accounts: 0 added" in again and "open calls: 0 added" in again
