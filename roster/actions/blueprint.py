"""The actions blueprint: every URL of the domain, with the view that answers it."""

from flask import Blueprint

from roster.actions.activities import activity_views
from roster.actions.activities import views as actions
from roster.actions.portal import privacy_views as portal_privacy
from roster.actions.portal import views as portal
from roster.actions.ranking import views as ranking
from roster.actions.requests import focal_point_views, partner_views
from roster.actions.requests import views as requests
from roster.actions.team import views as team
from roster.actions.team.history import assignment_history

bp = Blueprint("actions", __name__, url_prefix="/actions")
# A partner focal point's own pages (roster/actions/portal/).
portal_bp = Blueprint("partner", __name__, url_prefix="/partner")

FORM = ["GET", "POST"]
POST = ["POST"]

# Partner requests: the public form, then the staff's triage.
bp.add_url_rule("/request-support", "request_support", requests.request_support, methods=FORM)
bp.add_url_rule("/request-support/thanks", "request_thanks", requests.request_thanks)
bp.add_url_rule("/requests", "requests", requests.requests)
bp.add_url_rule("/requests/new", "create_request", requests.create_request, methods=FORM)
bp.add_url_rule("/requests/<int:request_id>", "request_detail", requests.request_detail)
bp.add_url_rule(
    "/requests/<int:request_id>/edit", "edit_request", requests.edit_request, methods=FORM
)
bp.add_url_rule("/requests/<int:request_id>/assess", "assess", requests.assess, methods=POST)
bp.add_url_rule("/requests/<int:request_id>/accept", "accept", requests.accept, methods=POST)
bp.add_url_rule("/requests/<int:request_id>/decline", "decline", requests.decline, methods=POST)

# Partner institutions.
bp.add_url_rule("/partners", "partners", partner_views.partners)
bp.add_url_rule("/partners/new", "create_partner", partner_views.create_partner, methods=FORM)
bp.add_url_rule(
    "/partners/<int:partner_id>/edit", "edit_partner", partner_views.edit_partner, methods=FORM
)
bp.add_url_rule(
    "/partners/<int:partner_id>/focal-points",
    "invite_focal_point",
    focal_point_views.invite_focal_point,
    methods=POST,
)
bp.add_url_rule(
    "/partners/<int:partner_id>/focal-points/<int:focal_point_id>/remove",
    "remove_focal_point",
    focal_point_views.remove_focal_point,
    methods=POST,
)
bp.add_url_rule(
    "/partners/<int:partner_id>/focal-points/<int:focal_point_id>/erase",
    "erase_focal_point",
    focal_point_views.erase_focal_point,
    methods=POST,
)

# Actions, their status, activities and documents.
bp.add_url_rule("/", "index", actions.index)
bp.add_url_rule("/new", "create", actions.create, methods=FORM)
bp.add_url_rule("/<int:action_id>", "detail", actions.detail)
bp.add_url_rule("/<int:action_id>/edit", "edit", actions.edit, methods=FORM)
bp.add_url_rule("/<int:action_id>/status", "change_status", actions.change_status, methods=POST)
bp.add_url_rule(
    "/<int:action_id>/activities/new",
    "create_activity",
    activity_views.create_activity,
    methods=FORM,
)
bp.add_url_rule(
    "/activities/<int:activity_id>/edit",
    "edit_activity",
    activity_views.edit_activity,
    methods=FORM,
)
bp.add_url_rule(
    "/<int:action_id>/documents", "upload_document", activity_views.upload_document, methods=POST
)
bp.add_url_rule(
    "/documents/<int:document_id>", "download_document", activity_views.download_document
)
bp.add_url_rule(
    "/documents/<int:document_id>/delete",
    "delete_document",
    activity_views.delete_document,
    methods=POST,
)

# Finding experts: the ranking of the roster for an Action or one of its activities.
bp.add_url_rule("/<int:action_id>/find-experts", "find_experts", ranking.find_experts)
bp.add_url_rule(
    "/<int:action_id>/activities/<int:activity_id>/find-experts",
    "find_experts",
    ranking.find_experts,
)

# The team: shortlist, invitations, answers, completion and evaluation.
bp.add_url_rule("/<int:action_id>/team", "shortlist", team.shortlist, methods=POST)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/invite", "invite_expert", team.invite_expert, methods=POST
)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/remove",
    "remove_from_shortlist",
    team.remove_from_shortlist,
    methods=POST,
)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/confirm-overlap",
    "confirm_double_booking",
    team.confirm_double_booking,
    methods=POST,
)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/complete",
    "complete_assignment",
    team.complete_assignment,
    methods=POST,
)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/evaluation", "evaluate", team.evaluate, methods=FORM
)
bp.add_url_rule("/invitations", "my_invitations", team.my_invitations)
bp.add_url_rule(
    "/invitations/<int:assignment_id>", "answer_invitation", team.answer_invitation, methods=POST
)

portal_bp.add_url_rule("/", "home", portal.home)
portal_bp.add_url_rule("/requests/new", "new_request", portal.new_request, methods=FORM)
portal_bp.add_url_rule("/requests/<int:request_id>", "request_detail", portal.request_detail)
portal_bp.add_url_rule("/actions/<int:action_id>", "action_detail", portal.action_detail)
portal_bp.add_url_rule("/me/data.json", "export_my_data", portal_privacy.export_my_data)
portal_bp.add_url_rule(
    "/me/erasure", "request_erasure", portal_privacy.request_erasure, methods=FORM
)


@bp.app_context_processor
def expert_history_helper() -> dict:
    """Let the expert pages include templates/actions/_expert_history.html."""
    return {"assignment_history": assignment_history}
