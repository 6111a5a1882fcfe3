"""The demo's communities: the Latin America and the Caribbean partners' community with threads
in Spanish, Portuguese and English, the experts' community, and the 2021 COVID-19 and border
management webinar with COMESA; read through the pages and the API."""

import pytest
import sqlalchemy as sa

from roster.auth.models import User
from roster.communities.models import Community, Event, Thread

pytestmark = pytest.mark.slow


def test_the_demo_communities(app, runner, db, client, login, token_for):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    lac = db.session.scalar(sa.select(Community).where(Community.name_en.like("Latin America%")))
    experts = db.session.scalar(sa.select(Community).where(Community.is_open.is_(True)))
    assert lac is not None and not lac.is_open and experts is not None
    languages = set(
        db.session.scalars(sa.select(Thread.language).where(Thread.community_id == lac.id))
    )
    assert languages == {"es", "pt", "en"}
    assert (
        db.session.scalar(
            sa.select(sa.func.count(Thread.id)).where(Thread.community_id == experts.id)
        )
        >= 3
    )
    webinar = db.session.scalar(sa.select(Event).where(Event.title.like("%COMESA%")))
    assert webinar.starts_at.year == 2021 and webinar.timezone == "Africa/Lusaka"
    assert webinar.recording_url and len(webinar.registrations) >= 2

    # The demo expert reads both communities, in the service and over the API.
    expert = db.session.scalar(sa.select(User).where(User.email == "expert@example.org"))
    login(expert)
    page = client.get(f"/communities/{lac.id}/").get_data(as_text=True)
    assert "Protección de niñas" in page and "Medidas sanitárias" in page
    event_page = client.get(f"/communities/events/{webinar.id}").get_data(as_text=True)
    assert "Watch the recording" in event_page
    headers = {"Authorization": f"Bearer {token_for(expert)}"}
    listed = client.get("/api/v1/communities", headers=headers).get_json()
    assert {c["id"] for c in listed["communities"]} >= {lac.id, experts.id}
    threads = client.get(f"/api/v1/communities/{lac.id}/threads", headers=headers).get_json()
    assert threads["total"] == 3 and all(t["author"] for t in threads["items"])

    # Seeding again adds nothing.
    before = db.session.scalar(sa.select(sa.func.count(Thread.id)))
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0, again.output
    assert db.session.scalar(sa.select(sa.func.count(Thread.id))) == before == 6
