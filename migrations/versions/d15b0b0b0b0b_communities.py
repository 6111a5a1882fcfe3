"""communities and notifications

Notifications in the service and each person's digest preference; communities with members,
threads, posts (with edit history, attachments and reports), follows and events.

Revision ID: d15b0b0b0b0b
Revises: d15a0a0a0a0a
Create Date: 2026-12-05 12:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d15b0b0b0b0b"
down_revision = "d15a0a0a0a0a"
branch_labels = None
depends_on = None


def _user_fk(table: str, column: str = "user_id", ondelete: str = "CASCADE"):
    return sa.ForeignKeyConstraint(
        [column], ["user.id"], name=op.f(f"fk_{table}_{column}_user"), ondelete=ondelete
    )


def _fk(table: str, column: str, referred: str, ondelete: str = "CASCADE"):
    return sa.ForeignKeyConstraint(
        [column],
        [f"{referred}.id"],
        name=op.f(f"fk_{table}_{column}_{referred}"),
        ondelete=ondelete,
    )


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade():
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=48), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        _user_fk("notification"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notification_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_notification_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index("ix_notification_user_read", ["user_id", "read_at"], unique=False)

    op.create_table(
        "notification_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "digest",
            sa.Enum(
                "never", "daily", "weekly", name="digestfrequency", native_enum=False, length=8
            ),
            nullable=False,
        ),
        sa.Column("last_digest_at", sa.DateTime(), nullable=True),
        _user_fk("notification_settings"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_notification_settings")),
    )

    op.create_table(
        "community",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("name_fr", sa.String(length=120), nullable=True),
        sa.Column("name_es", sa.String(length=120), nullable=True),
        sa.Column("description_en", sa.Text(), nullable=True),
        sa.Column("description_fr", sa.Text(), nullable=True),
        sa.Column("description_es", sa.Text(), nullable=True),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        _user_fk("community", "created_by_id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community")),
    )
    op.create_table(
        "community_membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("member", "moderator", name="memberrole", native_enum=False, length=12),
            nullable=False,
        ),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        _fk("community_membership", "community_id", "community"),
        _user_fk("community_membership"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_membership")),
        sa.UniqueConstraint(
            "community_id", "user_id", name=op.f("uq_community_membership_community_id_user_id")
        ),
    )
    _indexes("community_membership", "community_id", "user_id")
    op.create_table(
        "community_thread",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_post_at", sa.DateTime(), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        _fk("community_thread", "community_id", "community"),
        _user_fk("community_thread", "author_id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_thread")),
    )
    _indexes("community_thread", "community_id", "last_post_at")
    op.create_table(
        "community_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("edited_at", sa.DateTime(), nullable=True),
        sa.Column("hidden_at", sa.DateTime(), nullable=True),
        sa.Column("hidden_reason", sa.String(length=500), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        _fk("community_post", "thread_id", "community_thread"),
        _user_fk("community_post", "author_id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_post")),
    )
    _indexes("community_post", "thread_id", "author_id")
    op.create_table(
        "community_post_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        _fk("community_post_revision", "post_id", "community_post"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_post_revision")),
    )
    _indexes("community_post_revision", "post_id")
    op.create_table(
        "community_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=64), nullable=False),
        sa.Column("content_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        _fk("community_attachment", "post_id", "community_post"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_attachment")),
    )
    _indexes("community_attachment", "post_id")
    op.create_table(
        "community_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        _fk("community_report", "post_id", "community_post"),
        _user_fk("community_report", "reporter_id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_report")),
    )
    _indexes("community_report", "post_id")
    op.create_table(
        "community_follow",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("community_follow", "thread_id", "community_thread"),
        _user_fk("community_follow"),
        sa.PrimaryKeyConstraint("thread_id", "user_id", name=op.f("pk_community_follow")),
    )
    _indexes("community_follow", "user_id")
    op.create_table(
        "community_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column(
            "format",
            sa.Enum(
                "online", "hybrid", "in_person", name="eventformat", native_enum=False, length=12
            ),
            nullable=False,
        ),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("join_url", sa.String(length=500), nullable=True),
        sa.Column("registration_open", sa.Boolean(), nullable=False),
        sa.Column("recording_url", sa.String(length=500), nullable=True),
        sa.Column("materials", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        _fk("community_event", "community_id", "community"),
        _user_fk("community_event", "created_by_id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_event")),
    )
    _indexes("community_event", "community_id", "starts_at")
    op.create_table(
        "community_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        _fk("community_registration", "event_id", "community_event"),
        _user_fk("community_registration"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_registration")),
        sa.UniqueConstraint(
            "event_id", "user_id", name=op.f("uq_community_registration_event_id_user_id")
        ),
    )
    _indexes("community_registration", "event_id", "user_id")


def downgrade():
    for table in (
        "community_registration",
        "community_event",
        "community_follow",
        "community_report",
        "community_attachment",
        "community_post_revision",
        "community_post",
        "community_thread",
        "community_membership",
        "community",
    ):
        op.drop_table(table)
    op.drop_table("notification_settings")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index("ix_notification_user_read")
        batch_op.drop_index(batch_op.f("ix_notification_created_at"))
        batch_op.drop_index(batch_op.f("ix_notification_user_id"))
    op.drop_table("notification")
