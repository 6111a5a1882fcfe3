"""An expert's values as spreadsheet cells: written by the export, read back by the import."""

# A reader takes (field, expert) and gives the cell; a parser takes (field, cell text, the theme
# slugs the taxonomy knows) and gives the clean value, or raises RowError with the reason.

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from email_validator import EmailNotValidError, validate_email
from flask import has_request_context
from flask_babel import gettext

from matching import LEVELS
from roster.core.numbers import parse_int
from roster.experts.models import Depth, EmployerType, Expert, Status
from roster.i18n import country_codes, language_codes

if TYPE_CHECKING:
    from roster.experts.fields import ExpertField


def _(message: str, **params) -> str:
    """Translate for the staff page; the command line and background jobs report in English."""
    if has_request_context():
        return gettext(message, **params)
    return message % params if params else message


class RowError(ValueError):
    """A row is refused; the message says why."""


def read_value(field: ExpertField, expert: Expert):
    """The attribute as it is (the CSV writer spells numbers and dates)."""
    return getattr(expert, field.name)


def read_enum(field: ExpertField, expert: Expert) -> str:
    """An enum's value, or empty."""
    value = getattr(expert, field.name)
    return value.value if value else ""


def read_themes(_field: ExpertField, expert: Expert) -> str:
    """'slug:depth; ...' by slug, as the import reads it back."""
    themes = sorted(expert.themes, key=lambda t: t.theme.slug)
    return "; ".join(f"{t.theme.slug}:{t.depth.value}" for t in themes)


def read_languages(_field: ExpertField, expert: Expert) -> str:
    """'code:level; ...' by code, as the import reads it back."""
    return "; ".join(f"{x.code}:{x.level}" for x in sorted(expert.languages, key=lambda x: x.code))


def read_countries(_field: ExpertField, expert: Expert) -> str:
    """'BJ; SN': the countries of experience, sorted."""
    return "; ".join(sorted(c.country_code for c in expert.countries))


def parse_text(field: ExpertField, cell: str, _themes: set[str]) -> str:
    """Free text, refused when longer than the field's column."""
    if len(cell) > field.max_length:
        raise RowError(
            _(
                "%(column)s: longer than %(limit)s characters",
                column=field.name,
                limit=field.max_length,
            )
        )
    return cell


def parse_email(_field: ExpertField, cell: str, _themes: set[str]) -> str:
    """A valid address, normalised (it recognises an expert already on the roster)."""
    try:
        return validate_email(cell, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise RowError(_("email: '%(email)s' is not a valid address", email=cell)) from exc


def parse_nationality(_field: ExpertField, cell: str, _themes: set[str]) -> str:
    """An ISO 3166 alpha-2 code, in capitals."""
    code = cell.upper()
    if code not in country_codes():
        raise RowError(_("nationality: '%(code)s' is not an ISO 3166 code", code=cell))
    return code


def parse_employer_type(_field: ExpertField, cell: str, _themes: set[str]) -> EmployerType:
    """One of EmployerType's values, in any case."""
    try:
        return EmployerType(cell.lower())
    except ValueError as exc:
        allowed = ", ".join(t.value for t in EmployerType)
        raise RowError(_("employer_type: must be one of %(allowed)s", allowed=allowed)) from exc


def parse_years(field: ExpertField, cell: str, _themes: set[str]) -> int:
    """A whole number of years from 0 to 70."""
    low, high = 0, 70
    years = parse_int(cell, low, high)
    if years is None:
        raise RowError(
            _(
                "%(column)s: '%(text)s' must be a whole number from %(low)s to %(high)s",
                column=field.name,
                text=cell,
                low=low,
                high=high,
            )
        )
    return years


def parse_status(_field: ExpertField, cell: str, _themes: set[str]) -> Status:
    """One of Status's values, in any case."""
    try:
        return Status(cell.lower())
    except ValueError as exc:
        raise RowError(
            _("status: '%(status)s' must be applied, approved, rejected or inactive", status=cell)
        ) from exc


def parse_joined_on(_field: ExpertField, cell: str, _themes: set[str]) -> date:
    """An ISO date, not in the future."""
    try:
        day = date.fromisoformat(cell)
    except ValueError as exc:
        raise RowError(_("joined_on: '%(date)s' is not a date (YYYY-MM-DD)", date=cell)) from exc
    if day > date.today():
        raise RowError(_("joined_on: the date is in the future"))
    return day


def _pairs(cell: str, what: str) -> list[tuple[str, str]]:
    pairs = []
    for part in cell.replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        key, _sep, value = part.partition(":")
        pairs.append((key.strip(), value.strip()))
        if not key.strip():
            raise RowError(_("%(column)s: empty entry in '%(cell)s'", column=what, cell=cell))
    return pairs


def parse_themes(_field: ExpertField, cell: str, themes: set[str]) -> dict[str, str]:
    """Theme slug -> depth; every slug must be one the taxonomy knows."""
    chosen: dict[str, str] = {}
    depths = {d.value for d in Depth}
    for slug, depth in _pairs(cell, "themes"):
        slug, depth = slug.lower(), (depth or "working").lower()
        if slug not in themes:
            raise RowError(_("themes: unknown theme '%(slug)s'", slug=slug))
        if depth not in depths:
            raise RowError(
                _("themes: depth '%(depth)s' must be working, experienced or senior", depth=depth)
            )
        if slug in chosen:
            raise RowError(_("themes: '%(slug)s' is listed twice", slug=slug))
        chosen[slug] = depth
    return chosen


def parse_languages(_field: ExpertField, cell: str, _themes: set[str]) -> dict[str, str]:
    """ISO 639-1 code -> level (A1..C2 or native)."""
    languages: dict[str, str] = {}
    for code, level in _pairs(cell, "languages"):
        code = code.lower()
        level = "native" if level.lower() == "native" else level.upper()
        if code not in language_codes():
            raise RowError(_("languages: '%(code)s' is not an ISO 639-1 language code", code=code))
        if level not in LEVELS:
            raise RowError(
                _(
                    "languages: level '%(level)s' for '%(code)s' must be A1..C2 or native",
                    level=level,
                    code=code,
                )
            )
        if code in languages:
            raise RowError(_("languages: '%(code)s' is listed twice", code=code))
        languages[code] = level
    return languages


def parse_countries(_field: ExpertField, cell: str, _themes: set[str]) -> list[str]:
    """ISO 3166 codes of the countries of experience, each once, in the cell's order."""
    codes: list[str] = []
    for code, _value in _pairs(cell, "countries"):
        code = code.upper()
        if code not in country_codes():
            raise RowError(_("countries: '%(code)s' is not an ISO 3166 country code", code=code))
        if code not in codes:
            codes.append(code)
    return codes
