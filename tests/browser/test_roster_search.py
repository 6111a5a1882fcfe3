"""Staff search the roster in a real browser: the words typed, the best match first, the
matched words marked under each name, and the page accessible in each language."""

import pyotp
import pytest

from roster.extensions import db
from tests.browser.helpers import assert_accessible, shot, sign_in

PASSWORD = "kettle lantern orbit 42 meadow"


@pytest.fixture
def staff_page(live_make, new_page):
    staff = live_make.staff(email="staff@example.org", password=PASSWORD)
    staff.totp_secret = pyotp.random_base32()
    db.session.commit()
    live_make.expert(
        first_name="Irène",
        last_name="Adjovi",
        biography="Ten years at the border police of Bénin, training officers.",
    )
    live_make.expert(
        first_name="Luc", last_name="Moreau", biography="Politiques migratoires au Bénin."
    )
    live_make.expert(first_name="Ada", last_name="Sahel", biography="Labour migration data.")

    def _page(locale="en-GB"):
        page = new_page(locale=locale)
        sign_in(page, "staff@example.org", PASSWORD, staff.totp_secret)
        return page

    return _page


def test_search_marks_where_the_words_matched(staff_page):
    page = staff_page()
    page.goto("/experts/")
    box = page.get_by_label("Search names, biographies and CVs")
    box.fill('benin "training officers"')
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("mark").all_inner_texts() == ["Bénin", "training", "officers"]
    assert box.input_value() == 'benin "training officers"'  # what was typed is kept
    shot(page, "roster-search")
    assert_accessible(page)


@pytest.mark.parametrize("locale", ["fr-FR", "es-ES"])
def test_search_page_with_snippets_and_an_error_is_accessible(staff_page, locale):
    page = staff_page(locale)
    page.goto("/experts/?q=benin")
    assert page.locator("main mark").count() == 2  # in two biographies
    assert_accessible(page)
    page.goto("/experts/?q=%28%29")
    assert page.locator("#q-error").is_visible()
    shot(page, f"roster-search-error-{locale}")
    assert_accessible(page)
