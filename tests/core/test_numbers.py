"""One rule for whole numbers: ASCII digits only, within bounds; never an exception."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roster.core.numbers import is_ascii_digits, page_args, parse_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), (" 42 ", 42), ("0", 0), (12, 12), ("007", 7)],
)
def test_ascii_digits_are_read(text, expected):
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "-1",
        "+3",
        "1.0",
        "1e3",
        "0x10",
        "\u00b2",
        "\u0663",
        "\uff13",
        "1\u00b2",
        None,
        True,
        3.0,
        "9" * 13,
        "1\n",
    ],
)
def test_anything_else_is_none(text):
    assert parse_int(text) is None


def test_bounds():
    assert parse_int("5", 1, 10) == 5
    assert parse_int("0", 1, 10) is None and parse_int("11", 1, 10) is None


@given(st.text(st.characters(codec=None)))
def test_never_raises_and_agrees_with_the_ascii_rule(text):
    value = parse_int(text)
    stripped = text.strip(" \t")
    ascii_number = 0 < len(stripped) <= 12 and all(c in string.digits for c in stripped)
    assert (value is not None) == ascii_number
    if ascii_number:
        assert value == int(stripped)


def test_codes_and_pages():
    assert is_ascii_digits("123456", length=6) and not is_ascii_digits("\uff13" * 6, length=6)
    assert page_args({"page": "\u0663", "per_page": "1000"}, 25) == (1, 25)
    assert page_args({"page": "3", "per_page": "50"}, 25) == (3, 50)
    assert page_args({"page": "9" * 12}, 25) == (1, 25)
