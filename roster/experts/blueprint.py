"""The experts blueprint: every URL of profiles, the roster, vetting, imports and privacy."""

from flask import Blueprint

from roster.experts import import_views, privacy_views, roster_views, vetting_views, views

bp = Blueprint("experts", __name__, url_prefix="/experts")

bp.register_error_handler(413, views.too_large)

bp.add_url_rule("/me", "me", views.me)
bp.add_url_rule("/<int:expert_id>/profile", "profile", views.profile)
bp.add_url_rule(
    "/<int:expert_id>/edit/<step>", "edit_step", views.edit_step, methods=["GET", "POST"]
)
bp.add_url_rule("/<int:expert_id>/cv", "cv", views.cv_download)
bp.add_url_rule("/<int:expert_id>/cv/delete", "delete_cv", views.delete_cv, methods=["POST"])
bp.add_url_rule("/", "index", roster_views.index)
bp.add_url_rule("/export.csv", "export", roster_views.export)
bp.add_url_rule("/<int:expert_id>", "detail", roster_views.detail)
bp.add_url_rule("/<int:expert_id>/status", "set_status", roster_views.set_status, methods=["POST"])
bp.add_url_rule("/vetting", "vetting", vetting_views.vetting)
bp.add_url_rule("/<int:expert_id>/vet", "vet", vetting_views.vet, methods=["POST"])
bp.add_url_rule("/import", "import_csv", import_views.import_csv, methods=["GET", "POST"])
bp.add_url_rule("/import/template.csv", "import_template", import_views.import_template)
bp.add_url_rule("/import/<int:job_id>", "import_job", import_views.import_job)
bp.add_url_rule("/me/data.json", "export_my_data", privacy_views.export_my_data)
bp.add_url_rule(
    "/me/erasure", "request_erasure", privacy_views.request_erasure, methods=["GET", "POST"]
)
bp.add_url_rule("/erasure", "erasure_queue", privacy_views.erasure_queue)
bp.add_url_rule(
    "/<int:expert_id>/erase", "confirm_erasure", privacy_views.confirm_erasure, methods=["POST"]
)
