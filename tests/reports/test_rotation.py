"""The dashboard's rotation measures on distributions whose answer is known."""

from datetime import date

import pytest

from roster.actions.states import AssignmentState
from roster.reports.rotation import assignments_by_year, experts_per_year, gini, rotation, top_share
from tests.actions import helpers as h


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([3, 3, 3, 3], 0.0),  # everyone holds as many
        ([0, 0, 0, 4], 0.75),  # one of four holds all: (n - 1) / n
        ([1, 2, 3, 4], 0.25),  # mean absolute difference 1.25 over twice the mean 2.5
        ([], 0.0),
        ([0, 0], 0.0),
    ],
)
def test_gini(counts, expected):
    assert gini(counts) == pytest.approx(expected)


def test_gini_does_not_depend_on_order_or_scale():
    assert gini([5, 1, 9, 2]) == pytest.approx(gini([1, 2, 5, 9]))
    assert gini([1, 2, 5, 9]) == pytest.approx(gini([10, 20, 50, 90]))


def test_top_share():
    # Twenty experts: the top 10% are the two busiest, holding 10 + 8 of 36 assignments.
    counts = [10, 8] + [1] * 18
    assert top_share(counts) == pytest.approx(18 / 36)
    # Fewer than ten experts: the top 10% is still one expert.
    assert top_share([6, 2, 2]) == pytest.approx(0.6)
    assert top_share([1, 1, 1, 1]) == pytest.approx(0.25)
    assert top_share([]) == 0.0


def test_rotation_counts_worked_assignments_by_their_year(db, make, ctx):
    a2020 = h.action(db, make, start_on=date(2020, 3, 1), end_on=date(2020, 12, 1))
    a2021 = h.action(db, make, start_on=date(2021, 3, 1))
    busy, steady, newcomer, declined = (make.expert() for _ in range(4))
    h.assignment(db, steady, a2020, AssignmentState.COMPLETED)
    for _ in range(3):
        h.assignment(db, busy, a2021, AssignmentState.COMPLETED)
    h.assignment(db, steady, a2021, AssignmentState.ACCEPTED)
    h.assignment(db, newcomer, a2021, AssignmentState.COMPLETED)
    # Neither a refusal nor a mere shortlist is work done.
    h.assignment(db, declined, a2021, AssignmentState.DECLINED)
    h.assignment(db, declined, a2021, AssignmentState.PROPOSED)
    # An assignment's own dates win over its Action's.
    h.assignment(
        db,
        newcomer,
        a2021,
        AssignmentState.ACCEPTED,
        start_on=date(2022, 1, 5),
        end_on=date(2022, 1, 6),
    )
    years = assignments_by_year()
    r = rotation(2021, years)
    assert (r.assignments, r.experts, r.returning, r.new) == (5, 3, 1, 2)
    assert r.approved == 4
    assert r.gini == pytest.approx(gini([3, 1, 1]))
    assert r.top_share == pytest.approx(3 / 5)
    assert experts_per_year(years) == [(2020, 1, 1), (2021, 3, 5), (2022, 1, 1)]
    assert rotation(2019, years).experts == 0
