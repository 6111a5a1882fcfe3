"""Hand-made Actions for the reports' tests: a history of (date, status) steps, activities."""

from datetime import date, datetime

from roster.actions.models import ActionStatusChange
from roster.actions.states import ActionStatus
from tests.actions import helpers as h

A = ActionStatus


def action(db, make, code, steps, country="KZ", region="asia", concluded_on=None, **fields):
    """An Action whose history is steps [(date, status)]; the last step is its status."""
    made = h.action(
        db,
        make,
        code=code,
        country=country,
        region=region,
        status=steps[-1][1],
        concluded_on=concluded_on,
        **fields,
    )
    made.history.clear()
    made.created_at = datetime.combine(steps[0][0], datetime.min.time())
    previous = None
    for day, status in steps:
        made.history.append(
            ActionStatusChange(
                from_status=previous, to_status=status, at=datetime(*day.timetuple()[:3], 10)
            )
        )
        previous = status
    db.session.commit()
    return made


def d(*args) -> date:
    return date(*args)
