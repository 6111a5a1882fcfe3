"""The roster's query parameters as the API reads them: strictly, every bad one named in a 400.

The staff page shares the parsing (roster.experts.search.filters_from_args) and shows errors
next to its fields; a program calling the API gets a 400 instead, so that a typo never
silently widens the list it receives. The API also checks the values against the data
(a known theme, region, country and language), which a form with select boxes need not do.
"""

import pycountry
import sqlalchemy as sa
from flask_babel import _
from werkzeug.datastructures import MultiDict

from roster.api.errors import abort_api
from roster.experts.search import RosterFilters, filters_from_args
from roster.extensions import db
from roster.i18n import country_codes
from roster.taxonomy.models import Region, Theme

FILTER_PARAMS = (
    "q",
    "theme",
    "language",
    "min_level",
    "country",
    "region",
    "status",
    "joined_year",
    "available_from",
    "available_to",
    "sort",
)
PAGE_PARAMS = ("page", "per_page")
REPEATABLE = {"theme"}
IGNORED = {"lang"}  # the interface language of error messages, read by the locale selector
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


def _bad(errors: dict[str, str]):
    name, message = next(iter(errors.items()))
    abort_api(
        400,
        "bad_request",
        _("Bad parameter '%(name)s': %(message)s", name=name, message=message),
        parameters={key: str(value) for key, value in errors.items()},
    )


def _known_language(code: str) -> bool:
    if len(code) == 2:
        return pycountry.languages.get(alpha_2=code) is not None
    return pycountry.languages.get(alpha_3=code) is not None


def _check_shape(args: MultiDict) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name in args:
        if name in IGNORED:
            continue
        if name not in FILTER_PARAMS and name not in PAGE_PARAMS:
            errors[name] = _("Unknown parameter.")
        elif name not in REPEATABLE and len(args.getlist(name)) > 1:
            errors[name] = _("Give this parameter at most once.")
    return errors


def _check_values(filters: RosterFilters) -> dict[str, str]:
    errors: dict[str, str] = {}
    if filters.min_level and not filters.language:
        errors["min_level"] = _("A minimum level needs a language (the 'language' parameter).")
    if filters.language and not _known_language(filters.language):
        errors["language"] = _("Unknown language code.")
    if filters.country and filters.country not in country_codes():
        errors["country"] = _("Unknown country code.")
    if filters.region and not db.session.scalar(
        sa.select(Region.id).where(Region.slug == filters.region)
    ):
        errors["region"] = _("Unknown region.")
    if filters.themes:
        known = set(db.session.scalars(sa.select(Theme.slug).where(Theme.slug.in_(filters.themes))))
        unknown = [slug for slug in filters.themes if slug not in known]
        if unknown:
            errors["theme"] = _("Unknown theme: %(slugs)s.", slugs=", ".join(unknown))
    return errors


def _number(args: MultiDict, name: str, default: int, low: int, high: int | None) -> int:
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < low or (high is not None and int(raw) > high):
        message = (
            _("Give a whole number from %(low)d to %(high)d.", low=low, high=high)
            if high is not None
            else _("Give a whole number of at least %(low)d.", low=low)
        )
        _bad({name: message})
    return int(raw)


def roster_filters(args: MultiDict) -> RosterFilters:
    """The filters of a roster request, or a 400 naming the first bad parameter."""
    errors = _check_shape(args)
    if errors:
        _bad(errors)
    filters, errors = filters_from_args(args)
    errors = {**{k: str(v) for k, v in errors.items()}, **_check_values(filters)}
    if errors:
        _bad(errors)
    return filters


def page_params(args: MultiDict) -> tuple[int, int]:
    """The page and page size asked for (page from 1, size 1..100), or a 400."""
    page = _number(args, "page", 1, 1, 100_000)
    per_page = _number(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    return page, per_page
