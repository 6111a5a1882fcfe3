"""The reports blueprint: every URL of the dashboard, the year in review and coverage."""

from flask import Blueprint

from roster.reports import coverage_views, views, year_views

bp = Blueprint("reports", __name__, url_prefix="/reports")

bp.add_url_rule("/", "dashboard", views.dashboard)
bp.add_url_rule("/year/", "year_index", year_views.year_index)
bp.add_url_rule("/year/<int:year>", "year", year_views.year)
bp.add_url_rule("/year/<int:year>.csv", "year_csv", year_views.year_csv)
bp.add_url_rule("/coverage", "coverage", coverage_views.coverage_view)
