"""The journey of a new expert, in a real browser: from the home page to a submitted profile,
then a staff member approves the application in the vetting queue."""

import re

import pyotp
import sqlalchemy as sa

from roster.experts.models import Expert
from roster.extensions import db
from roster.mail import outbox_messages
from tests.browser.helpers import assert_accessible, outbox_link, shot, sign_in
from tests.experts.pdfs import make_pdf

EMAIL = "leila.haddad@example.org"
PASSWORD = "kettle lantern orbit 42 meadow"


def _save_and_continue(page, step: str):
    shot(page, f"journey-step-{step}")
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_load_state()
    assert page.locator(".is-invalid").count() == 0, f"the {step} step refused its input"


def test_new_expert_registers_fills_profile_submits_and_is_approved(
    live_server, live_make, new_page
):
    live_make.theme("asylum", label="International protection and asylum")
    live_make.theme("children", label="Rights of migrant children")
    live_make.country("KZ", "asia")
    reviewer = live_make.staff(email="vetting@example.org", password=PASSWORD)
    reviewer.totp_secret = pyotp.random_base32()
    db.session.commit()

    # Home page → registration.
    page = new_page()
    page.goto("/")
    page.get_by_role("link", name="Join the roster of experts").click()
    page.get_by_label("First name").fill("Leila")
    page.get_by_label("Last name").fill("Haddad")
    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    shot(page, "journey-01-register")
    page.get_by_role("button", name="Create my account").click()
    assert "/auth/check-email" in page.url

    # The confirmation link from the mail signs the new member in.
    page.goto(outbox_link(live_server.outbox(), EMAIL, "/auth/confirm/"))
    page.get_by_role("link", name="My profile", exact=True).click()
    assert page.get_by_text("Draft", exact=True).is_visible()
    shot(page, "journey-02-profile-start")
    page.get_by_role("link", name="Continue filling in my profile").click()
    form = page.locator("main")  # the header has a "Language" field of its own

    # Step 1: about you.
    form.get_by_label("Phone").fill("+33 1 23 45 67 89")
    form.get_by_label("Nationality").select_option("FR")
    form.get_by_label("Employer", exact=True).fill("Ministry of the Interior")
    form.get_by_label("Type of employer").select_option("member_state")
    form.get_by_label("Position").fill("Head of unit, asylum procedures")
    form.get_by_label("Years of professional experience").fill("14")
    form.get_by_label("Biography").fill(
        "Fourteen years in asylum procedures; trained caseworkers in Central Asia."
    )
    _save_and_continue(page, "about")

    # Step 2: themes.
    form.get_by_label("Theme", exact=True).first.select_option(
        label="International protection and asylum"
    )
    form.get_by_label("Depth of expertise").first.select_option("senior")
    _save_and_continue(page, "themes")

    # Step 3: languages.
    form.get_by_label("Language", exact=True).first.select_option("fr")
    form.get_by_label("Level").first.select_option("native")
    _save_and_continue(page, "languages")

    # Step 4: countries.
    form.get_by_label("Country").first.select_option("KZ")
    _save_and_continue(page, "countries")

    # Step 5: availability.
    form.get_by_label("Days a year you could work for the facility").fill("40")
    _save_and_continue(page, "availability")

    # Step 6: a real PDF CV.
    form.get_by_label("CV (PDF)").set_input_files(
        {"name": "cv-leila-haddad.pdf", "mimeType": "application/pdf", "buffer": make_pdf()}
    )
    page.get_by_role("button", name="Upload and continue").click()
    page.wait_for_load_state()
    assert page.locator(".is-invalid").count() == 0, "the CV was refused"

    # Step 7: consent, then submit.
    form.get_by_label(re.compile("consent", re.IGNORECASE)).check()
    shot(page, "journey-03-consent")
    assert_accessible(page)
    page.get_by_role("button", name="Submit my application").click()
    page.wait_for_load_state()
    shot(page, "journey-04-submitted")
    assert page.get_by_text("Applied", exact=True).first.is_visible()
    with live_server.app.app_context():
        expert = db.session.scalar(sa.select(Expert).where(Expert.email == EMAIL))
        assert expert.status.value == "applied"
        assert expert.cv_text and "border management" in expert.cv_text
        assert [t.theme.slug for t in expert.themes] == ["asylum"]
        expert_id = expert.id

    # A staff member signs in and approves the application from the vetting queue.
    staff = new_page()
    sign_in(staff, "vetting@example.org", PASSWORD, totp_secret=reviewer.totp_secret)
    staff.goto("/experts/vetting")
    shot(staff, "journey-05-vetting-queue")
    staff.get_by_role("link", name="Review Leila Haddad").click()
    staff.get_by_label("Approve").check()
    staff.get_by_label("Note to keep with the decision").fill("Strong asylum profile.")
    staff.get_by_role("button", name="Record the decision").click()
    staff.wait_for_load_state()
    shot(staff, "journey-06-approved")
    assert staff.get_by_text("Leila Haddad is approved").is_visible()
    with live_server.app.app_context():
        expert = db.session.get(Expert, expert_id)
        assert expert.status.value == "approved"
        assert expert.joined_on is not None
    approval = outbox_messages(live_server.outbox())[-1]
    assert approval["To"] == EMAIL
    assert approval["Subject"] == "You are now on the roster of experts"
