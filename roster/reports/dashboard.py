"""The staff dashboard's figures for one year, each as a Chart (see charts.py).

The year's *portfolio* is every Action that existed by 31 December and was not concluded
before 1 January; each is counted under its status on 31 December (or today, for the
current year), read from its status history.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

import sqlalchemy as sa
from flask import url_for
from flask_babel import _
from sqlalchemy.orm import selectinload

from roster.actions.figures import activities_in_year
from roster.actions.models import Action, ActionStatusChange
from roster.actions.states import ActionStatus, ActivityFormat, ActivityKind
from roster.experts.models import Expert
from roster.extensions import db
from roster.i18n import country_name
from roster.reports import rotation as rot
from roster.reports.charts import Chart
from roster.reports.funnel import FunnelRow, request_funnel
from roster.reports.text import month_names, sort_key
from roster.taxonomy.models import Country
from roster.toolkit import stats


def status_on(action: Action, day: date) -> ActionStatus:
    """The Action's status at the end of the day, from its history (else its status now)."""
    until = datetime.combine(day, time.max)
    steps = [s for s in action.history if s.at <= until]
    return steps[-1].to_status if steps else action.status


def portfolio(year: int) -> list[tuple[Action, ActionStatus]]:
    """The year's Actions with their status on 31 December (or today)."""
    last = min(date(year, 12, 31), date.today())
    end = datetime.combine(date(year, 12, 31), time.max)
    stmt = (
        sa.select(Action)
        .where(
            sa.or_(Action.created_at <= end, Action.history.any(ActionStatusChange.at <= end)),
            sa.or_(Action.concluded_on.is_(None), Action.concluded_on >= date(year, 1, 1)),
        )
        .options(
            selectinload(Action.history),
            selectinload(Action.themes),
            selectinload(Action.country).selectinload(Country.region),
        )
        .order_by(Action.code)
    )
    return [(a, status_on(a, last)) for a in db.session.scalars(stmt)]


def _link(endpoint: str, **args) -> str:
    return url_for(endpoint, **{k: v for k, v in args.items() if v not in (None, "")})


def action_charts(year: int) -> list[Chart]:
    """Actions of the year's portfolio by status, region, country and theme."""
    actions = portfolio(year)
    series = [_("Actions")]
    by_status = Counter(status for _a, status in actions)
    status = Chart("actions-status", _("Actions by status on 31 December"), series, kind="bar")
    # The Actions list filters on the status today: link it only when that is what is counted.
    current = year >= date.today().year
    for s in ActionStatus:
        url = _link("actions.index", status=s.value, year=year) if current else None
        status.add(s.label, by_status[s], url=url)
    regions = Counter(
        (a.region.slug, a.region.label) if a.region else ("", _("No region")) for a, _s in actions
    )
    region = Chart("actions-region", _("Actions by region"), series, kind="hbar")
    for (slug, label), n in sorted(regions.items(), key=lambda x: (-x[1], sort_key(x[0][1]))):
        region.add(label, n, url=_link("actions.index", region=slug, year=year) if slug else None)
    countries = Counter(a.country_code for a, _s in actions)
    country = Chart("actions-country", _("Actions by country"), series, kind="hbar")
    for code, n in sorted(countries.items(), key=lambda x: (-x[1], sort_key(country_name(x[0])))):
        country.add(country_name(code), n, url=_link("actions.index", country=code, year=year))
    themes = Counter((t.slug, t.label) for a, _s in actions for t in a.themes)
    theme = Chart("actions-theme", _("Actions by theme"), series, kind="hbar")
    for (slug, label), n in sorted(themes.items(), key=lambda x: (-x[1], sort_key(x[0][1]))):
        theme.add(label, n, url=_link("actions.index", theme=slug, year=year))
    return [status, region, country, theme]


def activity_charts(year: int) -> list[Chart]:
    """Activities held in the year by kind, format and month."""
    activities = list(db.session.scalars(activities_in_year(year)))
    series = [_("Activities")]
    kinds = Counter(a.kind for a in activities)
    kind = Chart("activities-kind", _("Activities by kind"), series, kind="hbar")
    for k in sorted(ActivityKind, key=lambda k: -kinds[k]):
        if kinds[k]:
            kind.add(k.label, kinds[k])
    formats = Counter(a.format for a in activities)
    fmt = Chart("activities-format", _("Activities by format"), series, kind="doughnut")
    for f in ActivityFormat:
        fmt.add(f.label, formats[f])
    months = Counter(a.start_on.month for a in activities)
    month = Chart("activities-month", _("Activities by month"), series, kind="bar")
    for number, name in enumerate(month_names(), start=1):
        month.add(name, months[number])
    return [kind, fmt, month]


def joined_chart(last_year: int) -> Chart:
    """Experts who joined the roster, per year (erased experts included, anonymously)."""
    joined = Counter(
        d.year
        for d in db.session.scalars(
            sa.select(Expert.joined_on).where(Expert.joined_on.is_not(None))
        )
    )
    chart = Chart("experts-joined", _("Experts who joined, by year"), [_("Experts")], kind="bar")
    if joined:
        for y in range(min(joined), max(max(joined), last_year) + 1):
            chart.add(str(y), joined[y], url=_link("experts.index", joined_year=y))
    return chart


def funnel_chart(year: int) -> tuple[Chart, list[FunnelRow], FunnelRow]:
    """The year's requests by source: received, and where they stand now."""
    rows, total = request_funnel(year)
    chart = Chart(
        "requests-funnel",
        _("Requests received in %(year)s, by source and outcome", year=year),
        [
            _("Received, not assessed"),
            _("Under assessment"),
            _("Became Actions"),
            _("Accepted, no Action yet"),
            _("Declined"),
        ],
        kind="stacked",
    )
    for row in rows:
        chart.add(
            row.label,
            row.pending,
            row.under_assessment,
            row.became_actions,
            row.accepted - row.became_actions,
            row.declined,
            url=_link("actions.requests", source=row.source.value, year=year),
        )
    return chart, rows, total


@dataclass
class Rotation:
    figures: rot.RotationFigures
    chart: Chart


def rotation_section(year: int) -> Rotation:
    """The concentration measures of the year and distinct experts per year."""
    years = rot.assignments_by_year()
    chart = Chart(
        "experts-per-year",
        _("Distinct experts on assignments, by year"),
        [_("Distinct experts"), _("Assignments")],
        kind="bar",
    )
    for y, experts, assignments in rot.experts_per_year(years):
        chart.add(str(y), experts, assignments)
    return Rotation(rot.rotation(year, years), chart)


def toolkit_chart() -> Chart:
    """Toolkit modules: learners who started and who completed each."""
    chart = Chart(
        "toolkit",
        _("Toolkit modules: started and completed"),
        [_("Started"), _("Completed")],
        kind="hbar",
    )
    for f in stats.by_module():
        chart.add(f.module.title, f.started, f.completed)
    return chart
