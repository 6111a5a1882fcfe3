"""Names of countries, languages and levels in the reader's language (CLDR data via Babel)."""

from functools import lru_cache

import pycountry
from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

LEVEL_LABELS = {
    "A1": _l("A1 (beginner)"),
    "A2": _l("A2 (elementary)"),
    "B1": _l("B1 (intermediate)"),
    "B2": _l("B2 (upper intermediate)"),
    "C1": _l("C1 (advanced)"),
    "C2": _l("C2 (proficient)"),
    "native": _l("native"),
}


def _locale() -> Locale:
    try:
        return get_locale() or Locale("en")
    except RuntimeError:  # outside a request
        return Locale("en")


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return _locale().territories.get(code.upper()) or code


def language_name(code: str | None) -> str:
    if not code:
        return ""
    return _locale().languages.get(code) or code


def level_label(level: str | None) -> str:
    return str(LEVEL_LABELS.get(level or "", level or ""))


@lru_cache
def country_codes() -> tuple[str, ...]:
    return tuple(sorted(c.alpha_2 for c in pycountry.countries))


@lru_cache
def language_codes() -> tuple[str, ...]:
    """ISO 639-1 codes: the languages people list on a CV."""
    return tuple(sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")))


def country_choices() -> list[tuple[str, str]]:
    names = _locale().territories
    return sorted(((c, names.get(c, c)) for c in country_codes()), key=lambda x: x[1])


def language_choices() -> list[tuple[str, str]]:
    names = _locale().languages
    return sorted(((c, names.get(c, c)) for c in language_codes()), key=lambda x: x[1].lower())
