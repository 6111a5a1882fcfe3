"""The issue's check on the demo data: a request for a Spanish-speaking counter-trafficking
expert for Costa Rica ranks first experts who speak Spanish at B2 or above and know the
theme, with reasons that say so; the same request written in Spanish finds them too."""

import pytest
import sqlalchemy as sa

from roster.actions.models import Action
from roster.demo.steps import STEPS, run_steps
from roster.experts.models import Expert

pytestmark = pytest.mark.slow

B2_OR_ABOVE = {"B2", "C1", "C2", "native"}
STRUCTURED = {"themes": ["trafficking"], "languages": [{"code": "es", "min_level": "B2"}]}
ENGLISH = "Spanish-speaking counter-trafficking expert for Costa Rica"
SPANISH = (
    "Buscamos una persona experta en la lucha contra la trata de personas para Costa Rica: "
    "identificación de víctimas, investigación y protección. Debe hablar español."
)


@pytest.fixture
def demo(db, make, login):
    """The demo seed (about five seconds), and a staff member signed in."""
    run_steps(db.session, STEPS, lambda _n: None)
    db.session.commit()
    login(make.staff())


def fits(db, item) -> bool:
    expert = db.session.get(Expert, item["expert_id"])
    spanish = next((x.level for x in expert.languages if x.code == "es"), None)
    return spanish in B2_OR_ABOVE and "trafficking" in {t.theme.slug for t in expert.themes}


def top(client, body: dict) -> list[dict]:
    response = client.post("/api/v1/matches", json={**body, "k": 10})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["items"]


@pytest.mark.parametrize(
    "body",
    [
        {"text": ENGLISH, "country": "CR", **STRUCTURED},
        {"text": SPANISH, "country": "CR", **STRUCTURED},
        {"text": SPANISH},  # the text alone, in Spanish
    ],
    ids=["english", "spanish", "spanish-text-only"],
)
def test_spanish_speaking_counter_trafficking_experts_for_costa_rica_come_first(
    client, db, demo, body
):
    items = top(client, body)
    assert len(items) == 10
    assert all(fits(db, item) for item in items[:5]), [i["name"] for i in items[:5]]
    if "themes" in body:
        assert all(fits(db, item) for item in items)
        for item in items[:5]:
            words = [s for r in item["reasons"] for s in r["explanation"]]
            assert any(s.endswith(" Trafficking in human beings.") for s in words), words
            spanish = [s for s in words if s.startswith("Speaks Spanish ")]
            assert spanish and "(B2 or above wanted)" in spanish[0], words
    else:
        text = {r["criterion"]: r for r in items[0]["reasons"]}["text"]
        assert {"trata", "personas"} & set(text["terms"])


def test_the_find_experts_page_says_why_on_the_demo_costa_rica_action(client, db, demo):
    action = db.session.scalar(sa.select(Action).where(Action.country_code == "CR"))
    html = client.get(
        f"/actions/{action.id}/find-experts",
        query_string={
            "run": "1",
            "text": ENGLISH,
            "themes": "trafficking",
            "languages-0-code": "es",
            "languages-0-level": "B2",
        },
    ).get_data(as_text=True)
    first = html[html.index('id="rank-1"') : html.index('id="rank-2"')]
    assert "Trafficking in human beings." in first
    assert "Speaks Spanish " in first and "(B2 or above wanted)" in first
