"""Opportunities' answers to what experts and actions announce or ask: a person's interests in
their copy of their data and in an erasure, and who is interested for Find experts."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.actions.signals import interest_asked
from roster.experts.models import Expert
from roster.experts.signals import expert_erased, personal_data_asked
from roster.extensions import db
from roster.opportunities.models import Interest, OpenCall, OpportunityPreference


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def interest_data(expert: Expert, **_) -> dict:
    """The person's interests in calls, their notes and the outcomes they were told, and their
    threshold for suggestions."""
    rows = db.session.scalars(
        sa.select(Interest)
        .where(Interest.expert_id == expert.id)
        .options(selectinload(Interest.call))
        .order_by(Interest.created_at, Interest.id)
    )
    preference = db.session.get(OpportunityPreference, expert.id)
    return {
        "interests": [
            {
                "call": {"id": i.call_id, "title": i.call.title, "status": i.call.status.value},
                "note": i.note,
                "expressed_at": _iso(i.created_at),
                "outcome": i.outcome.value if i.outcome else None,
                "told_at": _iso(i.notified_at),
            }
            for i in rows
        ],
        "opportunity_threshold": preference.digest_threshold if preference else None,
    }


def forget_interests(expert: Expert, **_) -> None:
    """Remove the person's interests in calls, with their notes, and their threshold."""
    db.session.execute(sa.delete(Interest).where(Interest.expert_id == expert.id))
    db.session.execute(
        sa.delete(OpportunityPreference).where(OpportunityPreference.expert_id == expert.id)
    )


def interested_experts(_sender, action, activity=None, **_) -> dict[int, list[Interest]]:
    """Who expressed interest in the calls of the activity (or of every activity of the Action)."""
    stmt = (
        sa.select(Interest)
        .join(OpenCall, Interest.call_id == OpenCall.id)
        .options(selectinload(Interest.call))
        .order_by(Interest.created_at)
    )
    if activity is not None:
        stmt = stmt.where(OpenCall.activity_id == activity.id)
    else:
        ids = [a.id for a in action.activities]
        if not ids:
            return {}
        stmt = stmt.where(OpenCall.activity_id.in_(ids))
    found: dict[int, list[Interest]] = {}
    for interest in db.session.scalars(stmt):
        found.setdefault(interest.expert_id, []).append(interest)
    return found


def connect() -> None:
    """Answer the experts' and actions' signals."""
    personal_data_asked.connect(interest_data)
    expert_erased.connect(forget_interests)
    interest_asked.connect(interested_experts)
