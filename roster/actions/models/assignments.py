"""Experts on Actions: shortlist, invitation, answer, completion and the staff's evaluation."""

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.actions.models.actions import Action, Activity
from roster.actions.states import AssignmentState
from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.experts.models import Expert
from roster.extensions import db


class Assignment(db.Model):
    """An expert on an Action (or one of its activities), from shortlist to completion."""

    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int] = mapped_column(
        sa.ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("activity.id", ondelete="SET NULL"), index=True
    )
    state: Mapped[AssignmentState] = mapped_column(
        enum_column(AssignmentState), default=AssignmentState.PROPOSED, index=True
    )
    role: Mapped[str | None] = mapped_column(sa.String(120))  # e.g. lead expert, trainer
    days: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 1))
    start_on: Mapped[date | None] = mapped_column(index=True)
    end_on: Mapped[date | None]
    comment: Mapped[str | None] = mapped_column(sa.Text)  # the expert's, with their answer
    invited_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    proposed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    confirmed_overlap_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    confirmed_overlap_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    expert: Mapped[Expert] = relationship()
    action: Mapped[Action] = relationship(back_populates="assignments")
    activity: Mapped[Activity | None] = relationship(back_populates="assignments")
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    confirmed_overlap_by: Mapped[User | None] = relationship(foreign_keys=[confirmed_overlap_by_id])
    evaluation: Mapped["Evaluation | None"] = relationship(
        back_populates="assignment", cascade="all, delete-orphan", uselist=False
    )

    __mapper_args__ = {"version_id_col": version}

    def period(self) -> tuple[date | None, date | None]:
        """The dates the expert is booked: their own, else the activity's, else the Action's."""
        if self.start_on:
            return self.start_on, self.end_on or self.start_on
        if self.activity is not None:
            return self.activity.start_on, self.activity.last_day
        start, end = self.action.period()
        return start, (end or start)


class Evaluation(db.Model):
    """Staff's rating of an expert's work on one assignment; never shown to experts."""

    __tablename__ = "evaluation"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("assignment.id", ondelete="CASCADE"), unique=True
    )
    rating: Mapped[int]  # 1..5
    comment: Mapped[str | None] = mapped_column(sa.Text)
    by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    assignment: Mapped[Assignment] = relationship(back_populates="evaluation")
    by: Mapped[User | None] = relationship()

    __table_args__ = (sa.CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),)
    __mapper_args__ = {"version_id_col": version}  # a stale edit fails, never overwrites
