"""API: the year's figures and the roster's coverage, for staff (the reports' data as JSON)."""

from flask_babel import _

from roster.api.base import abort_api, allowed_if, bp, errors
from roster.api.schemas.reports import CoverageQuery, CoverageReportSchema, YearReportSchema
from roster.auth.permissions import can_view_reports
from roster.reports.coverage import MIN_LEVEL, coverage
from roster.reports.years import FIRST_YEAR, LAST_YEAR, valid_year, year_figures

NOT_STAFF = (403, "The caller is not staff.")
staff_only = allowed_if(can_view_reports)


@staff_only
@bp.response(200, YearReportSchema, description="The year's figures.")
@errors(
    (400, f"A year outside {FIRST_YEAR}-{LAST_YEAR}."),
    401,
    NOT_STAFF,
    (404, "Not a year (e.g. a negative number)."),
)
def report_year(year: int):
    """The figures of one year, as the year in review gives them (staff only)."""
    if not valid_year(year):
        abort_api(
            400,
            "bad_request",
            _("Give a year from %(first)d to %(last)d.", first=FIRST_YEAR, last=LAST_YEAR),
        )
    return year_figures(year).as_dict()


@staff_only
@bp.arguments(CoverageQuery, location="query")
@bp.response(200, CoverageReportSchema, description="The coverage.")
@errors(400, 401, NOT_STAFF)
def report_coverage(query: dict):
    """Available experts per theme and region / language, with the gaps (staff only)."""
    start, end = query.get("available_from"), query.get("available_to")
    c = coverage(start or end, end or start, query["threshold"])
    regions = {r.id: r for r in c.regions}
    return {
        "available_from": c.start.isoformat(),
        "available_to": c.end.isoformat(),
        "threshold": c.threshold,
        "min_level": MIN_LEVEL,
        "experts_available": c.experts,
        "themes": [
            {
                "theme": t.slug,
                "label": t.label,
                "regions": {
                    regions[rid].slug: _cell(cell)
                    for (tid, rid), cell in c.by_region.items()
                    if tid == t.id
                },
                "languages": {
                    code: _cell(cell) for (tid, code), cell in c.by_language.items() if tid == t.id
                },
            }
            for t in c.themes
        ],
        "gaps": {
            "regions": [_gap(g) for g in c.region_gaps()],
            "languages": [_gap(g) for g in c.language_gaps({})],
        },
    }


def _cell(cell) -> dict:
    return {"experts": cell.count, "demand": cell.demand, "gap": cell.gap}


def _gap(gap) -> dict:
    return {
        "theme": gap.theme.slug,
        "column": gap.column,
        "experts": gap.count,
        "demand": gap.demand,
    }
