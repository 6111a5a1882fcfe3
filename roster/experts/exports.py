"""CSV of the roster: one row per expert, the columns of EXPORT_FIELDS."""

from collections.abc import Iterable

from flask import Response

from roster.core.csv_download import csv_response
from roster.experts.fields import EXPORT_FIELDS
from roster.experts.models import Expert

COLUMNS = tuple(f.name for f in EXPORT_FIELDS)


def expert_row(expert: Expert) -> list:
    """An expert's cells, in the order of COLUMNS."""
    return [f.read(f, expert) for f in EXPORT_FIELDS]


def roster_csv(filename: str, experts: Iterable[Expert]) -> Response:
    """The roster download: a header of column names, then one row per expert."""
    return csv_response(filename, COLUMNS, (expert_row(e) for e in experts))
