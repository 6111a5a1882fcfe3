"""focal point names

A partner focal point's own name (given when staff invite them; the communities sign their
posts with it and their institution), and when they asked for the erasure of their data.

Revision ID: d15c0c0c0c0c
Revises: d15b0b0b0b0b
Create Date: 2026-12-06 12:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d15c0c0c0c0c"
down_revision = "d15b0b0b0b0b"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("partner_focal_point", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("erasure_requested_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("partner_focal_point", schema=None) as batch_op:
        batch_op.drop_column("erasure_requested_at")
        batch_op.drop_column("name")
