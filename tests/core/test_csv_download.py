"""The CSV helper every download uses: formula cells defused, a BOM, download headers."""

import csv
import io

from roster.core.csv_download import csv_response, csv_text, safe_cell


def test_cells_a_spreadsheet_would_run_are_kept_as_text():
    for text in ("=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell(None) == "" and safe_cell(12) == "12" and safe_cell("a=b") == "a=b"


def test_text_starts_with_a_bom_and_guards_every_cell():
    text = csv_text(["name", "=head"], [["Ana", "=cmd"], [1, None]])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["name", "'=head"], ["Ana", "'=cmd"], ["1", ""]]


def test_response_is_an_attachment_never_cached(app):
    response = csv_response("x.csv", ["a"], [["b"]])
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.headers["Cache-Control"] == "private, no-store"
