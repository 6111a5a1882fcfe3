"""The definition of "implemented in year Y" on hand-made Actions, case by case."""

from datetime import date, datetime

import pytest

from roster.actions.figures import activities_in_year, concluded_in_year, implemented_in_year
from roster.actions.models import ActionStatusChange
from roster.actions.states import ActionStatus
from tests.actions import helpers as h

A = ActionStatus


def _action(db, make, code, steps, concluded_on=None):
    """An Action whose history is steps: [(date, status)], the last being its status."""
    action = h.action(db, make, code=code, status=steps[-1][1], concluded_on=concluded_on)
    action.history.clear()
    previous = None
    for day, status in steps:
        action.history.append(
            ActionStatusChange(from_status=previous, to_status=status, at=datetime(*day, 10))
        )
        previous = status
    db.session.commit()
    return action


@pytest.fixture
def actions(db, make):
    _action(db, make, "IN-2021", [((2021, 1, 5), A.PLANNED), ((2021, 3, 1), A.IMPLEMENTATION)])
    _action(db, make, "LATE-START", [((2021, 6, 1), A.PLANNED), ((2021, 12, 31), A.IMPLEMENTATION)])
    _action(
        db,
        make,
        "DONE-2020",
        [
            ((2019, 5, 1), A.PLANNED),
            ((2019, 9, 1), A.IMPLEMENTATION),
            ((2020, 10, 30), A.CONCLUDED),
        ],
        concluded_on=date(2020, 10, 30),
    )
    _action(
        db,
        make,
        "DONE-JAN-2021",
        [((2020, 2, 1), A.IMPLEMENTATION), ((2021, 1, 15), A.CONCLUDED)],
        concluded_on=date(2021, 1, 15),
    )
    _action(db, make, "NEXT-YEAR", [((2021, 11, 1), A.PLANNED), ((2022, 1, 10), A.IMPLEMENTATION)])
    assessed = _action(db, make, "ASSESSED", [((2021, 2, 1), A.NEEDS_ASSESSMENT)])
    h.activity(db, assessed, start_on=date(2021, 11, 8), end_on=date(2021, 11, 12))
    straddling = _action(db, make, "STRADDLE", [((2020, 12, 1), A.PLANNED)])
    h.activity(db, straddling, start_on=date(2020, 12, 30), end_on=date(2021, 1, 2))
    _action(db, make, "PLANNED-ONLY", [((2021, 3, 1), A.PLANNED)])


def _codes(db, stmt) -> set[str]:
    return {a.code for a in db.session.scalars(stmt)}


def test_implemented_in_2021(db, actions):
    assert _codes(db, implemented_in_year(2021)) == {
        "IN-2021",  # in implementation during the year
        "LATE-START",  # entered implementation on the year's last day
        "DONE-JAN-2021",  # still running on 1 January, concluded in the year
        "ASSESSED",  # only assessed, but its mission took place in the year
        "STRADDLE",  # its activity ran over New Year
    }


def test_concluded_and_activities_in_a_year(db, actions):
    assert _codes(db, concluded_in_year(2021)) == {"DONE-JAN-2021"}
    assert _codes(db, concluded_in_year(2020)) == {"DONE-2020"}
    # An activity is counted in the year it starts: the New Year one belongs to 2020.
    assert len(db.session.scalars(activities_in_year(2021)).all()) == 1
    assert len(db.session.scalars(activities_in_year(2020)).all()) == 1
