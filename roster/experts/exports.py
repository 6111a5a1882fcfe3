"""CSV of the roster: one row per expert, safe to open in a spreadsheet."""

import csv
import io
from collections.abc import Iterable, Iterator

from roster.experts.models import Expert

COLUMNS = (
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "nationality",
    "employer",
    "employer_type",
    "position",
    "years_experience",
    "status",
    "joined_on",
    "themes",
    "languages",
    "countries",
    "days_per_year",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell's text; one that a spreadsheet would run as a formula is prefixed with '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def expert_row(expert: Expert) -> list[str]:
    values = {name: getattr(expert, name, None) for name in COLUMNS}
    values["employer_type"] = expert.employer_type.value if expert.employer_type else ""
    values["status"] = expert.status.value
    values["themes"] = "; ".join(
        f"{t.theme.slug}:{t.depth.value}" for t in sorted(expert.themes, key=lambda t: t.theme.slug)
    )
    values["languages"] = "; ".join(
        f"{x.code}:{x.level}" for x in sorted(expert.languages, key=lambda x: x.code)
    )
    values["countries"] = "; ".join(sorted(c.country_code for c in expert.countries))
    return [safe_cell(values[name]) for name in COLUMNS]


def csv_lines(experts: Iterable[Expert]) -> Iterator[str]:
    """The CSV text, a line at a time, starting with a BOM so that Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(COLUMNS)
    yield "\ufeff" + flush()
    for expert in experts:
        writer.writerow(expert_row(expert))
        yield flush()
