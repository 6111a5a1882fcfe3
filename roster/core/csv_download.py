"""CSV files served for download: one writer, one formula guard, one set of headers."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

from flask import Response

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
# (full-width forms too, in East Asian locales).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Spreadsheet programs in French or Spanish split a CSV line on ";" (some on tabs or "|"),
# and some ignore the quotes around a field: whatever follows such a separator inside a
# cell may become a cell of its own. A leading quote may be eaten as a "text" marker.
_TRIGGER = "[=+\\-@\uff1d\uff0b\uff0d\uff20]"
# (A tab or line break at the very start is the start's business: the cell gets its ' there.)
_INNER_FORMULA = re.compile(r"((?:[;,|]|(?<=.)[\t\r\n])[\s\"']*)(?=" + _TRIGGER + ")", re.DOTALL)
_QUOTED_FORMULA = re.compile(r"^['\"\s]+(?=" + _TRIGGER + ")")


def safe_cell(value) -> str:
    """A cell's text that no spreadsheet runs as a formula, whatever separator it splits on:
    a formula start (also after a leading quote or space) is prefixed with ', and so is a
    formula start after a separator inside the cell."""
    text = "" if value is None else str(value)
    text = _INNER_FORMULA.sub(r"\1'", text)
    if text.startswith(FORMULA_PREFIXES) or _QUOTED_FORMULA.match(text):
        text = "'" + text
    return text


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """The CSV text, every cell made safe, after a BOM (without it Excel reads Windows-1252)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)  # a ";" inside a field stays inside
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def csv_response(filename: str, header: Sequence, rows: Iterable[Sequence]) -> Response:
    """A CSV download named `filename`, never kept by a shared cache (it may hold personal data)."""
    return Response(
        csv_text(header, rows),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
