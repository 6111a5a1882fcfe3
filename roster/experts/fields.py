"""The expert's fields, one list for the CSV export, the CSV import (and its template), the API."""

# The order is the files' column order. An exported file can be edited and imported again: the
# import reads columns by name and ignores those it does not write (id, days_per_year).

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from roster.experts import cells
from roster.experts.models import EmployerType, Expert, Status


@dataclass(frozen=True)
class ExpertField:
    """One field: its column name (and API key), its label, how it is read and written."""

    name: str  # the Expert attribute, the CSV column and the API's key
    label: Any  # a lazy string, for people
    type: type  # the value's type: str, int, date, an enum, or list for linked rows
    read: Callable[["ExpertField", Expert], Any] = cells.read_value  # the export's cell
    parse: Callable[["ExpertField", str, set[str]], Any] | None = cells.parse_text  # import
    max_length: int = 5000
    required: bool = False  # the import refuses a row without it
    exported: bool = True
    example: str = ""  # the import template's example row

    @property
    def imported(self) -> bool:
        """Read by the CSV import (and listed in its template)."""
        return self.parse is not None

    @property
    def linked(self) -> bool:
        """Stored as rows of their own (themes, languages, countries), not as a column."""
        return self.type is list


EXPERT_FIELDS: tuple[ExpertField, ...] = (
    ExpertField("id", _l("Identifier"), int, parse=None),
    ExpertField(
        "first_name", _l("First name"), str, max_length=100, required=True, example="Amina"
    ),
    ExpertField("last_name", _l("Last name"), str, max_length=100, required=True, example="Diallo"),
    ExpertField(
        "email",
        _l("E-mail"),
        str,
        parse=cells.parse_email,
        required=True,
        example="amina.diallo@example.org",
    ),
    ExpertField("phone", _l("Phone"), str, max_length=40, example="+221 33 000 00 00"),
    ExpertField("nationality", _l("Nationality"), str, parse=cells.parse_nationality, example="SN"),
    ExpertField(
        "employer", _l("Employer"), str, max_length=200, example="Ministry of the Interior"
    ),
    ExpertField(
        "employer_type",
        _l("Type of employer"),
        EmployerType,
        read=cells.read_enum,
        parse=cells.parse_employer_type,
        example="partner_admin",
    ),
    ExpertField("position", _l("Position"), str, max_length=200, example="Head of unit"),
    ExpertField(
        "years_experience",
        _l("Years of experience"),
        int,
        parse=cells.parse_years,
        example="12",
    ),
    ExpertField(
        "biography",
        _l("Biography"),
        str,
        exported=False,  # long free text: kept out of the roster's spreadsheet
        example="Border management and migration data.",
    ),
    ExpertField(
        "themes",
        _l("Themes"),
        list,
        read=cells.read_themes,
        parse=cells.parse_themes,
        # The template's themes come from the taxonomy in use (imports.template_row).
    ),
    ExpertField(
        "languages",
        _l("Languages"),
        list,
        read=cells.read_languages,
        parse=cells.parse_languages,
        example="fr:native; en:C1",
    ),
    ExpertField(
        "countries",
        _l("Countries of experience"),
        list,
        read=cells.read_countries,
        parse=cells.parse_countries,
        example="SN; ML",
    ),
    ExpertField(
        "status",
        _l("Status"),
        Status,
        read=cells.read_enum,
        parse=cells.parse_status,
        example="approved",
    ),
    ExpertField("joined_on", _l("Joined"), date, parse=cells.parse_joined_on, example="2021-03-15"),
    ExpertField("days_per_year", _l("Days available per year"), int, parse=None),
)

EXPORT_FIELDS = tuple(f for f in EXPERT_FIELDS if f.exported)
IMPORT_FIELDS = tuple(f for f in EXPERT_FIELDS if f.imported)
REQUIRED_FIELDS = tuple(f for f in IMPORT_FIELDS if f.required)
