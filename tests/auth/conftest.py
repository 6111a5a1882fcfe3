"""Fixtures for the account tests: a client that starts each request afresh, the outbox,
CSRF tokens and the rate limiter."""

import re
from urllib.parse import urlsplit

import pytest

from roster.extensions import limiter
from roster.mail import outbox_messages


@pytest.fixture
def outbox(app):
    """Read the mails sent so far, oldest first."""
    return lambda: outbox_messages(app.config["OUTBOX_DIR"])


def mail_link(message) -> str:
    """The path of the first link in a mail (links are absolute, built from the serving address)."""
    match = re.search(r"https?://\S+", message.get_content())
    assert match, message.get_content()
    parts = urlsplit(match.group(0))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def csrf_token(response) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', response.text) or (
        re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.fixture
def rate_limited(app):
    """Turn the rate limiter on for this app; the limiter reads its switch at init_app."""
    app.config["RATELIMIT_ENABLED"] = True
    limiter.init_app(app)
    limiter.reset()
    yield limiter
    limiter.reset()
