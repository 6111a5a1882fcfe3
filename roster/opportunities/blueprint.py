"""The opportunities blueprint: every URL of open calls, with the view that answers it."""

from flask import Blueprint

from roster.opportunities import call_views, expert_views

bp = Blueprint("opportunities", __name__, url_prefix="/opportunities")

FORM = ["GET", "POST"]
POST = ["POST"]

# Experts: the calls ranked for them, one call, their interest, the digest's threshold.
bp.add_url_rule("/", "for_me", expert_views.for_me)
bp.add_url_rule("/threshold", "set_threshold", expert_views.set_threshold, methods=POST)
bp.add_url_rule("/<int:call_id>", "show", expert_views.show)
bp.add_url_rule(
    "/<int:call_id>/interest", "express_interest", expert_views.express_interest, methods=POST
)
bp.add_url_rule(
    "/<int:call_id>/withdraw", "withdraw_interest", expert_views.withdraw_interest, methods=POST
)

# Staff: publish from an activity, follow the interest, close with an outcome.
bp.add_url_rule("/calls", "calls", call_views.calls)
bp.add_url_rule(
    "/activities/<int:activity_id>/call", "create_call", call_views.create_call, methods=FORM
)
bp.add_url_rule("/calls/<int:call_id>", "call_detail", call_views.call_detail)
bp.add_url_rule("/calls/<int:call_id>/close", "close_call", call_views.close_call, methods=POST)
