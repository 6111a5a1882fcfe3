"""The reports' pages for staff: the dashboard (this module), the year in review and the
coverage of the roster (year_views.py, coverage_views.py add their routes to this blueprint)."""

from flask import Blueprint, abort, render_template, request
from flask_login import login_required

from roster.auth.permissions import can_view_reports, require
from roster.reports import dashboard as d
from roster.reports.forms import YearForm
from roster.reports.years import latest_year, valid_year, year_figures, years_with_data

bp = Blueprint("reports", __name__, url_prefix="/reports")


def chosen_year() -> int:
    """The year asked for in ?year=, else the latest year with data; 404 for a bad year."""
    raw = (request.args.get("year") or "").strip()
    if not raw:
        return latest_year()
    if not raw.isdigit() or not valid_year(int(raw)):
        abort(404)
    return int(raw)


@bp.get("/")
@login_required
def dashboard():
    """Show the year's Actions, activities, requests, experts and toolkit at a glance."""
    require(can_view_reports)
    year = chosen_year()
    form = YearForm(years_with_data(), year, formdata=None)
    funnel, funnel_rows, funnel_total = d.funnel_chart(year)
    return render_template(
        "reports/dashboard.html",
        year=year,
        form=form,
        f=year_figures(year),
        action_charts=d.action_charts(year),
        activity_charts=d.activity_charts(year),
        joined=d.joined_chart(year),
        funnel=funnel,
        funnel_rows=funnel_rows,
        funnel_total=funnel_total,
        rotation=d.rotation_section(year),
        toolkit=d.toolkit_chart(),
    )
