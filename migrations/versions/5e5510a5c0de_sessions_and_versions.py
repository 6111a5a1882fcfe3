"""sessions and versions

Server-side sessions (user_session: one row per signed-in browser, named by its cookies);
two-factor secrets encrypted at rest (the column widens to hold a Fernet token, and the
secrets stored in clear are encrypted when the app's key is at hand, else on next use);
a version column on every record edited through a form that had none (partner institutions,
evaluations, themes, regions, countries), so that a stale edit is refused.

Revision ID: 5e5510a5c0de
Revises: ee0e8668c93c
Create Date: 2026-12-05 09:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5e5510a5c0de"
down_revision = "ee0e8668c93c"
branch_labels = None
depends_on = None

VERSIONED = ("partner_institution", "evaluation", "theme", "region", "country")


def upgrade():
    op.create_table(
        "user_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("ip", sa.String(length=45), nullable=True),
        sa.Column("user_agent", sa.String(length=255), nullable=True),
        sa.Column("remember", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_user_session_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_session_token_hash")),
    )
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_session_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=64),
            type_=sa.String(length=255),
            existing_nullable=True,
        )
    _encrypt_clear_secrets()

    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )


def _encrypt_clear_secrets() -> None:
    """Encrypt the two-factor secrets stored in clear, with the app's key (under `flask db
    upgrade`); without an app at hand they stay readable and are encrypted on next use."""
    from flask import has_app_context

    if not has_app_context():
        return
    from roster.core.crypto import FERNET_PREFIX, encrypt_secret

    conn = op.get_bind()
    user = sa.table("user", sa.column("id", sa.Integer), sa.column("totp_secret", sa.String))
    rows = conn.execute(
        sa.select(user.c.id, user.c.totp_secret).where(user.c.totp_secret.is_not(None))
    )
    for user_id, secret in rows.all():
        if secret and not secret.startswith(FERNET_PREFIX):
            conn.execute(
                user.update().where(user.c.id == user_id).values(totp_secret=encrypt_secret(secret))
            )


def downgrade():
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")

    # Secrets go back into clear text so that the older app can read them.
    from flask import has_app_context

    if has_app_context():
        from roster.core.crypto import FERNET_PREFIX, decrypt_secret

        conn = op.get_bind()
        user = sa.table("user", sa.column("id", sa.Integer), sa.column("totp_secret", sa.String))
        rows = conn.execute(sa.select(user.c.id, user.c.totp_secret))
        for user_id, secret in rows.all():
            if secret and secret.startswith(FERNET_PREFIX):
                conn.execute(
                    user.update()
                    .where(user.c.id == user_id)
                    .values(totp_secret=decrypt_secret(secret))
                )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=255),
            type_=sa.String(length=64),
            existing_nullable=True,
        )

    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_session_user_id"))
    op.drop_table("user_session")
