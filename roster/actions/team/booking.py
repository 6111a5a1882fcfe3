"""Double booking: an expert's invitations and assignments whose dates overlap."""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import _

from roster.actions.models import Assignment
from roster.actions.states import BOOKING_STATES
from roster.experts.models import Unavailability
from roster.extensions import db


@dataclass(frozen=True)
class Conflict:
    """Something else that holds the expert on some of the same days."""

    start: date
    end: date
    assignment: Assignment | None = None  # None: a period the expert marked unavailable
    note: str = ""

    def describe(self) -> str:
        if self.assignment is not None:
            return _(
                "%(code)s %(title)s (%(start)s to %(end)s, %(state)s)",
                code=self.assignment.action.code,
                title=self.assignment.action.title,
                start=self.start.isoformat(),
                end=self.end.isoformat(),
                state=self.assignment.state.label,
            )
        return _(
            "marked unavailable %(start)s to %(end)s",
            start=self.start.isoformat(),
            end=self.end.isoformat(),
        )


def conflicts(assignment: Assignment) -> list[Conflict]:
    """The expert's other invited/accepted assignments and unavailability over the same dates."""
    start, end = assignment.period()
    if start is None:
        return []  # no dates yet: nothing to compare
    found: list[Conflict] = []
    others = db.session.scalars(
        sa.select(Assignment).where(
            Assignment.expert_id == assignment.expert_id,
            Assignment.state.in_(BOOKING_STATES),
            Assignment.id != (assignment.id or -1),
        )
    )
    for other in others:
        o_start, o_end = other.period()
        if o_start is not None and o_start <= end and o_end >= start:
            found.append(Conflict(o_start, o_end, assignment=other))
    away = db.session.scalars(
        sa.select(Unavailability).where(
            Unavailability.expert_id == assignment.expert_id,
            Unavailability.start <= end,
            Unavailability.end >= start,
        )
    )
    found.extend(Conflict(u.start, u.end, note=u.note or "") for u in away)
    return sorted(found, key=lambda c: c.start)
