"""The report pages: who may open them, what they say, in three languages, and the CSV."""

import csv
import io

import pytest

from roster.actions.models import InstitutionKind
from roster.actions.states import ActivityKind, RequestSource, RequestStatus
from tests.actions import helpers as h
from tests.reports.builders import A, action, d

PAGES = ("/reports/", "/reports/year/2021", "/reports/year/2021.csv", "/reports/coverage")


@pytest.fixture
def year_2021(db, make):
    """A small 2021: one Action started in December, one concluded, one only assessed."""
    kz = action(
        db,
        make,
        "KZ-2021-01",
        [(d(2021, 4, 20), A.PLANNED), (d(2021, 12, 1), A.IMPLEMENTATION)],
        title="Rights of migrant children",
    )
    kz.partners = [h.partner(db, make, name="Commissioner for Human Rights", country="KZ")]
    h.activity(
        db,
        kz,
        start_on=d(2021, 12, 14),
        kind=ActivityKind.COORDINATION,
        notes="Partners met in Almaty <b>to launch</b> the Action",
    )
    zm = action(
        db,
        make,
        "ZM-2021-01",
        [
            (d(2021, 3, 15), A.PLANNED),
            (d(2021, 5, 3), A.IMPLEMENTATION),
            (d(2021, 10, 29), A.CONCLUDED),
        ],
        country="ZM",
        region="east-southern-africa",
        concluded_on=d(2021, 10, 29),
        title="COVID-19 and border management",
    )
    comesa = h.partner(db, make, name="Common Market for Eastern and Southern Africa", country="ZM")
    comesa.kind, comesa.acronym = InstitutionKind.REGIONAL_BODY, "COMESA"
    zm.partners = [comesa]
    h.activity(
        db, zm, start_on=d(2021, 10, 5), kind=ActivityKind.WEBINAR, notes="A regional webinar."
    )
    h.activity(db, zm, start_on=d(2021, 6, 1), kind=ActivityKind.COORDINATION)
    mu = action(
        db,
        make,
        "MU-2021-01",
        [(d(2021, 7, 20), A.PLANNED), (d(2021, 9, 1), A.NEEDS_ASSESSMENT)],
        country="MU",
        region="east-southern-africa",
        title="Counter-trafficking",
    )
    h.activity(db, mu, start_on=d(2021, 11, 8), kind=ActivityKind.NEEDS_ASSESSMENT)
    for country in ("KZ", "KG"):
        req = h.request(
            db,
            make,
            country=country,
            source=RequestSource.AWARENESS_SESSION,
            source_detail="Central Asia, Feb 2021",
            status=RequestStatus.ACCEPTED if country == "KZ" else RequestStatus.DECLINED,
        )
        if country == "KZ":
            req.action = kz
    make.expert(joined_on=d(2021, 5, 1))
    db.session.commit()


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_users_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("path", PAGES)
def test_experts_may_not_open_reports(client, login, make, path):
    login(make.user())
    assert client.get(path).status_code == 403


def test_reports_are_in_the_staff_navigation(client, login, make):
    login(make.staff())
    html = client.get("/reports/year/2021").get_data(as_text=True)
    assert 'href="/reports/"' in html
    login(make.user())
    assert 'href="/reports/"' not in client.get("/").get_data(as_text=True)


def test_year_in_review_tells_the_year(client, login, make, year_2021):
    login(make.staff())
    html = client.get("/reports/year/2021?lang=en").get_data(as_text=True)
    assert "In 2021, 3 Actions were implemented, of which 1 concluded." in html
    assert "4 activities were held around the world." in html
    assert "1 expert joined the roster." in html
    assert (
        "The awareness session of February 2021 brought 2 requests (Kazakhstan and Kyrgyzstan); "
        "1 of them became Actions." in html
    )
    # Highlights: a translatable frame around the Action, its partner and the notes' own text.
    assert (
        "The Action “Rights of migrant children” (Commissioner for Human Rights) "
        "started in December 2021." in html
    )
    assert "<strong>COMESA:</strong>" in html  # a regional body is named, not its seat
    assert "was concluded in October 2021." in html
    assert "Experts assessed capacities and training needs in November 2021" in html
    # Notes are quoted escaped and given a full stop.
    assert "Partners met in Almaty &lt;b&gt;to launch&lt;/b&gt; the Action." in html
    assert html.index(">Asia<") < html.index(">East Southern Africa<")  # regions by label
    # The print button and the chart come from static files; no inline script.
    assert "data-reports-print" in html and "js/reports-print.js" in html
    assert 'data-reports-chart="year-months-table"' in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["The year 2021 in review", "Highlights by region", "December 2021"]),
        ("fr", ['lang="fr"', "décembre 2021", "Kazakhstan"]),
        ("es", ['lang="es"', "diciembre de 2021", "Kazajistán"]),
    ],
)
def test_pages_render_in_each_language(client, login, make, year_2021, lang, words):
    login(make.staff())
    html = client.get(f"/reports/year/2021?lang={lang}").get_data(as_text=True)
    for word in words:
        assert word in html
    for path in ("/reports/?year=2021", "/reports/coverage"):
        response = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.get_data(as_text=True)


def test_the_figures_download_as_csv(client, login, make, year_2021):
    login(make.staff())
    response = client.get("/reports/year/2021.csv?lang=en")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert 'filename="year-in-review-2021.csv"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = {row[0]: row for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))}
    assert rows["key"] == ["key", "Figure", "Value"]
    assert rows["actions_implemented"][1:] == ["Actions implemented", "3"]
    assert rows["actions_concluded"][2] == "1"
    assert rows["activities"][2] == "4"
    assert rows["experts_joined"][2] == "1"
    assert rows["requests_received"][2] == "2" and rows["requests_became_actions"][2] == "1"
    assert rows["partner_countries"][2] == "3"
    assert rows["partner_country.KZ"][1:] == ["New partner: Kazakhstan", "new"]
    assert rows["awareness_requests_received"][2] == "2"
    assert rows["region.east-southern-africa.actions_implemented"][2] == "2"


def test_the_year_picker_and_bad_years(client, login, make, year_2021):
    login(make.staff())
    assert client.get("/reports/year/?year=2021").headers["Location"].endswith("/reports/year/2021")
    # No year, or nonsense: the latest year with data.
    assert client.get("/reports/year/?year=abc").headers["Location"].endswith("/reports/year/2021")
    assert client.get("/reports/year/12").status_code == 404
    assert client.get("/reports/year/99999.csv").status_code == 404
    assert client.get("/reports/?year=1800").status_code == 404
    assert client.get("/reports/?year=x").status_code == 404
    html = client.get("/reports/").get_data(as_text=True)
    assert "Dashboard 2021" in html  # the latest year with data by default


def test_dashboard_figures(client, login, make, year_2021):
    login(make.staff())
    html = client.get("/reports/?year=2021&lang=en").get_data(as_text=True)
    # Every chart has its numbers in a table and a text alternative.
    for chart in ("actions-status", "actions-region", "activities-kind", "requests-funnel"):
        assert f'data-reports-chart="{chart}-table"' in html and f'id="{chart}-table"' in html
    assert (
        'aria-label="Activities by kind. Coordination meeting: 2; Needs assessment: 1; Webinar: 1."'
        in html
    )
    assert (
        'aria-label="Actions by status on 31 December. Planned: 0; Needs assessment: 1; '
        'Implementation: 1; Concluded: 1."' in html
    )
    assert "The Gini coefficient is 0 when" in html


def test_coverage_form_keeps_bad_input_and_explains(client, login, make):
    login(make.staff())
    response = client.get(
        "/reports/coverage?available_from=2030-02-01&available_to=2030-01-01&threshold=0"
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The end of the window must not be before its start." in html
    assert "Give a number of experts from 1 to 50." in html
    assert 'value="2030-02-01"' in html and 'aria-invalid="true"' in html
    response = client.get("/reports/coverage?available_from=not-a-date")
    assert response.status_code == 200
    assert 'value="not-a-date"' in response.get_data(as_text=True)
