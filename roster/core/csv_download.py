"""CSV files served for download: one writer, one formula guard, one set of headers."""

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell's text; one that a spreadsheet would run as a formula is prefixed with '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """The CSV text, every cell made safe, after a BOM (without it Excel reads Windows-1252)."""
    out = io.StringIO()
    writer = csv.writer(out)
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
