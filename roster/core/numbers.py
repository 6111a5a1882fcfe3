"""Whole numbers typed by people or programs, read by one rule: ASCII digits only.

`str.isdigit()` accepts superscripts, Arabic-Indic and full-width digits; `int()` refuses the
first and reads the others.
Every page, form, API parameter and code that takes a number reads it here instead.
"""

import re

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField

MAX_DIGITS = 12  # far beyond any count, year or code the app takes; keeps int() cheap
_DIGITS = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


def parse_int(text, lo: int | None = None, hi: int | None = None) -> int | None:
    """The whole number written in `text` with ASCII digits (spaces around allowed), within
    lo..hi when given; None for anything else (no sign, no other digits, nothing empty)."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        value = text
    elif isinstance(text, str) and _DIGITS.fullmatch(text.strip(" \t")):
        value = int(text.strip(" \t"))
    else:
        return None
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None
    return value


def is_ascii_digits(text, length: int | None = None) -> bool:
    """Whether `text` is only ASCII digits (exactly `length` of them when given)."""
    return (
        isinstance(text, str)
        and _DIGITS.fullmatch(text) is not None
        and (length is None or len(text) == length)
    )


class WholeNumberField(IntegerField):
    """WTForms' IntegerField read by parse_int: any digit but 0-9 is an error next to the field."""

    def process_formdata(self, valuelist) -> None:
        if not valuelist:
            return
        text = valuelist[0]
        if text is None or str(text).strip() == "":
            self.data = None
            return
        value = parse_int(text)
        if value is None:
            self.data = None
            raise ValueError(_l("Give a whole number written with the digits 0 to 9."))
        self.data = value


def page_args(
    args, default_per_page: int = 25, max_per_page: int = 100, max_page: int = 100_000
) -> tuple[int, int]:
    """The page number and page size a list's query string asks for; anything else (absent,
    zero, other digits than 0-9, too large) falls back to the first page and the default size."""
    page = parse_int(args.get("page"), 1, max_page) or 1
    per_page = parse_int(args.get("per_page"), 1, max_per_page) or default_per_page
    return page, min(per_page, max_per_page)
