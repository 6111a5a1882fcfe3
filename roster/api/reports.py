"""API: the year's figures and the roster's coverage, for staff (the reports' data as JSON)."""

from datetime import date

from flask import jsonify, request
from flask_babel import _

from roster.api.errors import abort_api
from roster.api.views import bp
from roster.auth.permissions import can_view_reports, require
from roster.reports.coverage import DEFAULT_THRESHOLD, MIN_LEVEL, coverage
from roster.reports.years import FIRST_YEAR, LAST_YEAR, valid_year, year_figures

COVERAGE_PARAMS = ("available_from", "available_to", "threshold")


@bp.get("/reports/years/<int:year>")
def report_year(year: int):
    """The figures of one year: Actions, activities, experts, requests, partners, regions."""
    require(can_view_reports)
    if not valid_year(year):
        abort_api(
            400,
            "bad_request",
            _("Give a year from %(first)d to %(last)d.", first=FIRST_YEAR, last=LAST_YEAR),
        )
    return jsonify(year_figures(year).as_dict())


def _date(name: str) -> date | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort_api(
            400,
            "bad_request",
            _(
                "Bad parameter '%(name)s': %(message)s",
                name=name,
                message=_("Enter a date as YYYY-MM-DD."),
            ),
            parameters={name: _("Enter a date as YYYY-MM-DD.")},
        )


def _threshold() -> int:
    raw = (request.args.get("threshold") or "").strip()
    if not raw:
        return DEFAULT_THRESHOLD
    if not raw.isdigit() or not 1 <= int(raw) <= 50:
        message = _("Give a whole number from %(low)d to %(high)d.", low=1, high=50)
        abort_api(
            400,
            "bad_request",
            _("Bad parameter '%(name)s': %(message)s", name="threshold", message=message),
            parameters={"threshold": message},
        )
    return int(raw)


@bp.get("/reports/coverage")
def report_coverage():
    """Available approved experts per theme and region / language, with the gaps."""
    require(can_view_reports)
    unknown = [name for name in request.args if name not in (*COVERAGE_PARAMS, "lang")]
    if unknown:
        abort_api(
            400,
            "bad_request",
            _(
                "Bad parameter '%(name)s': %(message)s",
                name=unknown[0],
                message=_("Unknown parameter."),
            ),
            parameters={name: _("Unknown parameter.") for name in unknown},
        )
    start, end = _date("available_from"), _date("available_to")
    if start and end and end < start:
        message = _("The end of the window must not be before its start.")
        abort_api(400, "bad_request", message, parameters={"available_to": message})
    c = coverage(start or end, end or start, _threshold())
    regions = {r.id: r for r in c.regions}
    return jsonify(
        {
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
                        code: _cell(cell)
                        for (tid, code), cell in c.by_language.items()
                        if tid == t.id
                    },
                }
                for t in c.themes
            ],
            "gaps": {
                "regions": [_gap(g) for g in c.region_gaps()],
                "languages": [_gap(g) for g in c.language_gaps({})],
            },
        }
    )


def _cell(cell) -> dict:
    return {"experts": cell.count, "demand": cell.demand, "gap": cell.gap}


def _gap(gap) -> dict:
    return {
        "theme": gap.theme.slug,
        "column": gap.column,
        "experts": gap.count,
        "demand": gap.demand,
    }
