"""Partner requests for support: how they came in, what they ask, how they were triaged."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.actions.states import RequestSource, RequestStatus, SupportKind
from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db
from roster.taxonomy.models import Country, Theme

request_theme = sa.Table(
    "request_theme",
    db.metadata,
    sa.Column("request_id", sa.ForeignKey("request.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("theme_id", sa.ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
)


class Request(db.Model):
    """A partner institution's request for support (typed in by staff or sent from the site)."""

    __tablename__ = "request"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A known partner, or (public submissions) the institution and contact as typed.
    partner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("partner_institution.id", ondelete="SET NULL"), index=True
    )
    institution_name: Mapped[str | None] = mapped_column(sa.String(200))
    contact_name: Mapped[str | None] = mapped_column(sa.String(200))
    contact_email: Mapped[str | None] = mapped_column(sa.String(254))
    contact_phone: Mapped[str | None] = mapped_column(sa.String(40))
    contact_position: Mapped[str | None] = mapped_column(sa.String(200))
    country_code: Mapped[str | None] = mapped_column(sa.ForeignKey("country.code"), index=True)
    title: Mapped[str | None] = mapped_column(sa.String(200))
    text: Mapped[str] = mapped_column(sa.Text)
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)  # ISO 639-1 codes
    support_kind: Mapped[SupportKind | None] = mapped_column(enum_column(SupportKind))
    source: Mapped[RequestSource] = mapped_column(
        enum_column(RequestSource), default=RequestSource.DIRECT, index=True
    )
    source_detail: Mapped[str | None] = mapped_column(sa.String(200))
    received_on: Mapped[date] = mapped_column(default=date.today, index=True)
    status: Mapped[RequestStatus] = mapped_column(
        enum_column(RequestStatus), default=RequestStatus.RECEIVED, index=True
    )
    decline_reason: Mapped[str | None] = mapped_column(sa.Text)
    decided_on: Mapped[date | None]
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    action_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("action.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    partner: Mapped["PartnerInstitution | None"] = relationship()  # noqa: F821
    country: Mapped[Country | None] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary=request_theme, order_by=Theme.slug)
    action: Mapped["Action | None"] = relationship(back_populates="requests")  # noqa: F821
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def institution(self) -> str:
        """The institution's name, whether a known partner or typed in."""
        return self.partner.name if self.partner else (self.institution_name or "")

    @property
    def display_title(self) -> str:
        return self.title or self.text.split("\n", 1)[0][:80]

    def __repr__(self) -> str:
        return f"<Request {self.id} {self.status}>"
