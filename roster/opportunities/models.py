"""Open calls, the experts' interest in them, and each expert's threshold for suggestions."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.actions.models import Activity
from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.experts.models import Expert
from roster.extensions import db
from roster.taxonomy.models import Country, Theme

call_theme = sa.Table(
    "open_call_theme",
    db.metadata,
    sa.Column("call_id", sa.ForeignKey("open_call.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("theme_id", sa.ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
)

DEFAULT_THRESHOLD = 50  # percent: the digest suggests calls that fit at least this well


class CallStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(enum.StrEnum):
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"


class OpenCall(db.Model):
    """A call for experts on one activity: what it needs, until when, and how it ended."""

    __tablename__ = "open_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        sa.ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    expected: Mapped[str] = mapped_column(sa.Text)  # what the expert is expected to do
    country_code: Mapped[str | None] = mapped_column(sa.ForeignKey("country.code"))
    languages: Mapped[dict] = mapped_column(sa.JSON, default=dict)  # code -> minimum level
    start_on: Mapped[date]
    end_on: Mapped[date | None]
    deadline: Mapped[date] = mapped_column(index=True)
    status: Mapped[CallStatus] = mapped_column(
        enum_column(CallStatus, length=8), default=CallStatus.OPEN, index=True
    )
    outcome: Mapped[str | None] = mapped_column(sa.Text)  # the message sent when closed
    published_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    published_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1)

    activity: Mapped[Activity] = relationship()
    country: Mapped[Country | None] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary=call_theme, order_by=Theme.slug)
    interests: Mapped[list["Interest"]] = relationship(
        back_populates="call", cascade="all, delete-orphan", order_by="Interest.created_at"
    )
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])

    __mapper_args__ = {"version_id_col": version}  # a stale edit fails, never overwrites

    @property
    def is_open(self) -> bool:
        """Open and before its deadline: experts may still say they are interested."""
        return self.status == CallStatus.OPEN and date.today() <= self.deadline

    @property
    def last_day(self) -> date:
        return self.end_on or self.start_on

    def __repr__(self) -> str:
        return f"<OpenCall {self.id} {self.status}>"


class Interest(db.Model):
    """An expert's "I am interested" in a call, with their note, and the outcome they heard."""

    __tablename__ = "call_interest"
    __table_args__ = (sa.UniqueConstraint("call_id", "expert_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(
        sa.ForeignKey("open_call.id", ondelete="CASCADE"), index=True
    )
    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome, length=16))
    notified_at: Mapped[datetime | None]

    call: Mapped[OpenCall] = relationship(back_populates="interests")
    expert: Mapped[Expert] = relationship()


class OpportunityPreference(db.Model):
    """How well a call must fit (in percent) before the digest suggests it to the expert."""

    __tablename__ = "opportunity_preference"

    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True
    )
    digest_threshold: Mapped[int] = mapped_column(
        default=DEFAULT_THRESHOLD, server_default=str(DEFAULT_THRESHOLD)
    )
