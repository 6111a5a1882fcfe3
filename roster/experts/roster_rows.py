"""The roster page's table: what it shows of the experts on one page, read in one query as
plain rows (not as ORM objects with three collections, each a query and an object a row)
and put into words once, in the reader's language.

The API and the CSV export load whole profiles (search.paginate's default); the page needs
a name, a status, three short lists, a date and, for a search, the texts its extracts come
from. The statement is made once (the page's ids are its one parameter) and run on the
session's connection: building and compiling it anew, through the ORM, cost more than
running it.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from roster.experts.models import Expert, ExpertCountry, ExpertLanguage, ExpertTheme, Status
from roster.experts.search_terms import SearchQuery
from roster.experts.snippets import Snippet, expert_texts, snippets
from roster.experts.vocabulary import Vocabulary
from roster.extensions import db

_expert = Expert.__table__
_SEP = "\x1f"  # between the items of a list (no code, id or level holds it)


def _listed(table: sa.Table, value) -> sa.ScalarSelect:
    """One expert's items of a list as one string, in no particular order (sorted here:
    SQLite before 3.44 cannot order inside an aggregate)."""
    items = sa.func.aggregate_strings(value, _SEP)
    return sa.select(items).where(table.c.expert_id == _expert.c.id).scalar_subquery()


_themes, _languages = ExpertTheme.__table__, ExpertLanguage.__table__
_countries = ExpertCountry.__table__
_SHOWN = (
    _expert.c.id,
    _expert.c.first_name,
    _expert.c.last_name,
    _expert.c.employer,
    _expert.c.status,
    _expert.c.joined_on,
    _listed(_themes, sa.cast(_themes.c.theme_id, sa.String)).label("theme_ids"),
    _listed(_languages, _languages.c.code + ":" + _languages.c.level).label("language_levels"),
    _listed(_countries, _countries.c.country_code).label("country_codes"),
)
_SEARCHED = tuple(_expert.c[name] for name in ("position", "email", "biography", "cv_text"))
_IDS = sa.bindparam("ids", expanding=True)
_ROWS = {
    searched: sa.select(*_SHOWN, *(_SEARCHED if searched else ())).where(_expert.c.id.in_(_IDS))
    for searched in (False, True)
}


@dataclass(frozen=True, slots=True)
class RosterRow:
    id: int
    first_name: str
    last_name: str
    employer: str | None
    status: str  # a Status value
    status_label: str
    themes: str  # labels, "; " between them
    languages: str  # "English (C1); French (B2)"
    countries: str  # names
    joined_on: date | None
    found_in: tuple[Snippet, ...] = ()  # where a search matched


def _items(text: str | None, key=None) -> list[str]:
    """A list's items in the order of their table's key (as a collection loads them)."""
    return sorted(text.split(_SEP), key=key) if text else []


def roster_rows(ids: list[int], query: SearchQuery, lists: Vocabulary) -> list[RosterRow]:
    """The table's rows of these experts, in this order, with extracts where `query` matched."""
    result = db.session.connection().execute(_ROWS[bool(query)], {"ids": ids})
    experts = {row.id: row for row in result}
    labels, theme_labels = lists.status_labels, lists.theme_labels
    language_names, country_names = lists.language_names, lists.country_names
    rows = []
    for i in ids:
        expert = experts.get(i)
        if expert is None:  # erased or deleted since its id was read
            continue
        status = expert.status.value if isinstance(expert.status, Status) else expert.status
        theme_ids = [int(t) for t in _items(expert.theme_ids, key=int)]
        spoken = []
        for item in _items(expert.language_levels):
            code, _sep, level = item.partition(":")
            spoken.append(f"{language_names.get(code) or code} ({level})")
        worked_in = (country_names.get(c.upper()) or c for c in _items(expert.country_codes))
        rows.append(
            RosterRow(
                id=i,
                first_name=expert.first_name,
                last_name=expert.last_name,
                employer=expert.employer,
                status=status,
                status_label=labels.get(status, status),
                themes="; ".join(theme_labels.get(t, "") for t in theme_ids),
                languages="; ".join(spoken),
                countries="; ".join(worked_in),
                joined_on=expert.joined_on,
                found_in=tuple(snippets(query, expert_texts(expert))) if query else (),
            )
        )
    return rows
