"""One CSV row of the expert import: read, checked, and turned into clean values."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from roster.experts.cells import RowError, _
from roster.experts.fields import IMPORT_FIELDS, REQUIRED_FIELDS

COLUMNS = tuple(f.name for f in IMPORT_FIELDS)
REQUIRED = tuple(f.name for f in REQUIRED_FIELDS)


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (encoding, header)."""


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


def clean_row(line: int, row: dict[str, str], theme_slugs: set[str]) -> CleanRow:
    """Check one record and return its clean values, or raise RowError with the reason."""
    for name in REQUIRED:
        if not row.get(name):
            raise RowError(_("%(column)s is required", column=name))
    clean = CleanRow(line=line)
    for f in IMPORT_FIELDS:
        if row.get(f.name):
            value = f.parse(f, row[f.name], theme_slugs)
            if f.linked:
                setattr(clean, f.name, value)
            else:
                clean.values[f.name] = value
    return clean
