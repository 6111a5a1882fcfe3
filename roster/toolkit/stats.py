"""Completion figures for staff: by module, by learner, and the rows of the CSV export."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.auth.models import User
from roster.core.time import utcnow
from roster.experts.models import Expert
from roster.extensions import db
from roster.toolkit.models import Module
from roster.toolkit.progress_models import Progress

STALLED_AFTER = timedelta(days=30)


def state(progress: Progress, now: datetime | None = None) -> str:
    """completed, stalled (no activity for 30 days) or in_progress."""
    if progress.completed_at is not None:
        return "completed"
    if progress.last_activity_at < (now or utcnow()) - STALLED_AFTER:
        return "stalled"
    return "in_progress"


@dataclass
class ModuleFigures:
    module: Module
    started: int = 0
    completed: int = 0
    in_progress: int = 0
    stalled: int = 0

    @property
    def rate(self) -> int:
        """Completed as a percent of those who started."""
        return self.completed * 100 // self.started if self.started else 0


def by_module(now: datetime | None = None) -> list[ModuleFigures]:
    """Started, completed, in progress and stalled, for every module that is not a draft."""
    now = now or utcnow()
    modules = db.session.scalars(sa.select(Module).order_by(Module.position, Module.slug)).all()
    figures = {m.id: ModuleFigures(m) for m in modules}
    for progress in db.session.scalars(sa.select(Progress)):
        row = figures.get(progress.module_id)
        if row is None:
            continue
        row.started += 1
        setattr(row, state(progress, now), getattr(row, state(progress, now)) + 1)
    return [f for f in figures.values() if f.started or f.module.status != "draft"]


@dataclass
class LearnerFigures:
    user: User
    name: str
    expert_id: int | None
    started: int = 0
    completed: int = 0
    stalled: int = 0
    last_activity: datetime | None = None


def by_learner(now: datetime | None = None) -> list[LearnerFigures]:
    """One row per person who started a module, most recently active first."""
    now = now or utcnow()
    experts = {e.user_id: e for e in db.session.scalars(sa.select(Expert)) if e.user_id}
    rows: dict[int, LearnerFigures] = {}
    query = sa.select(Progress).options(selectinload(Progress.user))
    for progress in db.session.scalars(query):
        expert = experts.get(progress.user_id)
        row = rows.get(progress.user_id)
        if row is None:
            name = expert.name if expert and expert.name else progress.user.email
            row = rows[progress.user_id] = LearnerFigures(
                progress.user, name, expert.id if expert else None
            )
        row.started += 1
        current = state(progress, now)
        row.completed += current == "completed"
        row.stalled += current == "stalled"
        if row.last_activity is None or progress.last_activity_at > row.last_activity:
            row.last_activity = progress.last_activity_at
    return sorted(rows.values(), key=lambda r: r.last_activity or now, reverse=True)


def progress_rows(module_id: int | None = None) -> list[Progress]:
    """Every progress record (of one module), with the learner and the module loaded."""
    query = (
        sa.select(Progress)
        .options(
            selectinload(Progress.user),
            selectinload(Progress.module),
            selectinload(Progress.reads),
            selectinload(Progress.attempts),
        )
        .order_by(Progress.module_id, Progress.last_activity_at.desc())
    )
    if module_id is not None:
        query = query.where(Progress.module_id == module_id)
    return list(db.session.scalars(query))


def expert_names() -> dict[int, str]:
    """{user id: the expert's name} for the learners who have a profile."""
    return {
        e.user_id: e.name for e in db.session.scalars(sa.select(Expert)) if e.user_id and e.name
    }
