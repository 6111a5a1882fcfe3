"""The site's shell: front page, language switch, health check and the navigation."""

from flask import Blueprint

from roster.core.form_errors import error_items
from roster.main import views
from roster.main.navigation import has_endpoint, languages, nav_active, nav_links

bp = Blueprint("main", __name__)

bp.add_app_template_global(nav_links)
bp.add_app_template_global(has_endpoint)
bp.add_app_template_global(nav_active)
bp.add_app_template_global(languages, "interface_languages")
bp.add_app_template_global(error_items, "form_error_items")

bp.add_url_rule("/", "index", views.index)
bp.add_url_rule("/language", "set_language", views.set_language, methods=["POST"])
bp.add_url_rule("/healthz", "healthz", views.healthz)
bp.add_url_rule("/privacy", "privacy", views.privacy)
