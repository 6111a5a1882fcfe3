"""text embeddings

The text models' vectors of profile texts, one row per (sha256 of the text, model version), so
that a restart, a new worker or an unchanged profile never encodes a text again.

Revision ID: e14e14e14e14
Revises: f75ea4c40de1
Create Date: 2026-12-05 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "e14e14e14e14"
down_revision = "f75ea4c40de1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "text_embedding",
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=80), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.Column("dims", sa.Integer(), nullable=False),
        sa.Column("vectors", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("text_hash", "model", name=op.f("pk_text_embedding")),
    )
    with op.batch_alter_table("text_embedding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_text_embedding_created_at"), ["created_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("text_embedding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_text_embedding_created_at"))
    op.drop_table("text_embedding")
