"""Keep Expert.updated_at true to every change of a profile, so that whoever reads the
roster by change (the matcher's index) finds changed experts with one indexed query.

Child rows (themes, languages, countries, unavailability) do not UPDATE the expert row on
their own: a `before_flush` listener touches their parent Expert, which also bumps its
version (the profile did change). Other domains whose rows describe an expert move
updated_at with their own listeners. Bulk `sa.update`/`sa.delete` statements bypass the
session and must set updated_at themselves.
"""

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from roster.core.time import utcnow
from roster.experts.models import Expert, ExpertCountry, ExpertLanguage, ExpertTheme, Unavailability

PROFILE_ROWS = (ExpertTheme, ExpertLanguage, ExpertCountry, Unavailability)

# The matcher's change check reads experts by updated_at: keep that query on an index.
sa.Index("ix_expert_updated_at", Expert.__table__.c.updated_at)


def _parent_id(obj) -> int | None:
    """The expert a child row belongs to, also for a deleted row whose relationship is gone."""
    if obj.expert_id is not None:
        return obj.expert_id
    parent = sa.inspect(obj).attrs.expert.loaded_value
    return parent.id if isinstance(parent, Expert) else None


def _changed(session: Session, obj) -> bool:
    return obj in session.new or obj in session.deleted or session.is_modified(obj)


@event.listens_for(Session, "before_flush")
def touch_experts_of_changed_rows(session: Session, _context, _instances) -> None:
    """Set updated_at on the Expert of every profile row added, changed or deleted."""
    touched: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, PROFILE_ROWS) and _changed(session, obj):
            expert = getattr(obj, "expert", None) if obj not in session.deleted else None
            if isinstance(expert, Expert):
                if expert not in session.new and expert not in session.deleted:
                    expert.updated_at = utcnow()
                continue
            expert_id = _parent_id(obj)
            if expert_id is not None:
                touched.add(expert_id)
    with session.no_autoflush:
        for expert_id in touched:
            expert = session.get(Expert, expert_id)
            if expert is not None and expert not in session.deleted:
                expert.updated_at = utcnow()
