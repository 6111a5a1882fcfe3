"""The lists the roster page offers and names, in the reader's language: themes, regions,
languages, countries, statuses, levels and sort orders.

Themes and regions are read in one short query a request, so an edit of the taxonomy shows
at once on every worker; what the page makes of them (some 450 choices with their <option>
tags, the themes' labels by id, the names of languages, countries and statuses) is made once
per language and content, not on every page (each catalogue lookup of a lazy label takes
some 10 µs, and the page made dozens).
"""

from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa
from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from matching import LEVELS
from roster.core.widgets import Options
from roster.experts.forms import BLANK
from roster.experts.profile import STATUS_LABELS
from roster.extensions import db
from roster.i18n import LEVEL_LABELS, country_choices, language_choices
from roster.taxonomy.models import Region, Theme

SORT_LABELS = {
    "relevance": _l("Best match"),
    "name": _l("Name"),
    "-joined": _l("Joined, newest first"),
    "joined": _l("Joined, oldest first"),
    "-experience": _l("Most experienced first"),
    "-updated": _l("Recently updated"),
}
_LISTS = sa.union_all(
    *(
        sa.select(
            sa.literal(kind).label("kind"),
            table.c.id,
            table.c.slug,
            table.c.label_en,
            table.c.label_fr,
            table.c.label_es,
        )
        for kind, table in (("theme", Theme.__table__), ("region", Region.__table__))
    )
).order_by(sa.literal_column("slug"))  # by the database's collation, as the pages always were


@dataclass(frozen=True)
class Vocabulary:
    themes: Options  # (slug, label), by label
    regions: Options  # blank, then (slug, label) by slug
    languages: Options  # blank, then (code, name) by name
    countries: Options  # blank, then (code, name) by name
    statuses: Options  # "any status", then (value, label)
    levels: Options  # blank, then A1 to C2 and native
    sorts: Options  # (key, label) of SORT_LABELS
    theme_labels: dict[int, str]  # by theme id
    language_names: dict[str, str]  # by ISO 639 code
    country_names: dict[str, str]  # by ISO 3166 code, in capitals
    status_labels: dict[str, str]  # by Status value


def vocabulary() -> Vocabulary:
    """The page's lists in the request's language, from the taxonomy as it is now."""
    # Plain rows: on the session's connection, without the ORM's execution steps.
    rows = tuple(tuple(row) for row in db.session.connection().execute(_LISTS))
    return _made(get_locale() or Locale("en"), rows)


@lru_cache(maxsize=16)
def _made(locale: Locale, rows: tuple[tuple, ...]) -> Vocabulary:
    """Called in a request of this locale (the lazy labels, country_choices and
    language_choices read it)."""
    # As LabelledMixin.label: the label in the reader's language, else the English one.
    column = {"fr": 4, "es": 5}.get(str(locale)[:2], 3)
    labelled = [(row[0], row[1], row[2], row[column] or row[3]) for row in rows]
    themes = [(slug, label) for kind, _id, slug, label in labelled if kind == "theme"]
    regions = [(slug, label) for kind, _id, slug, label in labelled if kind == "region"]
    return Vocabulary(
        themes=Options(sorted(themes, key=lambda choice: choice[1])),
        regions=Options([BLANK, *regions]),
        languages=Options([BLANK, *language_choices()]),
        countries=Options([BLANK, *country_choices()]),
        statuses=Options([("", _l("Any status")), *STATUS_LABELS.items()]),
        levels=Options([BLANK, *((level, LEVEL_LABELS[level]) for level in LEVELS)]),
        sorts=Options(SORT_LABELS.items()),
        theme_labels={i: label for kind, i, _slug, label in labelled if kind == "theme"},
        language_names=dict(locale.languages.items()),
        country_names=dict(locale.territories.items()),
        status_labels={status: str(label) for status, label in STATUS_LABELS.items()},
    )
