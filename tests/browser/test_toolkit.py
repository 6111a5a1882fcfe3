"""An expert takes a toolkit module in French over two sittings, to a verified certificate."""

import re

import pyotp
import sqlalchemy as sa

from roster.extensions import db
from roster.toolkit.content import load_toolkit_content
from roster.toolkit.models import Module, ModuleStatus, ModuleTranslation, Section
from tests.browser import helpers
from tests.browser.helpers import assert_accessible, shot
from tests.builders import PASSWORD

SLUG = "online-facilitation"


def sign_in(page, email, totp_secret=None):
    """Sign in through the form (staff also give the code of their second factor)."""
    helpers.sign_in(page, email, PASSWORD, totp_secret=totp_secret)


def right_answers(app) -> dict[int, int]:
    """{question id: right choice id} of the French check, read from the database."""
    with app.app_context():
        module = db.session.scalar(sa.select(Module).filter_by(slug=SLUG))
        fr = module.translation("fr")
        return {q.id: next(c.id for c in q.choices if c.is_correct) for q in fr.questions}


def test_expert_completes_a_module_in_french_and_the_code_verifies(
    live_server, live_make, new_page
):
    load_toolkit_content(db.session)
    db.session.commit()
    user = live_make.user(email="marie@example.org")
    live_make.expert(user=user, first_name="Marie", last_name="Curie")

    # First sitting: pick the module in French from the catalog, read two sections.
    page = new_page(locale="fr-FR")
    sign_in(page, "marie@example.org")
    page.goto("/toolkit/")
    page.select_option("#filter-lang", "fr")
    page.locator("form[role=search] button[type=submit]").click()
    page.locator(f"a[href='/toolkit/{SLUG}/?lang=fr']").first.click()
    assert page.locator("h1").inner_text() == "Animer des ateliers en ligne"
    shot(page, "toolkit-module-fr")
    assert_accessible(page)
    page.locator(f"a[href='/toolkit/{SLUG}/fr/1']").last.click()
    assert page.url.endswith(f"/toolkit/{SLUG}/fr/1")
    assert_accessible(page)
    for _ in range(2):
        page.locator("form[action$='/read'] button").click()
        page.wait_for_load_state()
    assert page.url.endswith(f"/toolkit/{SLUG}/fr/3")
    assert page.get_attribute("#module-progress", "aria-valuenow") == "40"
    page.context.close()

    # Second sitting, in a fresh browser: resume where she stopped, finish reading.
    page = new_page(locale="fr-FR")
    sign_in(page, "marie@example.org")
    page.goto("/toolkit/")
    page.locator(f"a[href='/toolkit/{SLUG}/resume']").click()
    assert page.url.endswith(f"/toolkit/{SLUG}/fr/3")
    shot(page, "toolkit-section-fr")
    for _ in range(3):
        page.locator("form[action$='/read'] button").click()
        page.wait_for_load_state()
    assert page.url.endswith(f"/toolkit/{SLUG}/fr/check")
    assert_accessible(page)

    # The knowledge check: one wrong answer first, then a retry with the right ones.
    answers = right_answers(live_server.app)
    for question_id in answers:
        page.locator(f"input[name=q{question_id}]").first.check()
    page.locator("main form button[type=submit]").click()
    if page.locator("#check-result.alert-warning").count():
        assert page.locator("#check-result").is_visible()
        page.locator(f"a[href='/toolkit/{SLUG}/fr/check']").last.click()
        for question_id, choice_id in answers.items():
            page.locator(f"input[name=q{question_id}][value='{choice_id}']").check()
        page.locator("main form button[type=submit]").click()
    assert page.locator("#check-result.alert-success").is_visible()
    shot(page, "toolkit-check-passed")
    assert_accessible(page)

    page.locator("#check-result a[href*='/toolkit/certificates/']").click()
    assert "Marie Curie" in page.locator(".certificate").inner_text()
    assert "Animer des ateliers en ligne" in page.locator(".certificate").inner_text()
    code = page.locator(".certificate-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", code)
    assert page.locator("[data-toolkit-print]").is_visible()
    shot(page, "toolkit-certificate")
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator("header").is_visible()
    assert not page.locator("[data-toolkit-print]").is_visible()
    page.emulate_media(media="screen")

    # Anyone can confirm the code on the public page, which says nothing else about her.
    public = new_page(locale="fr-FR")
    public.goto("/toolkit/verify")
    public.fill("input[name=code]", code.lower())
    public.locator("main form button[type=submit]").click()
    result = public.locator("#verify-result").inner_text()
    assert "Animer des ateliers en ligne" in result and "M. C." in result
    assert "Marie" not in public.content() and "marie@example.org" not in public.content()
    shot(public, "toolkit-verify")
    assert_accessible(public)


def test_a_script_in_module_content_does_not_run(live_server, live_make, new_page):
    module = Module(slug="hostile", status=ModuleStatus.PUBLISHED)
    version = ModuleTranslation(language="en", title="Hostile", summary="")
    version.sections.append(
        Section(
            position=1,
            title="Payload",
            body_markdown=(
                "Visible text\n\n<script>window.owned = 1; alert('x')</script>\n\n"
                '<img src="x" onerror="window.owned = 2">\n\n[link](javascript:window.owned=3)'
            ),
        )
    )
    module.translations.append(version)
    db.session.add(module)
    db.session.commit()
    live_make.user(email="reader@example.org")
    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, "reader@example.org")
    page.goto("/toolkit/hostile/en/1")
    assert page.locator(".toolkit-content").inner_text().startswith("Visible text")
    page.locator(".toolkit-content a").click()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.owned") == "undefined"
    assert dialogs == []


def test_staff_pages_are_accessible(live_server, live_make, new_page):
    load_toolkit_content(db.session)
    db.session.commit()
    module_id = db.session.scalar(sa.select(Module.id).filter_by(slug=SLUG))
    staff = live_make.staff(email="staff@example.org")
    staff.totp_secret = pyotp.random_base32()
    db.session.commit()
    page = new_page()
    sign_in(page, "staff@example.org", totp_secret=staff.totp_secret)
    for name, path in (
        ("catalog", "/toolkit/"),
        ("manage", "/toolkit/manage/"),
        ("edit", f"/toolkit/manage/{module_id}/"),
        ("edit-version", f"/toolkit/manage/{module_id}/fr"),
        ("new-module", "/toolkit/manage/new"),
        ("history", f"/toolkit/manage/{module_id}/history"),
        ("report", "/toolkit/reports/"),
    ):
        assert page.goto(path).status == 200
        shot(page, f"toolkit-staff-{name}")
        assert_accessible(page)
    # The section editor's preview shows the Markdown as readers will see it.
    page.goto(f"/toolkit/manage/{module_id}/en/sections/new")
    page.fill("input[name=title]", "Hybrid rooms")
    page.fill("textarea[name=body_markdown]", "Use **two** facilitators.")
    page.locator("input[name=preview]").click()
    assert page.locator("#preview strong").inner_text() == "two"
    shot(page, "toolkit-staff-preview")
    assert_accessible(page)
