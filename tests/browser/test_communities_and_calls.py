"""Issue #15 in a real browser: a partner's focal point starts a thread in their community, an
expert answers it, a moderator hides a post; an expert says they are interested in an open
call and staff see it in Find experts. Each new page passes axe-core and fits 1280 and 390 px."""

import pyotp
import sqlalchemy as sa

from roster.auth.models import PartnerFocalPoint, Role
from roster.extensions import db
from roster.opportunities.models import Interest
from tests.actions import helpers as actions
from tests.browser.helpers import assert_accessible, shot, sign_in
from tests.browser.test_navigation import overflow, too_wide
from tests.communities import helpers as communities
from tests.opportunities import helpers as calls

PASSWORD = "kettle lantern orbit 42 meadow"
PARTNER_EMAIL = "focal.point@migracion.example"
EXPERT_EMAIL = "lucia.ferrer@example.org"
STAFF_EMAIL = "officer@example.org"
WIDE, PHONE = {"width": 1280, "height": 800}, {"width": 390, "height": 844}
THREAD = "Screening of unaccompanied children at the border"
OPENING = (
    "We are drafting **standard operating procedures** for our border posts:\n\n"
    "- first screening\n- referral to child protection\n\nWho has a model to share?"
)
NOTE = "I trained border officers in Almaty in 2019 and am free in the autumn."


def check(page, name: str) -> None:
    """Run axe-core on the page, then look at it at 1280 and 390 px: a screenshot of each, and
    nothing wider than a phone's screen."""
    assert_accessible(page)
    for label, size in (("wide", WIDE), ("phone", PHONE)):
        page.set_viewport_size(size)
        shot(page, f"issue15-{name}-{label}")
        assert overflow(page) <= 0, f"{name} overflows at {size['width']} px: {too_wide(page)}"
    page.set_viewport_size(WIDE)


def nav(page, name: str) -> None:
    """Follow a link of the main menu, as someone at a desk would."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def world(make):
    """A Costa Rican institution with a focal point and a request, a closed community with the
    focal point and an expert in it, staff, and an open call on a Kazakhstan workshop."""
    institution = actions.partner(db, make, name="Dirección General de Migración", country="CR")
    actions.request(
        db, make, partner_id=institution.id, title="Protection of unaccompanied children"
    )
    focal = make.user(email=PARTNER_EMAIL, password=PASSWORD, role=Role.PARTNER)
    db.session.add(PartnerFocalPoint(user_id=focal.id, partner_id=institution.id))
    user = make.user(email=EXPERT_EMAIL, password=PASSWORD)
    make.expert(
        user=user,
        first_name="Lucía",
        last_name="Ferrer",
        themes={"children": "senior"},
        languages={"en": "C1", "es": "native"},
        biography="Child protection officer; trainer of border guards.",
    )
    staff = make.staff(email=STAFF_EMAIL, password=PASSWORD)
    staff.totp_secret = pyotp.random_base32()  # staff sign in with a second factor
    db.session.commit()
    communities.community(
        db,
        name_en="Latin America and the Caribbean",
        description_en="Partners and experts of the region: *protection* at borders.",
        members=[focal, user],
    )
    call = calls.call(db, make, languages={"en": "B2"})
    return staff.totp_secret, call


def test_partner_thread_answered_moderated_and_an_interest_staff_see(
    live_server, live_make, new_page
):
    totp, call = world(live_make)
    call_title, activity_title = call.title, call.activity.title

    # The focal point lands on their institution's page, then starts a thread in Markdown.
    partner = new_page(viewport=WIDE)
    sign_in(partner, PARTNER_EMAIL, PASSWORD)
    assert partner.get_by_role("heading", name="Dirección General de Migración").is_visible()
    assert partner.get_by_role("link", name="Protection of unaccompanied children").is_visible()
    check(partner, "partner-home")
    nav(partner, "Communities")
    check(partner, "community-index")
    partner.get_by_role("link", name="Latin America and the Caribbean").click()
    assert partner.get_by_text("No thread yet.").is_visible()
    check(partner, "community")
    partner.get_by_role("link", name="Start a thread").click()
    assert_accessible(partner)
    partner.get_by_label("Title").fill(THREAD)
    partner.get_by_label("Language of the thread").select_option("en")
    partner.get_by_label("Message").fill(OPENING)
    partner.get_by_role("button", name="Start the thread").click()
    partner.wait_for_load_state()
    assert partner.get_by_text("Your thread was started.").is_visible()
    opening = partner.locator("article.card").first
    assert opening.locator(".post-body strong").inner_text() == "standard operating procedures"
    assert opening.locator(".post-body li").all_inner_texts() == [
        "first screening",
        "referral to child protection",
    ]

    # An expert of the community reads it and answers.
    expert = new_page(viewport=WIDE)
    sign_in(expert, EXPERT_EMAIL, PASSWORD)
    nav(expert, "Communities")
    expert.get_by_role("link", name="Latin America and the Caribbean").click()
    expert.get_by_role("link", name=THREAD).click()
    assert expert.get_by_text("Who has a model to share?").is_visible()
    expert.get_by_label("Your reply").fill("Ours, from *Costa Rica*, is on the toolkit.")
    expert.get_by_role("button", name="Reply", exact=True).click()
    expert.wait_for_load_state()
    assert expert.get_by_text("Your reply was posted.").is_visible()
    assert expert.locator("article.card").count() == 2
    thread_url = expert.url.split("#")[0]

    # Staff moderate: they hide the opening post, with a reason for its author.
    staff = new_page(viewport=WIDE)
    sign_in(staff, STAFF_EMAIL, PASSWORD, totp)
    assert "/auth/login" not in staff.url, staff.url
    nav(staff, "Communities")
    staff.get_by_role("link", name="Latin America and the Caribbean").click()
    staff.get_by_role("link", name=THREAD).click()
    staff.locator("article.card").first.get_by_role("link", name="Hide").click()
    assert_accessible(staff)
    staff.get_by_label("Reason (shown to the author)").fill("Please share the draft by e-mail.")
    staff.get_by_role("button", name="Hide the post").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("The post is hidden.").is_visible()

    # The expert no longer reads it; the reply stays.
    expert.goto(thread_url)
    assert expert.get_by_text("This post was hidden by a moderator.").is_visible()
    assert expert.get_by_text("Who has a model to share?").count() == 0
    assert expert.locator(".post-body strong").count() == 0
    assert expert.get_by_text("Ours, from").is_visible()
    check(expert, "thread")

    # The focal point hears of the reply and of the hidden post.
    nav(partner, "Notifications")
    items = partner.locator("main .list-group-item").all_inner_texts()
    assert any("replied to" in text and THREAD in text for text in items), items
    assert any("A moderator hid your post" in text for text in items), items
    check(partner, "notifications")

    # The expert opens the calls ranked for them and says they are interested, with a note.
    nav(expert, "Opportunities")
    assert expert.get_by_role("heading", name="Opportunities for you").is_visible()
    check(expert, "opportunities-for-you")
    expert.get_by_role("link", name=call_title).first.click()
    check(expert, "call")
    expert.get_by_label("A note for the team (optional)").fill(NOTE)
    expert.get_by_role("button", name="I am interested").click()
    expert.wait_for_load_state()
    assert expert.get_by_text("Your interest is recorded").is_visible()
    with live_server.app.app_context():
        [interest] = db.session.scalars(sa.select(Interest)).all()
        assert interest.note == NOTE

    # Staff open the call, then Find experts for its activity: Lucía is marked interested.
    nav(staff, "Open calls")
    staff.get_by_role("link", name=call_title).click()
    assert staff.get_by_text("Experts interested (1)").is_visible()
    staff.get_by_role("link", name="Find experts for this call").click()
    staff.wait_for_load_state()
    assert activity_title in staff.locator("main").inner_text()
    row = staff.locator(".match-row", has_text="Lucía Ferrer")
    assert row.locator(".interested").inner_text() == "interested"
    assert NOTE in row.locator(".interest-note").inner_text()
    assert call_title in row.locator(".interest-note").inner_text()
    shot(staff, "issue15-find-experts-interested")
    assert_accessible(staff)
