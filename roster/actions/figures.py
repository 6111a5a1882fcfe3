"""The year's figures of Actions, activities and requests, as the annual report counts them.

"Implemented in year Y" means the Action was active at some point in Y, which is either of:

1. it was in status *implementation* or *concluded* at some moment of Y: it entered
   implementation (its first history step to implementation, or to concluded if it skipped
   it) on or before 31 December Y, and it was not concluded before 1 January Y; or
2. at least one of its activities took place in Y (an activity's dates meet Y), whatever the
   Action's status then (a needs-assessment mission is work done in that year).

"Concluded in year Y" means its conclusion date (``concluded_on``) falls in Y. An activity is
"held in year Y" when it starts in Y. A request is "received in year Y" when ``received_on``
falls in Y; it "became an Action" when it is accepted and linked to one.
"""

from datetime import date, datetime, time

import sqlalchemy as sa

from roster.actions.models import Action, ActionStatusChange, Activity, Request
from roster.actions.states import ActionStatus, RequestSource, RequestStatus


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def implemented_in_year(year: int) -> sa.Select:
    """Select the Actions implemented (active) in the year, as defined in this module."""
    first, last = _bounds(year)
    entered = (
        sa.select(ActionStatusChange.action_id)
        .where(
            ActionStatusChange.to_status.in_((ActionStatus.IMPLEMENTATION, ActionStatus.CONCLUDED)),
            ActionStatusChange.at <= datetime.combine(last, time.max),
        )
        .scalar_subquery()
    )
    in_implementation = sa.and_(
        Action.id.in_(entered),
        sa.or_(Action.concluded_on.is_(None), Action.concluded_on >= first),
    )
    with_activity = Action.activities.any(
        sa.and_(
            Activity.start_on <= last, sa.func.coalesce(Activity.end_on, Activity.start_on) >= first
        )
    )
    return sa.select(Action).where(sa.or_(in_implementation, with_activity)).order_by(Action.code)


def concluded_in_year(year: int) -> sa.Select:
    """Select the Actions concluded in the year."""
    first, last = _bounds(year)
    return (
        sa.select(Action)
        .where(Action.status == ActionStatus.CONCLUDED, Action.concluded_on.between(first, last))
        .order_by(Action.code)
    )


def activities_in_year(year: int) -> sa.Select:
    """Select the activities held (started) in the year."""
    first, last = _bounds(year)
    return (
        sa.select(Activity)
        .where(Activity.start_on.between(first, last))
        .order_by(Activity.start_on, Activity.id)
    )


def requests_in_year(year: int, source: RequestSource | None = None) -> sa.Select:
    """Select the requests received in the year (optionally only those from one source)."""
    first, last = _bounds(year)
    stmt = sa.select(Request).where(Request.received_on.between(first, last))
    if source is not None:
        stmt = stmt.where(Request.source == source)
    return stmt.order_by(Request.received_on, Request.id)


def became_action(stmt: sa.Select) -> sa.Select:
    """Narrow a selection of requests to those that became Actions."""
    return stmt.where(Request.status == RequestStatus.ACCEPTED, Request.action_id.is_not(None))
