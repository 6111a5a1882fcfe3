"""Actions: the projects that answer a request, their status history, documents, activities."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.actions.states import (
    ActionStatus,
    ActivityFormat,
    ActivityKind,
    DocumentKind,
)
from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db
from roster.taxonomy.models import Country, Region, Theme

action_partner = sa.Table(
    "action_partner",
    db.metadata,
    sa.Column("action_id", sa.ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "partner_id",
        sa.ForeignKey("partner_institution.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)

action_theme = sa.Table(
    "action_theme",
    db.metadata,
    sa.Column("action_id", sa.ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("theme_id", sa.ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
)


class Action(db.Model):
    """A peer-to-peer project with a partner: assessed, run through activities, concluded."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(24), unique=True)  # e.g. KZ-2021-01
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str | None] = mapped_column(sa.Text)  # objectives, from the request's text
    country_code: Mapped[str] = mapped_column(sa.ForeignKey("country.code"), index=True)
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)  # working languages
    start_on: Mapped[date | None] = mapped_column(index=True)
    end_on: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.PLANNED, index=True
    )
    concluded_on: Mapped[date | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    country: Mapped[Country] = relationship()
    partners: Mapped[list["PartnerInstitution"]] = relationship(  # noqa: F821
        secondary=action_partner
    )
    themes: Mapped[list[Theme]] = relationship(secondary=action_theme, order_by=Theme.slug)
    requests: Mapped[list["Request"]] = relationship(back_populates="action")  # noqa: F821
    history: Mapped[list["ActionStatusChange"]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        order_by="(ActionStatusChange.at, ActionStatusChange.id)",
    )
    documents: Mapped[list["ActionDocument"]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionDocument.id"
    )
    activities: Mapped[list["Activity"]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        order_by="(Activity.start_on, Activity.id)",
    )
    assignments: Mapped[list["Assignment"]] = relationship(  # noqa: F821
        back_populates="action", cascade="all, delete-orphan", order_by="Assignment.id"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def region(self) -> Region | None:
        """The facility's region, derived from the country."""
        return self.country.region if self.country else None

    def period(self) -> tuple[date | None, date | None]:
        """The Action's dates: its own when set, else from its first to its last activity."""
        if self.start_on:
            return self.start_on, self.end_on
        if not self.activities:
            return None, None
        first = min(a.start_on for a in self.activities)
        return first, max(a.last_day for a in self.activities)

    def __repr__(self) -> str:
        return f"<Action {self.code}>"


class ActionStatusChange(db.Model):
    """One step of an Action's status history."""

    __tablename__ = "action_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        sa.ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[ActionStatus | None] = mapped_column(enum_column(ActionStatus))
    to_status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(sa.Text)

    action: Mapped[Action] = relationship(back_populates="history")
    by: Mapped[User | None] = relationship()


class ActionDocument(db.Model):
    """A PDF attached to an Action (terms of reference, assessment report, ...)."""

    __tablename__ = "action_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        sa.ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[DocumentKind] = mapped_column(enum_column(DocumentKind))
    title: Mapped[str | None] = mapped_column(sa.String(200))
    filename: Mapped[str] = mapped_column(sa.String(255))  # as uploaded, for the download name
    path: Mapped[str] = mapped_column(sa.String(255))  # under UPLOAD_DIR, never user-chosen
    size: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )

    action: Mapped[Action] = relationship(back_populates="documents")
    uploaded_by: Mapped[User | None] = relationship()


class Activity(db.Model):
    """Something an Action does on given dates: a workshop, a webinar, an assessment mission."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        sa.ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind))
    format: Mapped[ActivityFormat] = mapped_column(enum_column(ActivityFormat))
    title: Mapped[str] = mapped_column(sa.String(200))
    start_on: Mapped[date] = mapped_column(index=True)
    end_on: Mapped[date | None]
    place: Mapped[str | None] = mapped_column(sa.String(200))
    participants: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    action: Mapped[Action] = relationship(back_populates="activities")
    assignments: Mapped[list["Assignment"]] = relationship(  # noqa: F821
        back_populates="activity", order_by="Assignment.id"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def last_day(self) -> date:
        return self.end_on or self.start_on
