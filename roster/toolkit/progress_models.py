"""What learners did: progress through a module, sections read, check attempts, certificates."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.auth.models import User
from roster.core.time import utcnow
from roster.extensions import db
from roster.toolkit.models import Module


class Progress(db.Model):
    """One learner's progress through one module, whatever language they read it in."""

    __tablename__ = "module_progress"
    __table_args__ = (sa.UniqueConstraint("user_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    module_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(8))  # the version last read
    last_position: Mapped[int] = mapped_column(default=1)  # where "resume" goes
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    completed_at: Mapped[datetime | None] = mapped_column(index=True)
    completed_language: Mapped[str | None] = mapped_column(sa.String(8))

    user: Mapped[User] = relationship()
    module: Mapped[Module] = relationship()
    reads: Mapped[list["SectionRead"]] = relationship(
        back_populates="progress", cascade="all, delete-orphan", order_by="SectionRead.position"
    )
    attempts: Mapped[list["Attempt"]] = relationship(
        back_populates="progress", cascade="all, delete-orphan", order_by="Attempt.id"
    )

    @property
    def read_positions(self) -> set[int]:
        return {r.position for r in self.reads}

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.attempts)

    @property
    def best_score(self) -> int | None:
        return max((a.score for a in self.attempts), default=None)


class SectionRead(db.Model):
    """A section marked as read, by its position (the same in every language version)."""

    __tablename__ = "module_section_read"

    progress_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module_progress.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8))
    read_at: Mapped[datetime] = mapped_column(default=utcnow)

    progress: Mapped[Progress] = relationship(back_populates="reads")


class Attempt(db.Model):
    """One try at a module's knowledge check: the answers given and the score."""

    __tablename__ = "module_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    progress_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module_progress.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(8))
    correct: Mapped[int]
    total: Mapped[int]
    score: Mapped[int]  # percent, rounded down
    passed: Mapped[bool]
    answers: Mapped[dict] = mapped_column(sa.JSON)  # {question_id: choice_id}
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)

    progress: Mapped[Progress] = relationship(back_populates="attempts")


class Certificate(db.Model):
    """Proof of completion, checked by anyone holding its code on the public page."""

    __tablename__ = "module_certificate"
    __table_args__ = (sa.UniqueConstraint("user_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(16), unique=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    module_id: Mapped[int] = mapped_column(sa.ForeignKey("module.id", ondelete="CASCADE"))
    holder_name: Mapped[str] = mapped_column(sa.String(200))  # as it stood at issue
    language: Mapped[str] = mapped_column(sa.String(8))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
    module: Mapped[Module] = relationship()

    @property
    def display_code(self) -> str:
        """The code in groups of four, easier to read aloud and type."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))
