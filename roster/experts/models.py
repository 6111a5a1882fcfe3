"""Expert profiles: who they are, what they know, where and when they can work."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching import DEPTHS, LEVELS
from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db
from roster.taxonomy.models import Country, Theme


class Status(enum.StrEnum):
    DRAFT = "draft"  # registered, profile not yet submitted
    APPLIED = "applied"
    APPROVED = "approved"
    REJECTED = "rejected"
    INACTIVE = "inactive"


class EmployerType(enum.StrEnum):
    MEMBER_STATE = "member_state"
    INTERNATIONAL_ORG = "international_org"
    ACADEMIA = "academia"
    CIVIL_SOCIETY = "civil_society"
    PRIVATE = "private"
    PARTNER_ADMIN = "partner_admin"
    INDEPENDENT = "independent"
    OTHER = "other"


# Depths and CEFR levels, and their order, are the matching library's.
Depth = enum.StrEnum("Depth", [(name.upper(), name) for name in DEPTHS], module=__name__)


def level_rank(level: str) -> int:
    """Order CEFR levels so that a minimum level can be compared (stored: 0 for A1)."""
    return LEVELS.index(level) if level in LEVELS else -1


class Expert(db.Model):
    __tablename__ = "expert"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), unique=True
    )
    first_name: Mapped[str] = mapped_column(sa.String(100), default="")
    last_name: Mapped[str] = mapped_column(sa.String(100), default="")
    email: Mapped[str | None] = mapped_column(sa.String(254), index=True)
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    nationality: Mapped[str | None] = mapped_column(sa.String(2))
    employer: Mapped[str | None] = mapped_column(sa.String(200))
    employer_type: Mapped[EmployerType | None] = mapped_column(enum_column(EmployerType))
    position: Mapped[str | None] = mapped_column(sa.String(200))
    years_experience: Mapped[int | None]
    biography: Mapped[str | None] = mapped_column(sa.Text)
    days_per_year: Mapped[int | None]

    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.DRAFT, index=True)
    submitted_at: Mapped[datetime | None]
    joined_on: Mapped[date | None] = mapped_column(index=True)  # the approval date
    vetting_note: Mapped[str | None] = mapped_column(sa.Text)
    vetted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))

    consent_at: Mapped[datetime | None]
    erasure_requested_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]

    cv_path: Mapped[str | None] = mapped_column(sa.String(255))
    cv_filename: Mapped[str | None] = mapped_column(sa.String(255))
    cv_size: Mapped[int | None]
    cv_uploaded_at: Mapped[datetime | None]
    cv_text: Mapped[str | None] = mapped_column(sa.Text)

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    themes: Mapped[list["ExpertTheme"]] = relationship(
        back_populates="expert", cascade="all, delete-orphan"
    )
    languages: Mapped[list["ExpertLanguage"]] = relationship(
        back_populates="expert", cascade="all, delete-orphan"
    )
    countries: Mapped[list["ExpertCountry"]] = relationship(
        back_populates="expert", cascade="all, delete-orphan"
    )
    unavailability: Mapped[list["Unavailability"]] = relationship(
        back_populates="expert", cascade="all, delete-orphan", order_by="Unavailability.start"
    )

    # A second writer of a stale copy gets StaleDataError instead of overwriting silently.
    __mapper_args__ = {"version_id_col": version}

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def __repr__(self) -> str:
        return f"<Expert {self.id} {self.name}>"


class ExpertTheme(db.Model):
    __tablename__ = "expert_theme"

    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True
    )
    depth: Mapped[Depth] = mapped_column(enum_column(Depth, 16), default=Depth.WORKING)

    expert: Mapped[Expert] = relationship(back_populates="themes")
    theme: Mapped[Theme] = relationship(lazy="joined")


class ExpertLanguage(db.Model):
    __tablename__ = "expert_language"

    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(sa.String(3), primary_key=True)  # ISO 639-1 (or -3)
    level: Mapped[str] = mapped_column(sa.String(6))  # A1..C2 or native
    level_rank: Mapped[int] = mapped_column(sa.SmallInteger, default=0, index=True)

    expert: Mapped[Expert] = relationship(back_populates="languages")

    @sa.orm.validates("level")
    def _keep_rank(self, _key: str, level: str) -> str:
        self.level_rank = level_rank(level)
        return level


class ExpertCountry(db.Model):
    __tablename__ = "expert_country"

    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True
    )
    country_code: Mapped[str] = mapped_column(sa.ForeignKey("country.code"), primary_key=True)

    expert: Mapped[Expert] = relationship(back_populates="countries")
    country: Mapped[Country] = relationship(lazy="joined")


class Unavailability(db.Model):
    __tablename__ = "unavailability"

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("expert.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[date]
    end: Mapped[date]
    note: Mapped[str | None] = mapped_column(sa.String(200))

    expert: Mapped[Expert] = relationship(back_populates="unavailability")


class ImportJob(db.Model):
    """A CSV import of experts run by staff; large files run in the background."""

    __tablename__ = "import_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    filename: Mapped[str] = mapped_column(sa.String(255), default="")
    # queued, running, done or failed
    status: Mapped[str] = mapped_column(sa.String(16), default="queued")
    total_rows: Mapped[int] = mapped_column(default=0)
    processed_rows: Mapped[int] = mapped_column(default=0)
    created_count: Mapped[int] = mapped_column(default=0)
    updated_count: Mapped[int] = mapped_column(default=0)
    failed_count: Mapped[int] = mapped_column(default=0)
    report: Mapped[str | None] = mapped_column(sa.Text)  # JSON list of {"line", "reason"}
    error: Mapped[str | None] = mapped_column(sa.Text)

    @property
    def percent(self) -> int:
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 100
