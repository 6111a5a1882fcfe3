"""Open calls over the API: an expert's calls ranked with scores and reasons (as on
"Opportunities for you"); for staff, every call with its interest count."""

import sqlalchemy as sa
from flask import url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.actions.models import Activity
from roster.actions.ranking.reasons import Labels, reason_json
from roster.api.base import abort_api, bp, errors, iso
from roster.api.schemas.opportunities import OpportunitiesQuery, OpportunityListSchema
from roster.auth.permissions import can_manage_calls, can_see_opportunities
from roster.experts.models import Expert
from roster.extensions import db
from roster.opportunities import services
from roster.opportunities.models import Interest, OpenCall

NOT_ALLOWED = (403, "The caller is neither an expert nor staff (a partner's focal point).")


def call_json(call: OpenCall) -> dict:
    """What a call asks for, the same for every caller."""
    return {
        "id": call.id,
        "title": call.title,
        "expected": call.expected,
        "action": call.activity.action.code,
        "activity": call.activity.title,
        "themes": [t.slug for t in call.themes],
        "languages": [
            {"code": code, "min_level": level} for code, level in sorted(call.languages.items())
        ],
        "country": call.country_code,
        "start": iso(call.start_on),
        "end": iso(call.end_on),
        "deadline": iso(call.deadline),
        "status": call.status.value,
        "accepting_interest": call.is_open,
        "url": url_for("opportunities.show", call_id=call.id, _external=True),
    }


def _interest_json(interest: Interest | None) -> dict | None:
    if interest is None:
        return None
    outcome = interest.outcome.value if interest.outcome else None
    return {"note": interest.note, "expressed_at": iso(interest.created_at), "outcome": outcome}


def _for_expert() -> dict:
    expert = db.session.scalar(sa.select(Expert).where(Expert.user_id == current_user.id))
    ranked = services.ranked_for(expert)
    if ranked is None:
        return {"items": [], "count": 0, "ranked": False}
    mine = {
        i.call_id: i
        for i in db.session.scalars(sa.select(Interest).where(Interest.expert_id == expert.id))
    }
    labels = Labels.load()
    items = [
        {
            **call_json(o.call),
            "score": round(o.score, 4),
            "confidence": round(o.match.confidence, 4),
            "reasons": [reason_json(r, labels) for r in o.match.reasons],
            "interest": _interest_json(mine.get(o.call.id)),
        }
        for o in ranked
    ]
    return {"items": items, "count": len(items), "ranked": True}


def _for_staff() -> dict:
    calls = db.session.scalars(
        sa.select(OpenCall)
        .options(
            selectinload(OpenCall.themes),
            selectinload(OpenCall.activity).selectinload(Activity.action),
        )
        .order_by(OpenCall.status.desc(), OpenCall.deadline.desc(), OpenCall.id.desc())
    ).all()
    counts = services.interest_counts(c.id for c in calls)
    items = [{**call_json(c), "interest_count": counts.get(c.id, 0)} for c in calls]
    return {"items": items, "count": len(items), "ranked": False}


@bp.arguments(OpportunitiesQuery, location="query")
@bp.response(200, OpportunityListSchema, description="The calls.")
@errors((400, "An unknown parameter."), 401, NOT_ALLOWED)
def opportunities(query: dict):
    """Open calls: for an expert, those that fit their profile, ranked with `score` and
    `reasons`; for staff, every call with its `interest_count`."""
    if can_manage_calls(current_user):
        return _for_staff()
    if can_see_opportunities(current_user):
        return _for_expert()
    abort_api(403, "forbidden", _("Open calls are for experts and staff."))
