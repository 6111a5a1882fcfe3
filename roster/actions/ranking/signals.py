"""Optional signals for the matcher: past evaluations, recent workload, toolkit training."""

from collections import defaultdict
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

import matching
from roster.actions.models import Assignment, Evaluation
from roster.actions.states import AssignmentState
from roster.experts.models import Expert, Status
from roster.extensions import db
from roster.toolkit.models import Module, ModuleStatus
from roster.toolkit.services import completed_modules_by_expert

# Without a stated yearly availability, this many days in twelve months counts as fully booked.
DEFAULT_DAYS_PER_YEAR = 60
WORKLOAD_WINDOW = timedelta(days=365)


def _days(assignment: Assignment) -> float:
    """Days recorded on the assignment, else the length of its period."""
    if assignment.days is not None:
        return float(assignment.days)
    start, end = assignment.period()
    return float((end - start).days + 1) if start and end else 0.0


def matcher_signals(today: date | None = None) -> dict[int, dict]:
    """Per approved expert: evaluation, workload and training, each in [0, 1] (or None).

    - evaluation: mean rating mapped from 1..5 to 0..1; None without any evaluation.
    - workload: days of accepted and completed assignments in the last twelve months, over
      the expert's days per year (or DEFAULT_DAYS_PER_YEAR), capped at 1.
    - training: share of the published toolkit modules the expert completed; None when no
      module is published.
    Counts come along (evaluations, workload_days, modules_completed) for the reasons shown.
    """
    today = today or date.today()
    since = today - WORKLOAD_WINDOW
    experts = db.session.scalars(
        sa.select(Expert).where(Expert.status == Status.APPROVED, Expert.erased_at.is_(None))
    ).all()
    ids = [e.id for e in experts]
    ratings: dict[int, list[int]] = defaultdict(list)
    for expert_id, rating in db.session.execute(
        sa.select(Assignment.expert_id, Evaluation.rating)
        .join(Evaluation, Evaluation.assignment_id == Assignment.id)
        .where(Assignment.expert_id.in_(ids))
    ):
        ratings[expert_id].append(rating)
    booked: dict[int, float] = defaultdict(float)
    assignments = db.session.scalars(
        sa.select(Assignment)
        .where(
            Assignment.expert_id.in_(ids),
            Assignment.state.in_((AssignmentState.ACCEPTED, AssignmentState.COMPLETED)),
        )
        .options(selectinload(Assignment.activity), selectinload(Assignment.action))
    )
    for a in assignments:
        start, end = a.period()
        if start is not None and end >= since and start <= today:
            booked[a.expert_id] += _days(a)
    published = db.session.scalar(
        sa.select(sa.func.count(Module.id)).where(Module.status == ModuleStatus.PUBLISHED)
    )
    completed = completed_modules_by_expert()
    signals = {}
    for e in experts:
        scores = ratings.get(e.id, [])
        capacity = e.days_per_year or DEFAULT_DAYS_PER_YEAR
        done = len(completed.get(e.id, ()))
        signals[e.id] = {
            "evaluation": (sum(scores) / len(scores) - 1) / 4 if scores else None,
            "evaluations": len(scores),
            "workload": min(booked[e.id] / capacity, 1.0),
            "workload_days": booked[e.id],
            "training": min(done / published, 1.0) if published else None,
            "modules_completed": done,
        }
    return signals


def library_signals() -> dict[int, dict]:
    """Per approved expert, only the signals the library reads, and only those with a value."""
    return {
        i: {k: v for k, v in s.items() if k in matching.SIGNALS and v is not None}
        for i, s in matcher_signals().items()
    }
