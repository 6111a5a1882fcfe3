"""A notification for one person, and each person's digest preference."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db


class Notification(db.Model):
    """Something happened that concerns a person; `params` fill the kind's message."""

    __tablename__ = "notification"
    __table_args__ = (sa.Index("ix_notification_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(48))
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    link: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[datetime | None]

    @property
    def text(self) -> str:
        """The message in the reader's language (escaped by the template, never marked safe)."""
        from roster.notifications.kinds import message_for

        return message_for(self.kind, self.params or {})


class DigestFrequency(enum.StrEnum):
    NEVER = "never"
    DAILY = "daily"
    WEEKLY = "weekly"


class NotificationSettings(db.Model):
    """How often a person gets the e-mail digest, and when the last one went out."""

    __tablename__ = "notification_settings"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[DigestFrequency] = mapped_column(
        enum_column(DigestFrequency, length=8), default=DigestFrequency.WEEKLY
    )
    last_digest_at: Mapped[datetime | None]
