"""Partner institutions: the public bodies that ask the facility for support."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db
from roster.taxonomy.models import Country


class InstitutionKind(enum.StrEnum):
    MINISTRY = "ministry"
    AGENCY = "agency"
    REGIONAL_BODY = "regional_body"
    OMBUDSPERSON = "ombudsperson"
    OTHER = "other"


class PartnerInstitution(db.Model):
    """A partner country's institution, or a regional body placed at its seat's country."""

    __tablename__ = "partner_institution"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    acronym: Mapped[str | None] = mapped_column(sa.String(30))
    country_code: Mapped[str] = mapped_column(sa.ForeignKey("country.code"), index=True)
    kind: Mapped[InstitutionKind] = mapped_column(
        enum_column(InstitutionKind, length=16),
        default=InstitutionKind.MINISTRY,
    )
    contacts: Mapped[str | None] = mapped_column(sa.Text)
    website: Mapped[str | None] = mapped_column(sa.String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    country: Mapped[Country] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}  # a stale edit fails, never overwrites

    def __repr__(self) -> str:
        return f"<PartnerInstitution {self.acronym or self.name}>"
