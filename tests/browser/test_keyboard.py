"""Keyboard users: the skip link comes first and takes them to the content."""

import pytest


@pytest.mark.parametrize("path", ["/", "/auth/login"])
def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim()})"
    )
    assert focused == {"href": "#main", "text": "Skip to main content"}
    box = page.locator("a.skip-link").bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1, "the skip link is visible on focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
