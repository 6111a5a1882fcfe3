"""The password rules, on their own."""

import pytest

from roster.auth.common_passwords import COMMON_PASSWORDS
from roster.auth.passwords import password_problems


@pytest.fixture(autouse=True)
def _request(app):
    with app.test_request_context():
        yield


def test_a_long_uncommon_password_passes():
    assert password_problems("a quiet river at dawn", "ana@example.org") == []


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "at least 10"),
        ("x" * 201, "at most 200"),
        ("Ana@Example.org", "e-mail address"),
        ("aaaaaaaaaaaa", "same few characters"),
        ("abababababab", "same few characters"),
        ("1234567890", "too common"),
        ("Password2024!", "too common"),
        ("!!Qwerty123456", "too common"),
        ("azertyuiop", "too common"),
        ("contraseña123", "too common"),
    ],
)
def test_weak_passwords_are_explained(password, problem):
    problems = " ".join(password_problems(password, "ana@example.org"))
    assert problem in problems


def test_the_list_has_a_few_hundred_entries():
    assert len(COMMON_PASSWORDS) >= 300
    assert all(p == p.lower() for p in COMMON_PASSWORDS)
