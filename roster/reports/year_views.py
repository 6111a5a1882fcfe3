"""The year in review: the figures the annual report gives, highlights, print and CSV."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import login_required

from roster.auth.permissions import can_view_reports, require
from roster.reports import exports
from roster.reports.charts import Chart
from roster.reports.forms import YearForm
from roster.reports.highlights import highlights
from roster.reports.text import country_names, month_names, summary
from roster.reports.years import (
    YearFigures,
    latest_year,
    month_counts,
    valid_year,
    year_figures,
    years_with_data,
)


def _figures_or_404(year: int) -> YearFigures:
    if not valid_year(year):
        abort(404)
    return year_figures(year)


@login_required
def year_index():
    """Open the year in review of the year picked (?year=), else of the latest year."""
    require(can_view_reports)
    form = YearForm(request.args)
    year = (form.validate() and form.year.data) or latest_year()  # a bad year: the latest
    return redirect(url_for("reports.year", year=year))


def _charts(f: YearFigures) -> list[Chart]:
    activities = [a for action in f.implemented for a in action.activities]
    held = [a.start_on for a in activities if a.start_on.year == f.year]
    month = Chart("year-months", _("Activities held, by month"), [_("Activities")], kind="bar")
    for name, n in zip(month_names(), month_counts(held), strict=True):
        month.add(name, n)
    region = Chart(
        "year-regions",
        _("Actions and activities by region"),
        [_("Actions implemented"), _("Activities held")],
        kind="hbar",
    )
    for r in f.regions:
        region.add(r.label or _("No region"), r.actions, r.activities)
    return [month, region]


@login_required
def year(year: int):
    """Show the year in review: figures, partners, requests and highlights per region."""
    require(can_view_reports)
    f = _figures_or_404(year)
    form = YearForm(formdata=None).offer(years_with_data(), year)
    return render_template(
        "reports/year.html",
        f=f,
        form=form,
        summary=summary(f),
        regions=highlights(f.implemented, year),
        charts=_charts(f),
        names=country_names,
    )


@login_required
def year_csv(year: int):
    """Download the year's figures as CSV (UTF-8 with BOM for spreadsheets)."""
    require(can_view_reports)
    return exports.year_csv(_figures_or_404(year))
