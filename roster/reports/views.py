"""The reports' dashboard for staff: the year's figures at a glance."""

from flask import abort, render_template, request
from flask_login import login_required

from roster.auth.permissions import can_view_reports, require
from roster.reports import dashboard as d
from roster.reports.forms import YearForm
from roster.reports.years import latest_year, year_figures, years_with_data


def chosen_year(form: YearForm) -> int:
    """The year asked for in ?year=, else the latest year with data; 404 for a bad year."""
    if not form.validate():
        abort(404)
    return form.year.data or latest_year()


@login_required
def dashboard():
    """Show the year's Actions, activities, requests, experts and toolkit at a glance."""
    require(can_view_reports)
    form = YearForm(request.args)
    year = chosen_year(form)
    form.offer(years_with_data(), year)
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
