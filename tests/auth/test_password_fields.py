"""Every form that sets a password refuses short, common and e-mail-equal passwords, with the
reason next to the password field."""

import re

import pytest

from tests.auth.conftest import mail_link
from tests.builders import PASSWORD

EMAIL = "ana.lopez@example.org"
WEAK = {
    "short": ("short1", "Use at least 10 characters."),
    "common": ("Password2024!", "This password is too common."),
    "e-mail": (EMAIL, "Do not use your e-mail address as your password."),
    "e-mail name": ("ana.lopez", "Do not use your e-mail address as your password."),
}


def field_error(page: str, field_id: str) -> str:
    match = re.search(rf'<div id="{field_id}-error"[^>]*>([^<]*)</div>', page)
    assert match, f"no error next to #{field_id}"
    return match.group(1)


@pytest.fixture(params=list(WEAK), ids=list(WEAK))
def weak(request):
    return WEAK[request.param]


def test_registration(client, weak):
    password, message = weak
    data = {"first_name": "Ana", "last_name": "López", "email": EMAIL}
    response = client.post(
        "/auth/register", data={**data, "password": password, "confirm": password}
    )
    assert response.status_code == 200
    assert message in field_error(response.text, "password")


def test_reset_by_mail(client, make, outbox, weak):
    password, message = weak
    make.user(email=EMAIL)
    client.post("/auth/forgot", data={"email": EMAIL})
    response = client.post(
        mail_link(outbox()[-1]), data={"password": password, "confirm": password}
    )
    assert message in field_error(response.text, "password")


def test_change_on_the_account_page(client, make, login, weak):
    password, message = weak
    login(make.user(email=EMAIL))
    response = client.post(
        "/auth/account/password",
        data={"pw-current_password": PASSWORD, "pw-password": password, "pw-confirm": password},
    )
    assert response.status_code == 400
    assert message in field_error(response.text, "pw-password")


def test_an_account_an_admin_opened(client, make, login, outbox, weak):
    password, message = weak
    login(make.admin())
    client.post("/auth/users/new", data={"email": EMAIL, "role": "staff"})
    client.post("/auth/logout")
    response = client.post(
        mail_link(outbox()[-1]), data={"password": password, "confirm": password}
    )
    assert message in field_error(response.text, "password")
