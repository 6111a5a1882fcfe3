"""A community: its names and descriptions in three languages, open or closed, its members."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db

LANGUAGES = ("en", "fr", "es")


class MemberRole(enum.StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"


class Community(db.Model):
    """A place where partners, experts and staff exchange practice; closed ones are for
    members only, open ones for every expert too."""

    __tablename__ = "community"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(sa.String(120))
    name_fr: Mapped[str | None] = mapped_column(sa.String(120))
    name_es: Mapped[str | None] = mapped_column(sa.String(120))
    description_en: Mapped[str | None] = mapped_column(sa.Text)
    description_fr: Mapped[str | None] = mapped_column(sa.Text)
    description_es: Mapped[str | None] = mapped_column(sa.Text)
    is_open: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="community", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # a stale edit fails, never overwrites

    def name_in(self, lang: str | None) -> str:
        """The name in that language, else in English."""
        return getattr(self, f"name_{lang}", None) or self.name_en

    def description_in(self, lang: str | None) -> str:
        return getattr(self, f"description_{lang}", None) or self.description_en or ""

    @property
    def name(self) -> str:
        """The name in the reader's language (the audit log and templates read `name`)."""
        from flask_babel import get_locale

        try:
            lang = str(get_locale() or "en")
        except RuntimeError:  # outside a request
            lang = "en"
        return self.name_in(lang)

    def membership_of(self, user) -> "Membership | None":
        """The person's membership row (a removed member's too), or None."""
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        return db.session.scalar(
            sa.select(Membership).where(
                Membership.community_id == self.id, Membership.user_id == user.id
            )
        )

    def __repr__(self) -> str:
        return f"<Community {self.id} {self.name_en}>"


class Membership(db.Model):
    """A person in a community, as member or moderator; a removed member keeps the row (with
    removed_at) so that they cannot join an open community again on their own."""

    __tablename__ = "community_membership"
    __table_args__ = (sa.UniqueConstraint("community_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(
        enum_column(MemberRole, length=12), default=MemberRole.MEMBER
    )
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]

    community: Mapped[Community] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()

    @property
    def name(self) -> str:
        """Who in which community, as the audit log names the record."""
        from roster.communities.names import display_names

        person = display_names([self.user_id]).get(self.user_id, "")
        return f"{person} · {self.community.name_en}"

    @property
    def active(self) -> bool:
        return self.removed_at is None

    @property
    def is_moderator(self) -> bool:
        return self.active and self.role == MemberRole.MODERATOR
