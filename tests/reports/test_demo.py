"""On the demo data, the year 2021 shows the seed's own figures and the coverage real gaps.

The seed (the facility's 2021 retrospective): 11 Actions implemented, two concluded; 30
activities; 114 experts who joined; long-standing partners in Benin, Brazil, Costa Rica and
Mexico, new ones in Ukraine, Georgia and Kazakhstan; an awareness session in February 2021
that brought four requests from Central Asia, three of which became Actions.
"""

import csv
import io

import pytest
import sqlalchemy as sa

from roster.auth.models import User
from roster.demo.steps import STEPS, run_steps

pytestmark = pytest.mark.slow


def _seed(db):
    run_steps(db.session, STEPS, lambda n: None)
    db.session.commit()


def test_the_year_2021_on_the_demo_data(db, client, login):
    _seed(db)
    staff = db.session.scalar(sa.select(User).filter_by(email="staff@example.org"))
    login(staff)

    # The API's figures.
    data = client.get("/api/v1/reports/years/2021").json
    assert data["actions_implemented"] == 11
    assert data["actions_concluded"] == 2
    assert data["activities"] == 30
    assert data["experts_joined"] == 114
    assert {"BJ", "BR", "CR", "MX"} <= set(data["long_standing_partner_countries"])
    assert {"UA", "GE", "KZ"} <= set(data["new_partner_countries"])
    sessions = data["awareness_sessions"]["sessions"]
    february = [s for s in sessions if s["first_request_on"].startswith("2021-02")]
    assert len(february) == 1
    assert (february[0]["requests_received"], february[0]["requests_became_actions"]) == (4, 3)
    assert set(february[0]["countries"]) == {"KZ", "KG", "TJ", "UZ"}

    # The page tells the same, as the seed does.
    html = client.get("/reports/year/2021?lang=en").get_data(as_text=True)
    assert "In 2021, 11 Actions were implemented, of which 2 concluded." in html
    assert "30 activities were held around the world." in html
    assert "114 experts joined the roster." in html
    assert "We worked with long-standing partners in Benin, Brazil, Costa Rica, and Mexico." in html
    assert (
        "brought 4 requests (Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan); 3 of them" in html
    )
    assert "Kazakhstan:</strong> The Action “Rights of migrant children" in html
    assert "started in December 2021." in html
    assert "<strong>COMESA:</strong>" in html
    assert "Experts assessed capacities and training needs in November 2021" in html  # Mauritius
    for region in (
        "Asia",
        "East and Southern Africa",
        "EU Neighbourhood",
        "West and Central Africa",
    ):
        assert f'report-region-title">{region}<' in html
    fr = client.get("/reports/year/2021?lang=fr").get_data(as_text=True)
    assert "décembre 2021" in fr and "Bénin" in fr

    rows = {
        r[0]: r[2]
        for r in csv.reader(
            io.StringIO(client.get("/reports/year/2021.csv").get_data(as_text=True))
        )
    }
    assert (rows["actions_implemented"], rows["activities"], rows["experts_joined"]) == (
        "11",
        "30",
        "114",
    )

    # The coverage points at real gaps: the Georgian Action on diaspora engagement found no
    # expert with experience in the EU Neighbourhood, nor any who speaks Georgian.
    cov = client.get("/api/v1/reports/coverage").json
    region_gaps = {(g["theme"], g["column"]) for g in cov["gaps"]["regions"]}
    language_gaps = {(g["theme"], g["column"]) for g in cov["gaps"]["languages"]}
    assert ("diaspora", "eu-neighbourhood") in region_gaps
    assert ("diaspora", "ka") in language_gaps
    assert all(g["experts"] < cov["threshold"] and g["demand"] > 0 for g in cov["gaps"]["regions"])
    page = client.get("/reports/coverage").get_data(as_text=True)
    assert "Gaps where a new request could not be staffed" in page
    assert "Diaspora engagement" in page and "gap-mark" in page

    # The dashboard draws the year's charts with their tables.
    dash = client.get("/reports/?year=2021").get_data(as_text=True)
    assert 'id="activities-month-table"' in dash
    assert "Gini coefficient" in dash
