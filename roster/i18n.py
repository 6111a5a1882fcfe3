"""The interface's languages: which one a request gets, and names of countries, languages,
levels and depths in the reader's language (CLDR data via Babel)."""

from functools import lru_cache

import pycountry
from babel import Locale
from flask import Flask, request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from roster.extensions import babel

LANGUAGES = ("en", "fr", "es")  # the interface's languages, as the catalogs hold them

# Labels only, keyed by the matching library's values (matching.LEVELS, matching.DEPTHS),
# which hold the values and their order.
LEVEL_LABELS = {
    "A1": _l("A1 (beginner)"),
    "A2": _l("A2 (elementary)"),
    "B1": _l("B1 (intermediate)"),
    "B2": _l("B2 (upper intermediate)"),
    "C1": _l("C1 (advanced)"),
    "C2": _l("C2 (proficient)"),
    "native": _l("native"),
}
DEPTH_LABELS = {
    "working": _l("Working knowledge"),
    "experienced": _l("Experienced"),
    "senior": _l("Senior expert"),
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
    return list(_country_choices(_locale()))


def language_choices() -> list[tuple[str, str]]:
    return list(_language_choices(_locale()))


# Sorted once per language (every roster page offers both lists).
@lru_cache(maxsize=16)
def _country_choices(locale: Locale) -> tuple[tuple[str, str], ...]:
    names = locale.territories
    return tuple(sorted(((c, names.get(c, c)) for c in country_codes()), key=lambda x: x[1]))


@lru_cache(maxsize=16)
def _language_choices(locale: Locale) -> tuple[tuple[str, str], ...]:
    names = locale.languages
    pairs = ((c, names.get(c, c)) for c in language_codes())
    return tuple(sorted(pairs, key=lambda x: x[1].lower()))


def select_locale() -> str:
    """The language in ?lang=, else the user's saved choice, the session's, the browser's."""
    lang = request.args.get("lang")
    if lang in LANGUAGES:
        return lang
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    if session.get("locale") in LANGUAGES:
        return session["locale"]
    return request.accept_languages.best_match(LANGUAGES) or "en"


def inject_locale() -> dict:
    """The page's language and the choices the language switch offers."""
    return {"current_locale": str(get_locale() or "en"), "languages": LANGUAGES}


def init_app(app: Flask) -> None:
    """Bind Flask-Babel and give templates the names of countries, languages and levels."""
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals.update(
        country_name=country_name, language_name=language_name, level_label=level_label
    )
    app.context_processor(inject_locale)
