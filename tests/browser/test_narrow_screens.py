"""On a phone (390 px) the Action page and the coverage page fit the screen in English, French
and Spanish: their wide tables scroll inside a box of their own that a keyboard can reach and
that is named by the table's caption; the reports' chart labels are drawn whole."""

import pytest
import sqlalchemy as sa

from roster.actions.models import Action
from roster.auth.twofactor import DEMO_TOTP_SECRET
from roster.demo import DEMO_PASSWORD
from roster.demo.steps import STEPS, run_steps
from roster.extensions import db
from tests.browser.helpers import assert_accessible, shot, sign_in

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(live_server, live_make):
    run_steps(db.session, STEPS, lambda n: None)
    db.session.commit()
    # The demo Action with the most activities, each with a long note.
    action_id = db.session.scalar(sa.select(Action.id).where(Action.code == "BJ-2020-01"))
    return live_server, action_id


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def wide_tables(page) -> list[dict]:
    """Each table wider than the page, with what its box is and offers."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('main table'))
            .filter((t) => t.getBoundingClientRect().width > window.innerWidth)
            .map((t) => {
                const box = t.closest('.table-responsive');
                const named = box && document.getElementById(box.getAttribute('aria-labelledby'));
                return {
                    id: t.id || t.className,
                    scrolls: !!box && getComputedStyle(box).overflowX === 'auto'
                        && box.scrollWidth > box.clientWidth
                        && box.getBoundingClientRect().right <= window.innerWidth,
                    focusable: !!box && box.tabIndex === 0,
                    region: !!box && box.getAttribute('role') === 'region',
                    caption: !!named && named.tagName === 'CAPTION' && t.contains(named),
                };
            })"""
    )


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_action_and_coverage_pages_fit_a_phone(demo, new_page, lang):
    _server, action_id = demo
    page = new_page(viewport=PHONE)
    sign_in(page, "staff@example.org", DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
    for name, path in (("action", f"/actions/{action_id}"), ("coverage", "/reports/coverage")):
        page.goto(f"{path}?lang={lang}")
        assert page.locator("html").get_attribute("lang") == lang
        shot(page, f"narrow-{name}-{lang}")
        assert page_width(page) <= PHONE["width"], f"{name} page overflows at 390 px in {lang}"
        tables = wide_tables(page)
        assert tables, f"no table wider than the phone on the {name} page: nothing was checked"
        for table in tables:
            assert table == {
                "id": table["id"],
                "scrolls": True,
                "focusable": True,
                "region": True,
                "caption": True,
            }, (name, lang, table)
        if lang == "en":
            assert_accessible(page)
    # A keyboard user scrolls the activities sideways from their box.
    page.goto(f"/actions/{action_id}?lang={lang}")
    box = page.locator("#activities .table-responsive")
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('#activities .table-responsive').scrollLeft > 0"
    )


def test_chart_labels_are_drawn_whole_on_a_phone(demo, new_page):
    page = new_page(viewport=PHONE)
    sign_in(page, "staff@example.org", DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
    for path in ("/reports/", "/reports/year/2021"):
        page.goto(path)
        page.wait_for_function("() => window.Chart !== undefined")
        clipped = page.evaluate(
            """() => {
                const out = [];
                let checked = 0;
                for (const canvas of document.querySelectorAll('canvas[data-reports-chart]')) {
                    const chart = Chart.getChart(canvas);
                    if (!chart) continue;
                    const ctx = canvas.getContext('2d');
                    for (const scale of Object.values(chart.scales)) {
                        if (scale.type !== 'category') continue;
                        ctx.font = Chart.helpers.toFont(scale.options.ticks.font).string;
                        const room = scale.isHorizontal()
                            ? scale.width / Math.max(scale.ticks.length, 1) : scale.width;
                        for (const tick of scale.ticks) {
                            const lines = [].concat(tick.label);
                            const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
                            checked += 1;
                            // Vertical bars may tilt a long label rather than clip it.
                            const tilted = scale.isHorizontal() && scale.labelRotation > 0;
                            if (!tilted && widest > room + 1) {
                                out.push(`${canvas.dataset.reportsChart}: ${lines.join(' ')}`);
                            }
                        }
                        if (scale.left < 0) out.push(`${canvas.dataset.reportsChart}: axis cut`);
                    }
                }
                return {out, checked};
            }"""
        )
        assert clipped["checked"] > 10, clipped
        assert clipped["out"] == [], f"labels clipped on {path}: {clipped['out']}"
    shot(page, "narrow-year-2021-charts")
