"""The year's figures as CSV rows: a stable key for programs, a label for people, a value."""

from flask import Response
from flask_babel import _

from roster.core.csv_download import csv_response
from roster.i18n import country_name
from roster.reports.years import YearFigures


def year_rows(f: YearFigures) -> list[tuple[str, str, str | int]]:
    """(key, label, value) for every figure of the year, in the page's order."""
    rows: list[tuple[str, str, str | int]] = [
        ("year", _("Year"), f.year),
        ("actions_implemented", _("Actions implemented"), f.actions_implemented),
        ("actions_concluded", _("of which concluded"), f.actions_concluded),
        ("activities", _("Activities held"), f.activities),
        ("experts_joined", _("Experts who joined the roster"), f.experts_joined),
        ("requests_received", _("Requests received"), f.requests_received),
        ("requests_became_actions", _("of which became Actions"), f.requests_became_actions),
        ("partner_countries", _("Partner countries"), len(f.partner_countries)),
        (
            "long_standing_partner_countries",
            _("Long-standing partner countries"),
            len(f.long_standing),
        ),
        ("new_partner_countries", _("New partner countries"), len(f.new)),
    ]
    for code in f.partner_countries:
        kind = "long_standing" if code in f.long_standing else "new"
        label = _("Long-standing partner") if kind == "long_standing" else _("New partner")
        rows.append((f"partner_country.{code}", f"{label}: {country_name(code)}", kind))
    rows.append(
        ("awareness_requests_received", _("Requests from awareness sessions"), f.awareness_received)
    )
    rows.append(
        (
            "awareness_requests_became_actions",
            _("of which became Actions"),
            f.awareness_became_actions,
        )
    )
    for i, s in enumerate(f.sessions, start=1):
        rows.append((f"awareness_session.{i}.requests_received", s.name, s.received))
        rows.append(
            (
                f"awareness_session.{i}.requests_became_actions",
                _("%(session)s: became Actions", session=s.name),
                s.became_actions,
            )
        )
    for r in f.regions:
        key = r.slug or "none"
        label = r.label or _("No region")
        rows.append(
            (
                f"region.{key}.actions_implemented",
                _("%(region)s: Actions implemented", region=label),
                r.actions,
            )
        )
        rows.append(
            (
                f"region.{key}.activities",
                _("%(region)s: activities held", region=label),
                r.activities,
            )
        )
    return rows


def year_csv(f: YearFigures) -> Response:
    """The figures as a CSV download: a header row, then (key, label, value) rows."""
    header = ["key", _("Figure"), _("Value")]
    return csv_response(f"year-in-review-{f.year}.csv", header, year_rows(f))
