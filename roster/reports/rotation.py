"""How concentrated the work is: do a few experts hold most assignments, or does it rotate?

An assignment counts when the expert accepted or completed it, in the year its dates start
(its own, else its activity's, else its Action's). The measures are over the experts who
held at least one assignment in the year.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.actions.models import Assignment
from roster.actions.states import AssignmentState
from roster.experts.models import Expert, Status
from roster.extensions import db

WORKED = (AssignmentState.ACCEPTED, AssignmentState.COMPLETED)


def gini(counts: list[int]) -> float:
    """Gini coefficient: 0 when everyone holds as many, towards 1 when one holds all."""
    values = [c for c in counts if c >= 0]
    n, total = len(values), sum(values)
    if n == 0 or total == 0:
        return 0.0
    # Sorted form of the mean absolute difference: sum((2i - n - 1) * x_i) / (n * total).
    ordered = sorted(values)
    weighted = sum((2 * i - n - 1) * x for i, x in enumerate(ordered, start=1))
    return weighted / (n * total)


def top_share(counts: list[int], fraction: float = 0.1) -> float:
    """Share of the total held by the top `fraction` of holders (at least one holder)."""
    values = sorted((c for c in counts if c > 0), reverse=True)
    total = sum(values)
    if not total:
        return 0.0
    k = max(1, math.ceil(len(values) * fraction))
    return sum(values[:k]) / total


@dataclass
class RotationFigures:
    year: int
    assignments: int
    experts: int  # distinct experts with at least one assignment in the year
    returning: int  # of those, experts who had an assignment in an earlier year
    approved: int  # experts on the roster (approved) today
    top_share: float
    gini: float

    @property
    def new(self) -> int:
        """Experts on their first assignment in the year."""
        return self.experts - self.returning


def assignments_by_year() -> dict[int, Counter]:
    """{year: Counter(expert id -> assignments)} over every accepted or completed assignment."""
    query = (
        sa.select(Assignment)
        .where(Assignment.state.in_(WORKED))
        .options(selectinload(Assignment.activity), selectinload(Assignment.action))
    )
    years: dict[int, Counter] = defaultdict(Counter)
    for assignment in db.session.scalars(query):
        start, _end = assignment.period()
        if start is not None:
            years[start.year][assignment.expert_id] += 1
    return years


def rotation(year: int, years: dict[int, Counter] | None = None) -> RotationFigures:
    """The year's concentration measures."""
    years = assignments_by_year() if years is None else years
    counts = years.get(year, Counter())
    earlier = set().union(*(set(c) for y, c in years.items() if y < year))
    approved = db.session.scalar(
        sa.select(sa.func.count(Expert.id)).where(
            Expert.status == Status.APPROVED, Expert.erased_at.is_(None)
        )
    )
    return RotationFigures(
        year=year,
        assignments=sum(counts.values()),
        experts=len(counts),
        returning=len(set(counts) & earlier),
        approved=approved,
        top_share=top_share(list(counts.values())),
        gini=gini(list(counts.values())),
    )


def experts_per_year(years: dict[int, Counter]) -> list[tuple[int, int, int]]:
    """(year, distinct experts, assignments) for every year with assignments, oldest first."""
    return [(y, len(c), sum(c.values())) for y, c in sorted(years.items())]
