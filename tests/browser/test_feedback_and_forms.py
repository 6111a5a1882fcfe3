"""What a person reads and keeps after sending a form: the knowledge check's verdict said
once, Find experts' weights still in view after re-ranking, and an error summary that follows
the fields of the page, each link taking the focus to its field."""

import re

import pyotp
import pytest
import sqlalchemy as sa

from roster.extensions import db
from roster.toolkit.content import load_toolkit_content
from roster.toolkit.models import Module
from tests.browser.helpers import assert_accessible, shot, sign_in
from tests.builders import PASSWORD

VERDICTS = {
    "en": ("Right.", "Not quite."),
    "fr": ("Exact.", "Pas tout à fait."),
    "es": ("Correcto.", "No exactamente."),
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_check_says_right_once_per_answer(live_server, live_make, new_page, lang):
    load_toolkit_content(db.session)
    db.session.commit()
    module = db.session.scalar(sa.select(Module).filter_by(slug="online-facilitation"))
    version = module.translation(lang)
    right = {q.id: next(c.id for c in q.choices if c.is_correct) for q in version.questions}
    user = live_make.user(email=f"learner-{lang}@example.org")
    live_make.expert(user=user, first_name="Ana", last_name="Ruiz")

    page = new_page(locale={"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}[lang])
    sign_in(page, user.email, PASSWORD)
    page.goto(f"/toolkit/online-facilitation/{lang}/check")
    for question_id, choice_id in right.items():
        page.check(f"input[name=q{question_id}][value='{choice_id}']")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    shot(page, f"check-feedback-{lang}")

    feedback = page.locator("main li.card p.text-success").all_inner_texts()
    assert len(feedback) == len(right)
    verdict = VERDICTS[lang][0]
    word = verdict.rstrip(".")
    for text in feedback:
        assert text.startswith(verdict), text
        rest = text.removeprefix(verdict).strip()
        assert rest and not re.match(rf"{re.escape(word)}\b", rest, re.I), text
    assert_accessible(page)


def test_weights_just_set_stay_open_after_re_ranking(live_server, live_make, new_page):
    live_make.theme("trafficking", label="Trafficking in human beings")
    live_make.country("CR", "latam")
    for first, last, level in (("Lucía", "Ferrer", "native"), ("Jonas", "Berg", "C1")):
        live_make.expert(
            first_name=first,
            last_name=last,
            themes={"trafficking": "senior"},
            languages={"es": level},
            countries={"CR": "latam"},
            biography="Identification of victims of trafficking.",
        )
    staff_user = live_make.staff(email="staff@example.org", password=PASSWORD)
    staff_user.totp_secret = pyotp.random_base32()
    db.session.commit()
    from tests.actions import helpers as h

    action = h.action(db, live_make, country="CR", region="latam", themes=["trafficking"])

    page = new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, "staff@example.org", PASSWORD, staff_user.totp_secret)
    page.goto(f"/actions/{action.id}/find-experts")
    weights = page.locator("details#weights")
    assert weights.get_attribute("open") is None  # the defaults: the panel stays closed
    weights.locator("summary").click()
    page.get_by_label("Description").fill("80")
    page.get_by_label("Themes", exact=True).last.fill("5")
    page.get_by_role("button", name="Find experts").click()
    page.wait_for_load_state()
    shot(page, "find-experts-weights-kept")

    assert weights.get_attribute("open") is not None
    assert page.get_by_label("Description").is_visible()
    assert page.get_by_label("Description").input_value() == "80"
    assert page.locator("#weights-themes").input_value() == "5"
    assert page.locator("#rank-1").is_visible()  # re-ranked with them
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_error_summary_follows_the_fields_and_links_to_them(live_server, new_page, lang):
    page = new_page(
        locale={"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}[lang],
        viewport={"width": 390, "height": 844},
    )
    page.goto("/actions/request-support")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    shot(page, f"error-summary-{lang}")
    links = page.locator("#form-errors a")
    targets = [
        href.removeprefix("#")
        for href in links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    ]
    assert len(targets) >= 4, targets
    # Each link goes to a field of the page, and the links follow the fields' order.
    in_order = page.evaluate(
        """(ids) => ids.every((id, i) => {
            const here = document.getElementById(id);
            if (!here || !here.matches('input, select, textarea')) return false;
            if (i === 0) return true;
            const before = document.getElementById(ids[i - 1]);
            return !!(before.compareDocumentPosition(here) & Node.DOCUMENT_POSITION_FOLLOWING);
        })""",
        targets,
    )
    assert in_order, targets
    assert targets[0] == "institution_name"
    links.nth(2).click()
    assert page.evaluate("document.activeElement.id") == targets[2]
    assert_accessible(page)
