"""Events: a webinar or session with its time zone, format, registrations and materials."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.communities.models.community import Community
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db


class EventFormat(enum.StrEnum):
    ONLINE = "online"
    HYBRID = "hybrid"
    IN_PERSON = "in_person"


class Event(db.Model):
    """A session in a community. Times are stored in UTC; `timezone` (an IANA name) is the
    organisers' zone, in which the page and the calendar file state them."""

    __tablename__ = "community_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str | None] = mapped_column(sa.Text)
    starts_at: Mapped[datetime] = mapped_column(index=True)  # UTC
    ends_at: Mapped[datetime]  # UTC
    timezone: Mapped[str] = mapped_column(sa.String(64), default="UTC")
    format: Mapped[EventFormat] = mapped_column(
        enum_column(EventFormat, length=12), default=EventFormat.ONLINE
    )
    location: Mapped[str | None] = mapped_column(sa.String(300))
    join_url: Mapped[str | None] = mapped_column(sa.String(500))
    registration_open: Mapped[bool] = mapped_column(default=True)
    recording_url: Mapped[str | None] = mapped_column(sa.String(500))
    materials: Mapped[str | None] = mapped_column(sa.Text)  # Markdown, after the event
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    community: Mapped[Community] = relationship()
    registrations: Mapped[list["EventRegistration"]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def past(self) -> bool:
        return self.ends_at < utcnow()


class EventRegistration(db.Model):
    """A person registered for an event."""

    __tablename__ = "community_registration"
    __table_args__ = (sa.UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_event.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="registrations")
