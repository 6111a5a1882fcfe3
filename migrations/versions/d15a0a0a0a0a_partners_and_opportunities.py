"""partners and opportunities

Partner focal points (a partner account's institution); open calls published from an
activity, with their themes; experts' interest in them; each expert's threshold for the
digest's suggestions.

Revision ID: d15a0a0a0a0a
Revises: e14e14e14e14
Create Date: 2026-12-05 12:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d15a0a0a0a0a"
down_revision = "e14e14e14e14"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "partner_focal_point",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invited_by_id"],
            ["user.id"],
            name=op.f("fk_partner_focal_point_invited_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner_institution.id"],
            name=op.f("fk_partner_focal_point_partner_id_partner_institution"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_partner_focal_point_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_partner_focal_point")),
    )
    with op.batch_alter_table("partner_focal_point", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_focal_point_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "open_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "closed", name="callstatus", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_open_call_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["user.id"],
            name=op.f("fk_open_call_closed_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_open_call_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["user.id"],
            name=op.f("fk_open_call_published_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open_call")),
    )
    with op.batch_alter_table("open_call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_open_call_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_open_call_deadline"), ["deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_open_call_published_at"), ["published_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_open_call_status"), ["status"], unique=False)

    op.create_table(
        "open_call_theme",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["open_call.id"],
            name=op.f("fk_open_call_theme_call_id_open_call"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_open_call_theme_theme_id_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("call_id", "theme_id", name=op.f("pk_open_call_theme")),
    )

    op.create_table(
        "call_interest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum("selected", "not_selected", name="outcome", native_enum=False, length=16),
            nullable=True,
        ),
        sa.Column("notified_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["open_call.id"],
            name=op.f("fk_call_interest_call_id_open_call"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["expert.id"],
            name=op.f("fk_call_interest_expert_id_expert"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_interest")),
        sa.UniqueConstraint("call_id", "expert_id", name=op.f("uq_call_interest_call_id_expert_id")),
    )
    with op.batch_alter_table("call_interest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_interest_call_id"), ["call_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_call_interest_expert_id"), ["expert_id"], unique=False)

    op.create_table(
        "opportunity_preference",
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("digest_threshold", sa.Integer(), server_default="50", nullable=False),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["expert.id"],
            name=op.f("fk_opportunity_preference_expert_id_expert"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("expert_id", name=op.f("pk_opportunity_preference")),
    )


def downgrade():
    op.drop_table("opportunity_preference")
    with op.batch_alter_table("call_interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_interest_expert_id"))
        batch_op.drop_index(batch_op.f("ix_call_interest_call_id"))
    op.drop_table("call_interest")
    op.drop_table("open_call_theme")
    with op.batch_alter_table("open_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_open_call_status"))
        batch_op.drop_index(batch_op.f("ix_open_call_published_at"))
        batch_op.drop_index(batch_op.f("ix_open_call_deadline"))
        batch_op.drop_index(batch_op.f("ix_open_call_activity_id"))
    op.drop_table("open_call")
    with op.batch_alter_table("partner_focal_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_focal_point_partner_id"))
    op.drop_table("partner_focal_point")
