"""The notifications blueprint: every URL of the notifications and the digest's settings."""

from flask import Blueprint

from roster.notifications import views

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

bp.app_context_processor(views.notification_count)

bp.add_url_rule("/", "index", views.index)
bp.add_url_rule("/<int:notification_id>/open", "open", views.open_, methods=["POST"])
bp.add_url_rule("/read-all", "read_all", views.read_all, methods=["POST"])
bp.add_url_rule("/settings", "settings", views.settings, methods=["GET", "POST"])
bp.add_url_rule("/unsubscribe/<token>", "unsubscribe", views.unsubscribe, methods=["GET", "POST"])
