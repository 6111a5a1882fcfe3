"""The toolkit blueprint: every URL of reading, certificates, authoring and its reports."""

from flask import Blueprint

from roster.toolkit import authoring_views, certificate_views, report_views, section_views, views

bp = Blueprint("toolkit", __name__, url_prefix="/toolkit")

bp.before_request(views.signed_in_only)
bp.add_app_template_global(views.toolkit_tag_label)
bp.add_app_template_global(views.toolkit_action_label)
bp.add_app_template_global(views.toolkit_native_language)

bp.add_url_rule("/", "catalog", views.catalog)
bp.add_url_rule("/<slug>/", "module", views.module)
bp.add_url_rule("/<slug>/resume", "resume", views.resume)
bp.add_url_rule("/<slug>/<lang>/<int:position>", "section", views.section)
bp.add_url_rule("/<slug>/<lang>/<int:position>/read", "read", views.read, methods=["POST"])
bp.add_url_rule("/<slug>/<lang>/check", "check", views.check, methods=["GET", "POST"])
bp.add_url_rule("/certificates/", "certificates", certificate_views.certificates)
bp.add_url_rule("/certificates/<code>", "certificate", certificate_views.certificate)
bp.add_url_rule("/verify", "verify", certificate_views.verify)
bp.add_url_rule(
    "/files/<int:attachment_id>/<path:name>", "attachment", certificate_views.attachment
)
bp.add_url_rule("/manage/", "manage", authoring_views.manage)
bp.add_url_rule("/manage/new", "create", authoring_views.create, methods=["GET", "POST"])
bp.add_url_rule("/manage/<int:module_id>/", "edit", authoring_views.edit)
bp.add_url_rule(
    "/manage/<int:module_id>/settings",
    "settings",
    authoring_views.settings,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/manage/<int:module_id>/status/<status>",
    "set_status",
    authoring_views.set_status,
    methods=["POST"],
)
bp.add_url_rule("/manage/<int:module_id>/files", "upload", authoring_views.upload, methods=["POST"])
bp.add_url_rule(
    "/manage/files/<int:attachment_id>/delete",
    "delete_attachment",
    authoring_views.delete_attachment,
    methods=["POST"],
)
bp.add_url_rule("/manage/<int:module_id>/history", "history", authoring_views.history)
bp.add_url_rule("/manage/revisions/<int:revision_id>", "revision", authoring_views.revision)
bp.add_url_rule(
    "/manage/<int:module_id>/versions/new",
    "add_version",
    section_views.add_version,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/manage/<int:module_id>/<lang>",
    "edit_version",
    section_views.edit_version,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/manage/<int:module_id>/<lang>/sections/<int:section_id>",
    "edit_section",
    section_views.edit_section,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/manage/<int:module_id>/<lang>/sections/new",
    "edit_section",
    section_views.edit_section,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/manage/<int:module_id>/<lang>/sections/<int:section_id>/move/<direction>",
    "move_section",
    section_views.move_section,
    methods=["POST"],
)
bp.add_url_rule(
    "/manage/<int:module_id>/<lang>/sections/<int:section_id>/delete",
    "delete_section",
    section_views.delete_section,
    methods=["POST"],
)
bp.add_url_rule("/reports/", "report", report_views.report)
bp.add_url_rule("/reports/people", "report_people", report_views.report_people)
bp.add_url_rule("/reports/modules/<int:module_id>", "report_module", report_views.report_module)
bp.add_url_rule("/reports/export.csv", "export", report_views.export)
