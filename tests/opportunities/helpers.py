"""Small builders for the opportunities tests: an open call on an activity, an interest."""

from datetime import date, timedelta

from roster.actions.states import ActivityFormat
from roster.opportunities.models import Interest, OpenCall
from tests.actions import helpers as h


def ahead(days: int) -> date:
    """A day this many days from today (calls are about work still ahead)."""
    return date.today() + timedelta(days=days)


def activity(db, make, **fields):
    """An in-person workshop of a Kazakhstan Action on migrant children (the Action's own
    weights: no online boost)."""
    action = h.action(
        db,
        make,
        title=fields.pop("action_title", "Rights of migrant children in the Almaty region"),
        themes=fields.pop("action_themes", ("children",)),
    )
    return h.activity(
        db,
        action,
        title=fields.pop("title", "Workshop on child-sensitive procedures"),
        format=ActivityFormat.IN_PERSON,
        start_on=fields.pop("start_on", ahead(60)),
        **fields,
    )


def call(db, make, on=None, themes=("children",), languages=None, **fields) -> OpenCall:
    """An open call (deadline in a month), on `on` or a new activity."""
    on = on if on is not None else activity(db, make)
    start = fields.pop("start_on", ahead(60))
    found = OpenCall(
        activity=on,
        title=fields.pop("title", "Trainer on child-sensitive procedures"),
        expected=fields.pop("expected", "Three days of training for social workers in Almaty."),
        languages=dict(languages or {}),
        start_on=start,
        deadline=fields.pop("deadline", ahead(30)),
        **fields,
    )
    found.themes = [make.theme(slug) for slug in themes]
    db.session.add(found)
    db.session.commit()
    return found


def interest(db, call, expert, note=None) -> Interest:
    found = Interest(call=call, expert=expert, note=note)
    db.session.add(found)
    db.session.commit()
    return found
