"""The navigation fits: no page is wider than the window, and Sign out and the language switcher
stay on screen, at 1,024, 1,280 and 390 px, in English, French and Spanish, for every role."""

import pyotp
import pytest

from roster.extensions import db
from tests.browser.helpers import assert_accessible, shot, sign_in

PASSWORD = "kettle lantern orbit 42 meadow"
WIDTHS = (1024, 1280, 390)
PAGES = {
    "anonymous": ["/", "/auth/login", "/auth/register", "/privacy", "/actions/request-support"],
    "expert": ["/experts/me", "/actions/invitations", "/toolkit/", "/auth/account"],
    "staff": ["/experts/", "/experts/vetting", "/actions/", "/actions/requests", "/reports/"],
    "admin": ["/experts/", "/actions/requests", "/taxonomy/", "/auth/users", "/audit/"],
}
SIGN_OUT = {"en": "Sign out", "fr": "Se déconnecter", "es": "Cerrar sesión"}
SIGN_IN = {"en": "Sign in", "fr": "Se connecter", "es": "Iniciar sesión"}


def signed_in_page(new_page, live_make, role: str, lang: str):
    """A browser page in `lang`, signed in as a new user of `role` (none for anonymous)."""
    page = new_page(locale=lang, viewport={"width": 1280, "height": 800})
    if role == "anonymous":
        return page
    email = f"{role}.person.with.a.long.address@example.org"
    user = getattr(live_make, "user" if role == "expert" else role)(email=email, password=PASSWORD)
    secret = None
    if role == "expert":
        live_make.expert(user=user, first_name="Awa", last_name="Ndiaye")
    else:
        user.totp_secret = secret = pyotp.random_base32()
        db.session.commit()
    sign_in(page, email, PASSWORD, secret)
    assert "/auth/login" not in page.url, page.url
    return page


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def too_wide(page) -> list[str]:
    """The innermost elements that reach past the window's right edge, to say what overflows."""
    return page.evaluate(
        """() => {
            const found = [];
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                const edge = window.innerWidth + 0.5;
                if (box.right <= edge || box.width === 0) continue;
                if ([...el.children].some(c => c.getBoundingClientRect().right > edge)) continue;
                const cls = typeof el.className === 'string' ? el.className.trim() : '';
                const dots = cls ? '.' + cls.split(/ +/).join('.') : '';
                found.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${dots}`);
            }
            return found.slice(0, 5);
        }"""
    )


def on_screen(page, locator) -> bool:
    """Whether the element is shown and wholly inside the window."""
    if not locator.is_visible():
        return False
    box = locator.bounding_box()
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= width + 0.5
        and box["y"] + box["height"] <= height + 0.5
    )


def problems_on(page, path: str, width: int, role: str, lang: str) -> list[str]:
    """What is wrong with the page's navigation at this width (an empty list when nothing)."""
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(path)
    assert response.status == 200, (path, response.status)
    where = f"{role} {lang} {width}px {path}"
    found = []
    if (extra := overflow(page)) > 0:
        found.append(f"{where}: the page is {extra}px wider than the window: {too_wide(page)}")
    nav = page.get_by_role(
        "navigation", name={"en": "Main", "fr": "Menu principal", "es": "Principal"}[lang]
    )
    if width < 992:
        toggler = page.locator(".site-nav .navbar-toggler")
        if not on_screen(page, toggler):
            found.append(f"{where}: no menu button on screen")
            return found
        toggler.click()
        page.locator("#nav.show").wait_for()
    account = SIGN_IN[lang] if role == "anonymous" else SIGN_OUT[lang]
    role_name = "link" if role == "anonymous" else "button"
    if not on_screen(page, nav.get_by_role(role_name, name=account, exact=True)):
        found.append(f"{where}: {account!r} is not on screen")
    if not on_screen(page, page.locator("#lang-button")):
        found.append(f"{where}: the language switcher is not on screen")
    return found


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("role", ["anonymous", "expert", "staff", "admin"])
def test_navigation_fits_every_width_language_and_role(new_page, live_make, role, lang):
    page = signed_in_page(new_page, live_make, role, lang)
    found = []
    for width in WIDTHS:
        for path in PAGES[role]:
            found += problems_on(page, path, width, role, lang)
            if path == PAGES[role][0]:
                shot(page, f"nav-{role}-{lang}-{width}")
    assert not found, "\n".join(found)


def test_admin_menu_and_language_switcher_in_french(new_page, live_make):
    """The admin items sit in a menu that opens from the keyboard; the language switcher
    changes the interface. Screenshots at 1,280 and 390 px for people to look at."""
    page = signed_in_page(new_page, live_make, "admin", "fr")
    page.goto("/experts/")
    shot(page, "nav-admin-fr-1280")
    assert_accessible(page)
    button = page.locator("#admin-button")
    assert button.inner_text().strip() == "Administration"
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Référentiels"
    shot(page, "nav-admin-fr-1280-menu")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"

    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/experts/")
    shot(page, "nav-admin-fr-390")
    page.get_by_role("button", name="Menu").click()
    page.locator("#nav.show").wait_for()
    shot(page, "nav-admin-fr-390-menu")
    assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/experts/")
    page.locator("#lang-button").click()
    page.locator("#lang-menu button[value=es]").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "es"
    assert page.url.endswith("/experts/")
    assert page.locator("#lang-button").inner_text().strip().endswith("ES")
