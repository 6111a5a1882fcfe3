"""Accounts, roles and personal API tokens."""

import enum
import hashlib
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db


class Role(enum.StrEnum):
    EXPERT = "expert"
    STAFF = "staff"
    ADMIN = "admin"
    PARTNER = "partner"  # a focal point of one partner institution (PartnerFocalPoint)


class User(UserMixin, db.Model):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True, index=True)
    password_hash: Mapped[str | None] = mapped_column(sa.String(256))
    role: Mapped[Role] = mapped_column(
        enum_column(Role, length=16),
        default=Role.EXPERT,
    )
    is_active_account: Mapped[bool] = mapped_column(default=True)
    confirmed_at: Mapped[datetime | None]
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Two-factor sign-in (TOTP): the shared secret (encrypted at rest: see totp_secret), and
    # the last time step accepted so that a code cannot be used twice. Never exported,
    # logged or audited.
    totp_secret_stored: Mapped[str | None] = mapped_column("totp_secret", sa.String(255))
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger)
    two_factor_enabled_at: Mapped[datetime | None]

    tokens: Mapped[list["ApiToken"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    sessions: Mapped[list["UserSession"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )
    focal_point: Mapped["PartnerFocalPoint | None"] = relationship(
        back_populates="user",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="PartnerFocalPoint.user_id",
    )

    # The signed-in session being started (see roster.auth.sessions): get_id() names it, so
    # that the session cookie and the remember-me cookie end when its row is deleted.
    session_token = ""

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    @property
    def totp_secret(self) -> str | None:
        """The two-factor secret in clear (the column holds it encrypted)."""
        from roster.core.crypto import decrypt_secret

        stored = self.totp_secret_stored
        return decrypt_secret(stored) if stored else None

    @totp_secret.setter
    def totp_secret(self, secret: str | None) -> None:
        from roster.core.crypto import encrypt_secret

        self.totp_secret_stored = encrypt_secret(secret) if secret else None

    def get_id(self) -> str:
        # "id:token": the cookies name one server-side session (a UserSession row), so
        # signing out, a password or second-factor change, or an admin's "end sessions"
        # ends them wherever they were copied to.
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.is_active_account

    @property
    def two_factor_enabled(self) -> bool:
        return bool(self.totp_secret)

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.STAFF, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def partner_id(self) -> int | None:
        """The partner institution a focal point speaks for (None for every other account)."""
        if self.role != Role.PARTNER or self.focal_point is None:
            return None
        return self.focal_point.partner_id

    @property
    def is_erased(self) -> bool:
        """Erased with its expert profile (experts/privacy.py): the audit log says "removed"."""
        return self.email.endswith("@invalid.example")

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class ApiToken(db.Model):
    """A personal token; only its hash is stored, the secret is shown once."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens")

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        """Create a token for user; returns it and the secret to show once."""
        secret = "rst_" + secrets.token_urlsafe(32)
        token = cls(user=user, name=name, token_hash=cls.hash(secret), prefix=secret[:10])
        return token, secret


class RecoveryCode(db.Model):
    """A one-time code that replaces the second factor; only its hash is stored."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]


class LoginFailure(db.Model):
    """Consecutive failed sign-ins for one address from one client address, and any lock.

    Kept in the database so that every app host sees the same count. Keyed by the address
    typed, not the account, so that an unknown address locks the same way as a known one.
    """

    __tablename__ = "login_failure"
    __table_args__ = (sa.UniqueConstraint("email", "ip"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), index=True)
    ip: Mapped[str] = mapped_column(sa.String(45))
    failures: Mapped[int] = mapped_column(default=0, server_default="0")
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None]


class UserSession(db.Model):
    """One signed-in browser: the cookies name it, and it ends when its row is deleted.

    Only a hash of the cookie's token is kept; the device, address and last use are what the
    account page shows so that the user can recognise and end it.
    """

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ip: Mapped[str | None] = mapped_column(sa.String(45))
    user_agent: Mapped[str | None] = mapped_column(sa.String(255))
    remember: Mapped[bool] = mapped_column(default=False)

    user: Mapped[User] = relationship(back_populates="sessions")

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class PartnerFocalPoint(db.Model):
    """A partner account's institution: one each, several focal points per institution.

    The institution is the actions domain's table, named here by its key only (auth sits
    below actions and imports nothing from it). The person's name lives here, not on User:
    a focal point has no expert profile, and the communities sign their posts with it.
    """

    __tablename__ = "partner_focal_point"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(
        sa.ForeignKey("partner_institution.id", ondelete="CASCADE"), index=True
    )
    invited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    name: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    # Set when the focal point asks for the erasure of their data; staff confirm it.
    erasure_requested_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="focal_point", foreign_keys=[user_id])
