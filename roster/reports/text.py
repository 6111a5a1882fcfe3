"""Words for the reports in the reader's language: months, lists, and the year's summary."""

import unicodedata
from datetime import date

from babel.dates import format_skeleton
from babel.lists import format_list
from flask_babel import _, get_locale, ngettext

from roster.i18n import country_name


def _locale() -> str:
    return str(get_locale() or "en")


def month_year(day: date) -> str:
    """ "December 2021", "décembre 2021", "diciembre de 2021"."""
    return format_skeleton("yMMMM", day, locale=_locale())


def month_name(month: int) -> str:
    """The month's abbreviated name ("Mar", "mars", "mar")."""
    return format_skeleton("MMM", date(2000, month, 1), locale=_locale())


def month_names() -> list[str]:
    """The twelve abbreviated month names, January first."""
    return [month_name(m) for m in range(1, 13)]


def listing(items: list[str]) -> str:
    """Items joined as the language does: "A, B and C" / "A, B et C" / "A, B y C"."""
    items = [str(i) for i in items if i]
    return format_list(items, locale=_locale()) if items else ""


def sort_key(text: str) -> str:
    """Alphabetical order that files "África" with the A's, not after Z."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def country_names(codes: list[str]) -> list[str]:
    """Country names in the reader's language, in its alphabetical order."""
    return sorted((country_name(c) for c in codes), key=sort_key)


def countries(codes: list[str]) -> str:
    """Country names, sorted in the reader's language, as one list."""
    return listing(country_names(codes))


def summary(figures) -> list[str]:
    """The year's figures told as the opening sentences of an annual report."""
    f = figures
    sentences = [
        ngettext(
            "In %(year)s, %(num)d Action was implemented, of which %(concluded)d concluded.",
            "In %(year)s, %(num)d Actions were implemented, of which %(concluded)d concluded.",
            f.actions_implemented,
            year=f.year,
            concluded=f.actions_concluded,
        )
    ]
    if f.activities:
        sentences.append(
            ngettext(
                "%(num)d activity was held around the world.",
                "%(num)d activities were held around the world.",
                f.activities,
            )
        )
    if f.long_standing:
        sentences.append(
            _(
                "We worked with long-standing partners in %(countries)s.",
                countries=countries(f.long_standing),
            )
        )
    if f.new:
        sentences.append(_("New partners joined in %(countries)s.", countries=countries(f.new)))
    sentences.append(
        ngettext(
            "%(num)d expert joined the roster.",
            "%(num)d experts joined the roster.",
            f.experts_joined,
        )
    )
    if f.requests_received:
        sentences.append(
            ngettext(
                "%(num)d request for support was received; %(actions)d of them became Actions.",
                "%(num)d requests for support were received; %(actions)d of them became Actions.",
                f.requests_received,
                actions=f.requests_became_actions,
            )
        )
    for session in f.sessions:
        sentences.append(
            ngettext(
                "The awareness session of %(month)s brought %(num)d request (%(countries)s); "
                "%(actions)d became an Action.",
                "The awareness session of %(month)s brought %(num)d requests (%(countries)s); "
                "%(actions)d of them became Actions.",
                session.received,
                month=month_year(session.first_on),
                countries=countries(session.countries),
                actions=session.became_actions,
            )
        )
    return sentences
