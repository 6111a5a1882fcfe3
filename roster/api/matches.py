"""Matches over the API (staff only): rank the roster for a request given as JSON, or for an
Action."""

import sqlalchemy as sa
from flask_babel import _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from roster.actions import ranking
from roster.actions.models import Action
from roster.actions.ranking.reasons import Labels, reason_json
from roster.api.base import abort_api, allowed_if, bp, errors
from roster.api.schemas.matches import ActionMatchesQuery, MatchListSchema, MatchRequestSchema
from roster.auth.permissions import can_manage_actions
from roster.experts.models import Expert
from roster.extensions import db

NOT_STAFF = (403, "The caller is not staff.")
staff_only = allowed_if(can_manage_actions, _l("Only staff may ask for matches."))


def match_items(matches) -> list[dict]:
    """The JSON items of a ranking: expert, score, confidence and structured reasons."""
    ids = [int(m.expert_id) for m in matches]
    names = {}
    if ids:
        rows = db.session.execute(
            sa.select(Expert.id, Expert.first_name, Expert.last_name).where(Expert.id.in_(ids))
        )
        names = {i: f"{first} {last}".strip() for i, first, last in rows}
    labels = Labels.load()
    return [
        {
            "expert_id": int(m.expert_id),
            "name": names.get(int(m.expert_id), ""),
            "score": round(m.score, 4),
            "confidence": round(m.confidence, 4),
            "reasons": [reason_json(r, labels) for r in m.reasons],
        }
        for m in matches
    ]


@staff_only
@bp.arguments(MatchRequestSchema)
@bp.response(200, MatchListSchema, description="The best experts first.")
@errors(
    (
        400,
        "Not a JSON object, a wrong type, an unknown theme, language, level or country, a bad "
        "date, start after end, or k outside 1..100; `error.field` names the field.",
    ),
    401,
    NOT_STAFF,
)
def matches(request: dict):
    """Approved experts ranked for a request, with reasons (staff only)."""
    result = ranking.rank(request["query"], request["k"])
    return {"items": match_items(result.matches), "eligible": result.eligible}


@staff_only
@bp.arguments(ActionMatchesQuery, location="query")
@bp.response(200, MatchListSchema, description="The best experts first.")
@errors(
    (400, "k outside 1..100 or an unknown parameter."),
    401,
    NOT_STAFF,
    (404, "No such Action."),
)
def action_matches(query: dict, action_id: int):
    """Approved experts ranked for an Action's themes, languages, country, dates and text
    (staff only)."""
    action = db.session.scalar(
        sa.select(Action).where(Action.id == action_id).options(selectinload(Action.requests))
    )
    if action is None:
        abort_api(404, "not_found", _("No Action with this id."))
    result = ranking.rank(ranking.action_query(action), query["k"])
    return {"items": match_items(result.matches), "eligible": result.eligible}
