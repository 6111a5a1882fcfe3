"""The main pages work under the Content-Security-Policy, for anonymous people, an expert,
staff and an admin: no policy violation, no JavaScript error, and the bars and charts that
once used inline styles still draw at the right size."""

import pyotp
import pytest
import sqlalchemy as sa

from roster.actions.models import Action, Request
from roster.auth.twofactor import DEMO_TOTP_SECRET
from roster.demo import DEMO_PASSWORD
from roster.demo.steps import STEPS, run_steps
from roster.experts.models import Expert, ImportJob, Status
from roster.extensions import db
from roster.toolkit.models import Module, ModuleRevision
from tests.browser.helpers import shot

# Listens from the first byte of every document: an inline style or script refused while
# the HTML is parsed is reported here, before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}` +
    ` (${e.sourceFile || "page"}:${e.lineNumber || "?"})`);
});
"""


class Watcher:
    """Collects CSP violations, JavaScript errors and console errors of one page."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("pageerror", lambda exc: self.errors.append(f"JS error: {exc}"))
        page.on("console", self._console)
        page.on("response", self._response)

    def _console(self, msg) -> None:
        # A failed load is reported with its URL by _response; the browser's own favicon
        # request is no error of the page's.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.errors.append(f"console: {msg.text}")

    def _response(self, response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.errors.append(f"{response.status} for {response.url}")

    def problems(self) -> list[str]:
        violations = self.page.evaluate("window.__csp || []")
        found = [f"CSP: {v}" for v in violations] + self.errors
        self.errors = []
        return found


def sign_in(page, email: str) -> None:
    page.goto("/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    if "/two-factor" in page.url:  # the demo staff and admin use the published demo secret
        page.fill("input[name=code]", pyotp.TOTP(DEMO_TOTP_SECRET).now())
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()


def bar_mismatches(page) -> list[str]:
    """Bootstrap bars whose drawn width differs from the value they announce."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.progress[aria-valuenow]')).flatMap((p) => {
            const bar = p.querySelector('.progress-bar');
            const outer = p.getBoundingClientRect().width;
            if (!bar || !outer) return [];
            const drawn = 100 * bar.getBoundingClientRect().width / outer;
            const wanted = Number(p.getAttribute('aria-valuenow'));
            return Math.abs(drawn - wanted) > 1.5 ? [`${p.getAttribute('aria-label')}: ` +
                `${drawn.toFixed(1)}% drawn for ${wanted}%`] : [];
        })"""
    )


def drawn_charts(page) -> tuple[int, int]:
    """How many chart canvases the page has, and how many Chart.js drew with a height."""
    return tuple(
        page.evaluate(
            """() => {
                const all = Array.from(document.querySelectorAll('canvas'));
                const drawn = all.filter((c) => window.Chart && Chart.getChart(c)
                    && c.getBoundingClientRect().height > 50);
                return [all.length, drawn.length];
            }"""
        )
    )


@pytest.fixture
def demo(live_server, live_make):
    """The demo data, plus an import job stopped halfway (its page shows a bar)."""
    run_steps(db.session, STEPS, lambda n: None)
    db.session.add(
        ImportJob(filename="experts.csv", status="failed", total_rows=80, processed_rows=30)
    )
    db.session.commit()
    return live_server


def ids() -> dict:
    """The ids the staff pages need, read from the demo data."""
    applied = db.session.scalar(sa.select(Expert.id).filter_by(status=Status.APPLIED).limit(1))
    mine = db.session.scalar(sa.select(Expert.id).filter_by(email="expert@example.org"))
    action = db.session.scalar(sa.select(Action.id).order_by(Action.id).limit(1))
    request = db.session.scalar(sa.select(Request.id).order_by(Request.id))
    module = db.session.scalar(sa.select(Module).order_by(Module.id).limit(1))
    revision = db.session.scalar(sa.select(ModuleRevision.id).limit(1))
    job = db.session.scalar(sa.select(ImportJob.id))
    return {
        "applied": applied,
        "mine": mine,
        "action": action,
        "request": request,
        "module_id": module.id,
        "slug": module.slug,
        "revision": revision,
        "job": job,
    }


def pages_for(role: str, i: dict) -> list[str]:
    anonymous = [
        "/",
        "/auth/login",
        "/auth/register",
        "/auth/forgot",
        "/auth/confirm",
        "/actions/request-support",
        "/toolkit/verify",
    ]
    expert = [
        "/experts/me",
        f"/experts/{i['mine']}/profile",
        f"/experts/{i['mine']}/edit/availability",
        f"/experts/{i['mine']}/edit/themes",
        "/actions/invitations",
        "/toolkit/",
        f"/toolkit/{i['slug']}/",
        f"/toolkit/{i['slug']}/en/1",
        "/toolkit/certificates/",
        "/auth/account",
    ]
    staff = [
        "/experts/",
        "/experts/vetting",
        f"/experts/{i['applied']}",
        f"/experts/{i['applied']}/edit/about",
        "/experts/import",
        f"/experts/import/{i['job']}",
        "/actions/",
        f"/actions/{i['action']}",
        f"/actions/{i['action']}/find-experts",
        "/actions/requests",
        f"/actions/requests/{i['request']}",
        "/actions/partners",
        "/reports/",
        "/reports/year/2021",
        "/reports/coverage",
        "/toolkit/reports/",
        "/toolkit/manage/",
        f"/toolkit/manage/{i['module_id']}/",
        f"/toolkit/manage/revisions/{i['revision']}",
    ]
    admin = [
        "/taxonomy/",
        "/taxonomy/themes",
        "/taxonomy/regions",
        "/taxonomy/countries",
        "/auth/users",
        "/audit/",
    ]
    return {"anonymous": anonymous, "expert": expert, "staff": staff, "admin": admin}[role]


@pytest.mark.parametrize("role", ["anonymous", "expert", "staff", "admin"])
def test_pages_work_under_the_content_security_policy(demo, new_page, role):
    page = new_page(viewport={"width": 1280, "height": 900})
    watcher = Watcher(page)
    if role != "anonymous":
        sign_in(page, f"{role}@example.org")
        assert "/auth/login" not in page.url, f"{role} could not sign in"
    with demo.app.app_context():
        known = ids()
    failures = []
    for path in pages_for(role, known):
        response = page.goto(path)
        page.wait_for_load_state("load")
        assert response.status == 200, f"{path} answered {response.status}"
        canvases, drawn = drawn_charts(page)
        if canvases:
            page.wait_for_function(
                "() => Array.from(document.querySelectorAll('canvas'))"
                ".every((c) => window.Chart && Chart.getChart(c))"
            )
            canvases, drawn = drawn_charts(page)
        name = path.strip("/").replace("/", "-") or "home"
        shot(page, f"csp-{role}-{name}")
        problems = watcher.problems() + bar_mismatches(page)
        if "default-src 'self'" not in response.headers.get("content-security-policy", ""):
            problems.append("no Content-Security-Policy header")
        if canvases != drawn:
            problems.append(f"{drawn} of {canvases} charts drawn")
        failures += [f"{path}: {p}" for p in problems]
    assert not failures, "\n".join(failures)


def test_the_watcher_sees_a_violation(demo, new_page):
    """Not vacuous: markup with an inline style, added after load, is refused and reported."""
    page = new_page()
    watcher = Watcher(page)
    page.goto("/")
    page.evaluate(
        """() => document.querySelector('main')
            .insertAdjacentHTML('beforeend', '<p id="x" style="color: red">x</p>')"""
    )
    page.wait_for_timeout(200)
    colour = page.evaluate("getComputedStyle(document.getElementById('x')).color")
    assert colour != "rgb(255, 0, 0)"
    assert any("style-src" in p for p in watcher.problems())
