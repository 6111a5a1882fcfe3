"""Threads and their posts: edit history, attached files, reports, who follows a thread."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.auth.models import User
from roster.communities.models.community import Community
from roster.core.time import utcnow
from roster.extensions import db


class Thread(db.Model):
    """A conversation in a community: a title, a first post and the replies."""

    __tablename__ = "community_thread"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str | None] = mapped_column(sa.String(8))  # the thread's language
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_post_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    locked_at: Mapped[datetime | None]

    community: Mapped[Community] = relationship()
    author: Mapped[User | None] = relationship()
    posts: Mapped[list["Post"]] = relationship(
        back_populates="thread",
        cascade="all, delete-orphan",
        order_by="(Post.created_at, Post.id)",
    )

    @property
    def name(self) -> str:
        """The title, as the audit log names the record."""
        return self.title

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


class Post(db.Model):
    """A message in Markdown (stored as typed, shown sanitised); hidden by a moderator or
    emptied at its author's erasure, it keeps its place so that the thread reads on."""

    __tablename__ = "community_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_thread.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    hidden_at: Mapped[datetime | None]
    hidden_reason: Mapped[str | None] = mapped_column(sa.String(500))
    removed_at: Mapped[datetime | None]  # its author's data was erased
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    thread: Mapped[Thread] = relationship(back_populates="posts")
    author: Mapped[User | None] = relationship()
    revisions: Mapped[list["PostRevision"]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostRevision.id"
    )
    attachments: Mapped[list["PostAttachment"]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostAttachment.id"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def name(self) -> str:
        """The thread's title and the post's number, as the audit log names the record."""
        return f"{self.thread.title} (#{self.id})"

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


class PostRevision(db.Model):
    """The text a post had before an edit."""

    __tablename__ = "community_post_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_post.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(sa.Text)
    written_at: Mapped[datetime]  # when this text was written (the post's or last edit's time)
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="revisions")


class PostAttachment(db.Model):
    """A file attached to a post, checked by its content and stored under a random name."""

    __tablename__ = "community_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_post.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(sa.String(255))
    stored_name: Mapped[str] = mapped_column(sa.String(64))
    content_type: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="attachments")


class PostReport(db.Model):
    """A member's report of a post to the moderators."""

    __tablename__ = "community_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_post.id", ondelete="CASCADE"), index=True
    )
    reporter_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(sa.String(1000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]

    post: Mapped[Post] = relationship()


class ThreadFollow(db.Model):
    """A person hears about each new reply in a thread."""

    __tablename__ = "community_follow"

    thread_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_thread.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
