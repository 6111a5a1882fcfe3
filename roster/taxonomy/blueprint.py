"""The taxonomy blueprint: every URL of the themes, regions and countries pages."""

from flask import Blueprint

from roster.taxonomy import countries, views

bp = Blueprint("taxonomy", __name__, url_prefix="/taxonomy")

bp.add_url_rule("/", "index", views.index)
bp.add_url_rule("/themes", "themes", views.themes)
bp.add_url_rule("/themes/new", "create_theme", views.create_theme, methods=["GET", "POST"])
bp.add_url_rule(
    "/themes/<int:theme_id>/edit", "edit_theme", views.edit_theme, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/themes/<int:theme_id>/deactivate",
    "deactivate_theme",
    views.deactivate_theme,
    methods=["POST"],
)
bp.add_url_rule(
    "/themes/<int:theme_id>/reactivate",
    "reactivate_theme",
    views.reactivate_theme,
    methods=["POST"],
)
bp.add_url_rule("/regions", "regions", views.regions)
bp.add_url_rule("/regions/new", "create_region", views.create_region, methods=["GET", "POST"])
bp.add_url_rule(
    "/regions/<int:region_id>/edit", "edit_region", views.edit_region, methods=["GET", "POST"]
)
bp.add_url_rule("/countries", "countries", countries.countries, methods=["GET", "POST"])
