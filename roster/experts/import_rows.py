"""One CSV row of the expert import: read, checked, and turned into clean values."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from email_validator import EmailNotValidError, validate_email
from flask import has_request_context
from flask_babel import gettext

from roster.experts.models import LEVELS, Depth, EmployerType, Status
from roster.i18n import country_codes, language_codes

COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "nationality",
    "employer",
    "employer_type",
    "position",
    "years_experience",
    "biography",
    "themes",
    "languages",
    "countries",
    "status",
    "joined_on",
)
REQUIRED = ("first_name", "last_name", "email")
LIMITS = {"first_name": 100, "last_name": 100, "phone": 40, "employer": 200, "position": 200}


def _(message: str, **params) -> str:
    """Translate for the staff page; the command line and background jobs report in English."""
    if has_request_context():
        return gettext(message, **params)
    return message % params if params else message


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (encoding, header)."""


class RowError(ValueError):
    """A row is refused; the message says why."""


@dataclass
class CleanRow:
    line: int
    values: dict = field(default_factory=dict)  # expert columns, only those given
    themes: dict[str, str] | None = None  # slug -> depth; None when the cell is empty
    languages: dict[str, str] | None = None
    countries: list[str] | None = None


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it."""
    if b"\x00" in data[:4096]:
        raise ImportFileError(_("This is not a CSV text file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("Save the file as CSV UTF-8 and try again.")) from exc


def read_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Each record with the file line it starts on (the header is line 1)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            _("The first line must name the columns; missing: %(names)s.", names=", ".join(missing))
        )
    reader.fieldnames = header
    start = reader.line_num + 1
    for record in reader:
        if any((v or "").strip() for k, v in record.items() if k):
            yield start, {k: (v or "").strip() for k, v in record.items() if k in COLUMNS}
        start = reader.line_num + 1


def count_rows(text: str) -> int:
    """About how many records the file holds (for progress), without parsing it."""
    return max(text.count("\n") - (0 if text.endswith("\n") else -1) - 1, 0)


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


def parse_themes(cell: str, known: set[str]) -> dict[str, str]:
    themes: dict[str, str] = {}
    depths = {d.value for d in Depth}
    for slug, depth in _pairs(cell, "themes"):
        slug, depth = slug.lower(), (depth or "working").lower()
        if slug not in known:
            raise RowError(_("themes: unknown theme '%(slug)s'", slug=slug))
        if depth not in depths:
            raise RowError(
                _("themes: depth '%(depth)s' must be working, experienced or senior", depth=depth)
            )
        if slug in themes:
            raise RowError(_("themes: '%(slug)s' is listed twice", slug=slug))
        themes[slug] = depth
    return themes


def parse_languages(cell: str) -> dict[str, str]:
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


def parse_countries(cell: str) -> list[str]:
    codes: list[str] = []
    for code, _value in _pairs(cell, "countries"):
        code = code.upper()
        if code not in country_codes():
            raise RowError(_("countries: '%(code)s' is not an ISO 3166 country code", code=code))
        if code not in codes:
            codes.append(code)
    return codes


def _number(text: str, name: str, low: int, high: int) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise RowError(
            _(
                "%(column)s: '%(text)s' must be a whole number from %(low)s to %(high)s",
                column=name,
                text=text,
                low=low,
                high=high,
            )
        )
    return int(text)


def clean_row(line: int, row: dict[str, str], theme_slugs: set[str]) -> CleanRow:
    """Check one record and return its clean values, or raise RowError with the reason."""
    for name in REQUIRED:
        if not row.get(name):
            raise RowError(_("%(column)s is required", column=name))
    clean = CleanRow(line=line)
    values = clean.values
    try:
        values["email"] = validate_email(row["email"], check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise RowError(_("email: '%(email)s' is not a valid address", email=row["email"])) from exc
    for name in ("first_name", "last_name", "phone", "employer", "position", "biography"):
        if row.get(name):
            if len(row[name]) > LIMITS.get(name, 5000):
                raise RowError(
                    _(
                        "%(column)s: longer than %(limit)s characters",
                        column=name,
                        limit=LIMITS.get(name, 5000),
                    )
                )
            values[name] = row[name]
    if row.get("nationality"):
        code = row["nationality"].upper()
        if code not in country_codes():
            raise RowError(
                _("nationality: '%(code)s' is not an ISO 3166 code", code=row["nationality"])
            )
        values["nationality"] = code
    if row.get("employer_type"):
        try:
            values["employer_type"] = EmployerType(row["employer_type"].lower())
        except ValueError as exc:
            allowed = ", ".join(t.value for t in EmployerType)
            raise RowError(_("employer_type: must be one of %(allowed)s", allowed=allowed)) from exc
    if row.get("years_experience"):
        values["years_experience"] = _number(row["years_experience"], "years_experience", 0, 70)
    if row.get("joined_on"):
        try:
            values["joined_on"] = date.fromisoformat(row["joined_on"])
        except ValueError as exc:
            raise RowError(
                _("joined_on: '%(date)s' is not a date (YYYY-MM-DD)", date=row["joined_on"])
            ) from exc
        if values["joined_on"] > date.today():
            raise RowError(_("joined_on: the date is in the future"))
    if row.get("status"):
        try:
            values["status"] = Status(row["status"].lower())
        except ValueError as exc:
            raise RowError(
                _(
                    "status: '%(status)s' must be applied, approved, rejected or inactive",
                    status=row["status"],
                )
            ) from exc
    if row.get("themes"):
        clean.themes = parse_themes(row["themes"], theme_slugs)
    if row.get("languages"):
        clean.languages = parse_languages(row["languages"])
    if row.get("countries"):
        clean.countries = parse_countries(row["countries"])
    return clean
