"""An expert's assignments and evaluations, for the staff's page of that expert."""

import sqlalchemy as sa
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.actions.models import Assignment
from roster.auth.permissions import can_view_evaluations
from roster.extensions import db


def assignment_history(expert) -> list[Assignment]:
    """The expert's assignments, newest first, with evaluations loaded (staff only, else [])."""
    if not can_view_evaluations(current_user):
        return []
    return list(
        db.session.scalars(
            sa.select(Assignment)
            .where(Assignment.expert_id == expert.id)
            .options(
                selectinload(Assignment.action),
                selectinload(Assignment.activity),
                selectinload(Assignment.evaluation),
            )
            .order_by(Assignment.start_on.desc().nulls_last(), Assignment.id.desc())
        )
    )
