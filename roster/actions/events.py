"""Assignments book an expert's time and describe their past work, so the matcher's index
must see their changes: move the expert's updated_at, the column the index's change check
reads (roster/experts/events.py does the same for the profile's own rows).

A plain UPDATE after the flush, without bumping the expert's version, so that an expert
editing their profile is not told it "changed in the meantime" because staff invited them.
"""

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from roster.actions.models import Assignment
from roster.core.time import utcnow
from roster.experts.models import Expert


@event.listens_for(Session, "before_flush")
def collect_changed_assignments(session: Session, _context, _instances) -> None:
    """Remember the assignments added, changed or deleted in this flush."""
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Assignment) and (
            obj in session.new or obj in session.deleted or session.is_modified(obj)
        ):
            session.info.setdefault("touch_experts", set()).add(obj)


@event.listens_for(Session, "after_flush")
def touch_experts_of_assignments(session: Session, _context) -> None:
    """Move updated_at of experts whose assignments changed, without a version bump."""
    assignments = session.info.pop("touch_experts", None)
    if not assignments:
        return
    ids = {a.expert_id for a in assignments if a.expert_id is not None}
    if ids:
        session.connection().execute(
            sa.update(Expert.__table__)
            .where(Expert.__table__.c.id.in_(sorted(ids)))
            .values(updated_at=utcnow())
        )
