"""Public pages pass the WCAG 2.1 A and AA rules of axe-core in each interface language."""

import pytest

from tests.browser.helpers import assert_accessible, axe_violations, shot

PUBLIC_PAGES = {"home": "/", "sign-in": "/auth/login"}


@pytest.mark.parametrize("locale", ["en", "fr", "es"])
@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_public_page_is_accessible(new_page, locale, name):
    page = new_page(locale=locale)
    response = page.goto(PUBLIC_PAGES[name])
    assert response.status == 200
    assert page.get_attribute("html", "lang") == locale
    shot(page, f"{name}-{locale}")
    assert_accessible(page)


def test_checker_finds_violations(page):
    """The check is not vacuous: a page with an unlabelled field and an image fails it."""
    page.goto("/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend', '<input type="text"><img src="/x.png">');
        }"""
    )
    found = {v["id"] for v in axe_violations(page)}
    assert {"label", "image-alt"} <= found


def test_narrow_screen_shows_the_menu_button(new_page):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto("/")
    toggler = page.get_by_role("button", name="Menu")
    assert toggler.is_visible()
    shot(page, "home-phone")
    toggler.click()
    menu = page.get_by_role("navigation", name="Main")
    assert menu.get_by_role("link", name="Sign in").is_visible()
