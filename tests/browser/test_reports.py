"""Staff read the year in review for 2021 on the demo data: figures, charts, print, a11y."""

import pytest

from roster.auth.twofactor import DEMO_TOTP_SECRET
from roster.demo import DEMO_PASSWORD
from roster.demo.steps import STEPS, run_steps
from roster.extensions import db
from tests.browser.helpers import assert_accessible, shot
from tests.browser.helpers import sign_in as sign_in_with_code


@pytest.fixture
def demo(live_server, live_make):
    run_steps(db.session, STEPS, lambda n: None)
    db.session.commit()
    return live_server


def sign_in(page, email="staff@example.org"):
    """The demo staff sign in with their password and the demo second factor."""
    sign_in_with_code(page, email, DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)


def drawn_charts(page) -> int:
    """How many canvases Chart.js drew on."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('canvas[data-reports-chart]'))
                .filter((c) => window.Chart && Chart.getChart(c) && c.width > 0).length"""
    )


def test_staff_read_the_year_2021_in_review(demo, new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    sign_in(page)
    page.get_by_role("link", name="Reports").first.click()
    page.get_by_role("link", name="Year in review", exact=True).click()
    page.select_option("#year", "2021")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/reports/year/2021")

    assert page.locator("h1").inner_text() == "The year 2021 in review"
    assert page.locator("#kpi-implemented .report-kpi-value").inner_text() == "11"
    assert page.locator("#kpi-implemented").inner_text().endswith("of which 2 concluded")
    assert page.locator("#kpi-activities .report-kpi-value").inner_text() == "30"
    assert page.locator("#kpi-experts .report-kpi-value").inner_text() == "114"
    assert "Kazakhstan" in page.locator("#new-partners").inner_text()
    assert "Costa Rica" in page.locator("#long-standing").inner_text()
    session = page.locator("#sessions-table tbody tr").first.inner_text()
    assert "4" in session and "3" in session

    # Charts are drawn from the tables beside them, which stay readable.
    assert drawn_charts(page) == 2
    table = page.locator("#year-months-table")
    assert table.is_visible()
    assert table.locator("tfoot").inner_text().split()[-1] == "30"
    label = page.get_attribute("canvas[data-reports-chart=year-months-table]", "aria-label")
    assert label.startswith("Activities held, by month. Jan: ")
    shot(page, "reports-year-2021")
    assert_accessible(page)

    # Printing hides the navigation and the buttons.
    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible()
    assert not page.get_by_role("button", name="Print / save as PDF").is_visible()
    assert page.get_by_role("heading", name="The year 2021 in review").is_visible()
    shot(page, "reports-year-2021-print")
    page.emulate_media(media="screen")


def test_dashboard_and_coverage_are_accessible(demo, new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    sign_in(page)
    page.goto("/reports/?year=2021")
    assert drawn_charts(page) >= 10
    assert page.locator("#kpi-gini .report-kpi-value").inner_text().startswith("0.")
    page.locator("details:has(#actions-status-table) > summary").click()
    assert page.locator("#actions-status-table").is_visible()
    shot(page, "reports-dashboard-2021")
    assert_accessible(page)

    page.goto("/reports/coverage")
    gaps = page.locator("#gaps-region tbody tr")
    assert gaps.count() >= 1 and "Diaspora engagement" in page.locator("#gaps-region").inner_text()
    assert page.locator("#coverage-regions .coverage-gap .gap-mark").count() > 0
    shot(page, "reports-coverage")
    assert_accessible(page)


@pytest.mark.parametrize("locale", ["fr", "es"])
def test_year_in_review_in_french_and_spanish(demo, new_page, locale):
    page = new_page(locale=locale, viewport={"width": 1280, "height": 900})
    sign_in(page)
    page.goto(f"/reports/year/2021?lang={locale}")
    assert page.get_attribute("html", "lang") == locale
    assert page.locator("#kpi-implemented .report-kpi-value").inner_text() == "11"
    assert {"fr": "décembre 2021", "es": "diciembre de 2021"}[locale] in page.content()
    shot(page, f"reports-year-2021-{locale}")
    assert_accessible(page)
