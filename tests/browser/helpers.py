"""Helpers for browser tests: signing in, screenshots, accessibility checks, mail links."""

import json
import re
from pathlib import Path

import pyotp

from roster.mail import outbox_messages

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parents[1] / "test-results" / "screenshots"
AXE = HERE / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def shot(page, name: str) -> Path:
    """Save a full-page screenshot as test-results/screenshots/<name>.png for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            lines.append(f"    at {' '.join(node['target'])}: {node['summary']}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page for the WCAG 2.0/2.1 A and AA rules; return the violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluate(), unlike a <script> tag, is not blocked by a Content-Security-Policy.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.map(String), summary: n.failureSummary,
                })),
            }));
        }""",
        WCAG_TAGS,
    )


def dangling_references(page) -> list[str]:
    """ARIA attributes naming an id that the page does not have (axe lets these pass)."""
    return page.evaluate(
        """() => {
            const found = [];
            for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
                for (const el of document.querySelectorAll(`[${attr}]`)) {
                    for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                        if (!document.getElementById(id)) {
                            found.push(`${el.tagName.toLowerCase()}#${el.id} ${attr}="${id}"`);
                        }
                    }
                }
            }
            return found;
        }"""
    )


def assert_accessible(page) -> None:
    """Fail, listing each problem readably, when the page breaks a WCAG 2.1 A or AA rule."""
    violations = axe_violations(page)
    assert not violations, (
        f"{len(violations)} accessibility violation(s) on {page.url}:\n{_describe(violations)}"
    )
    dangling = dangling_references(page)
    assert not dangling, f"ARIA references to missing ids on {page.url}: {dangling}"


def outbox_link(outbox: Path, to: str, contains: str) -> str:
    """The first link in the newest mail to `to` whose URL contains `contains`."""
    for message in reversed(outbox_messages(outbox)):
        if message["To"] == to:
            body = message.get_content()
            for link in re.findall(r"https?://\S+", body):
                if contains in link:
                    return link
    raise AssertionError(
        f"no mail to {to} with a link containing {contains!r}; outbox: "
        + json.dumps([m["Subject"] for m in outbox_messages(outbox)])
    )


def sign_in(page, email: str, password: str, totp_secret: str | None = None, check=None) -> None:
    """Sign in through the form; with totp_secret, enter the code an authenticator app would
    show on the two-factor page that follows (after `check(page)` there, if given).

    Fields are found by name, not label, so that it works in every interface language."""
    page.goto("/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    if totp_secret is not None:
        assert "/auth/login/two-factor" in page.url, page.url
        if check is not None:
            check(page)
        page.fill("input[name=code]", pyotp.TOTP(totp_secret).now())
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
