"""Staff an Action in a real browser: a new request becomes an Action, "find experts" ranks
the roster with reasons, staff shortlist and invite, and the expert accepts from their area."""

import pyotp
import sqlalchemy as sa

from roster.actions.models import Assignment
from roster.extensions import db
from tests.browser.helpers import assert_accessible, outbox_link, shot, sign_in

PASSWORD = "kettle lantern orbit 42 meadow"
EXPERT_EMAIL = "lucia.ferrer@example.org"


def code_page(page) -> None:
    shot(page, "staffing-00-two-factor")
    assert_accessible(page)


def test_staff_go_from_a_request_to_an_invited_expert_who_accepts(live_server, live_make, new_page):
    live_make.theme("trafficking", label="Trafficking in human beings")
    live_make.country("CR", "latam")
    staff_user = live_make.staff(email="staff@example.org", password=PASSWORD)
    staff_user.totp_secret = pyotp.random_base32()  # staff sign in with a second factor
    db.session.commit()
    user = live_make.user(email=EXPERT_EMAIL, password=PASSWORD)
    live_make.expert(
        user=user,
        first_name="Lucía",
        last_name="Ferrer",
        themes={"trafficking": "senior"},
        languages={"es": "native"},
        countries={"CR": "latam"},
        biography="Prosecutor: identification of victims of trafficking in Costa Rica.",
    )
    live_make.expert(
        first_name="Jonas",
        last_name="Berg",
        themes={"trafficking": "working"},
        languages={"es": "B1"},
        biography="Labour inspector.",
    )

    # Staff type in a request that came in at an awareness session.
    staff = new_page()
    sign_in(staff, "staff@example.org", PASSWORD, staff_user.totp_secret, check=code_page)
    assert "/auth/login" not in staff.url
    staff.goto("/actions/requests/new")
    main = staff.locator("main")
    main.get_by_label("Or institution (not yet a partner)").fill("Ministry of Labour, Costa Rica")
    main.get_by_label("Country").select_option("CR")
    main.get_by_label("Subject").fill("Identification of victims of trafficking")
    main.get_by_label("What support do you need?").fill(
        "Training of labour inspectors on the indicators of trafficking in human beings."
    )
    main.get_by_label("Trafficking in human beings").check()
    main.get_by_label("Working languages").select_option("es")
    shot(staff, "staffing-01-request")
    main.get_by_role("button", name="Save").click()
    staff.wait_for_load_state()
    shot(staff, "staffing-01b-request-saved")
    assert staff.get_by_text("Request recorded.").is_visible()

    # The request is assessed and accepted: an Action is created with its data.
    start = staff.get_by_role("button", name="Start the assessment")
    if start.count():
        start.click()
        staff.wait_for_load_state()
    staff.get_by_role("button", name="Accept and create the Action").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("Request accepted").is_visible()

    # Find experts: Lucía first, with her reasons; Jonas (Spanish B1) not ranked.
    staff.get_by_role("link", name="Find experts").click()
    staff.wait_for_load_state()
    shot(staff, "staffing-02-find-experts")
    assert_accessible(staff)
    first = staff.locator("#rank-1")
    assert "Lucía Ferrer" in first.inner_text()
    assert "Has senior expertise in Trafficking in human beings." in first.inner_text()
    assert "Speaks Spanish as a native speaker (B2 or above wanted)." in first.inner_text()
    assert staff.locator("#rank-2").count() == 0

    # "Why not" for Jonas, typed in the form.
    staff.get_by_label("Why not this expert?").fill("Jonas Berg")
    staff.get_by_role("button", name="Find experts").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("Speaks Spanish at B1, below the B2 required.").is_visible()
    shot(staff, "staffing-02b-why-not")
    assert_accessible(staff)

    # A bad date keeps what was typed and says what is wrong next to the field.
    staff.get_by_label("From", exact=True).fill("2021-10-05")
    staff.get_by_label("To", exact=True).fill("2021-10-01")
    staff.get_by_role("button", name="Find experts").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("The end date must not be before the start date.").first.is_visible()
    assert staff.get_by_label("Why not this expert?").input_value() == "Jonas Berg"
    shot(staff, "staffing-02c-bad-dates")
    assert_accessible(staff)
    staff.get_by_label("To", exact=True).fill("2021-10-09")
    staff.get_by_role("button", name="Find experts").click()
    staff.wait_for_load_state()

    # Shortlist from the ranking, then invite from the Action's team.
    staff.get_by_role("button", name="Shortlist Lucía Ferrer").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("Lucía Ferrer shortlisted.").is_visible()
    staff.locator("#team").get_by_role("button", name="Invite").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("Lucía Ferrer invited by e-mail.").is_visible()
    shot(staff, "staffing-03-invited")

    # The expert follows the link in the mail, signs in and accepts.
    link = outbox_link(live_server.outbox(), EXPERT_EMAIL, "/actions/invitations")
    expert = new_page()
    expert.goto(link)
    if "/auth/login" in expert.url:
        expert.get_by_label("E-mail address").fill(EXPERT_EMAIL)
        expert.get_by_label("Password").fill(PASSWORD)
        expert.get_by_role("button", name="Sign in").click()
        expert.wait_for_load_state()
    expert.goto("/actions/invitations")
    expert.get_by_label("Comment for the team").first.fill("Glad to help in October.")
    shot(expert, "staffing-04-invitation")
    expert.get_by_role("button", name="Accept").first.click()
    expert.wait_for_load_state()
    assert expert.get_by_text("Thank you: you accepted the invitation.").is_visible()
    shot(expert, "staffing-05-accepted")
    with live_server.app.app_context():
        assignment = db.session.scalar(sa.select(Assignment))
        assert assignment.state.value == "accepted"
        assert assignment.comment == "Glad to help in October."
