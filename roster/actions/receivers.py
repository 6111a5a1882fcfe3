"""The Actions' answers to what experts announce (see roster/experts/signals.py): their share of
a person's copy of their data, and of an erasure; and to what auth asks of a partner's focal
point (roster/auth/signals.py): their name with their institution's, for the communities."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.actions.models import Assignment, Evaluation, PartnerInstitution
from roster.actions.ranking.service import forget_index
from roster.auth.models import PartnerFocalPoint
from roster.auth.signals import profiles_of, users_named
from roster.core.after_commit import after_commit
from roster.experts.models import Expert
from roster.experts.signals import expert_erased, personal_data_asked
from roster.extensions import db


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _assignments(expert: Expert) -> list[Assignment]:
    return db.session.scalars(
        sa.select(Assignment)
        .where(Assignment.expert_id == expert.id)
        .options(
            selectinload(Assignment.action),
            selectinload(Assignment.activity),
            selectinload(Assignment.evaluation),
        )
        .order_by(Assignment.created_at, Assignment.id)
    ).all()


def work_data(expert: Expert, **_) -> dict:
    """The person's assignments and invitations, their own comments, and the ratings of their
    completed work (staff's written remarks and who rated stay out: see docs/privacy.md)."""
    rows = []
    for a in _assignments(expert):
        start, end = a.period()
        rows.append(
            {
                "action": {"code": a.action.code, "title": a.action.title},
                "activity": a.activity.title if a.activity else None,
                "state": a.state.value,
                "role": a.role,
                "days": float(a.days) if a.days is not None else None,
                "start": _iso(start),
                "end": _iso(end),
                "invited_at": _iso(a.invited_at),
                "answered_at": _iso(a.answered_at),
                "completed_at": _iso(a.completed_at),
                "comment": a.comment,
                "evaluation": {"rating": a.evaluation.rating, "at": _iso(a.evaluation.at)}
                if a.evaluation is not None
                else None,
            }
        )
    return {"assignments": rows}


def forget_work(expert: Expert, **_) -> None:
    """Keep the assignments and ratings (the figures), not the words about or by the person;
    drop every copy of the ranking index, which holds their texts, once this commits."""
    for a in _assignments(expert):
        a.comment = a.role = None
        if a.evaluation is not None:
            a.evaluation.comment = None
    if expert.user_id is not None:  # remarks they wrote as staff, if they ever were
        for evaluation in db.session.scalars(
            sa.select(Evaluation).where(Evaluation.by_id == expert.user_id)
        ):
            evaluation.comment = None
    after_commit(db.session, forget_index)


@dataclass(frozen=True)
class FocalPointName:
    """How a focal point is named to others: "Ana Pérez — Dirección General de Migración"."""

    id: int  # the account's: a focal point has no profile row of its own
    person_name: str  # alone, for a mention handle (@ana-perez)
    institution: str

    @property
    def name(self) -> str:
        return f"{self.person_name} — {self.institution}"


def focal_points_of_users(_sender, user_ids, **_) -> dict[int, FocalPointName]:
    """The name and institution of each of these accounts that is a named focal point."""
    if not user_ids:
        return {}
    rows = db.session.execute(
        sa.select(PartnerFocalPoint.user_id, PartnerFocalPoint.name, PartnerInstitution.name)
        .join(PartnerInstitution, PartnerInstitution.id == PartnerFocalPoint.partner_id)
        .where(PartnerFocalPoint.user_id.in_(user_ids), PartnerFocalPoint.name != "")
    )
    return {uid: FocalPointName(uid, name, institution) for uid, name, institution in rows}


def focal_points_named(_sender, pattern: str, **_) -> sa.Select:
    """The focal points whose own name matches a lower-case LIKE pattern."""
    return sa.select(PartnerFocalPoint.user_id).where(
        sa.func.lower(PartnerFocalPoint.name).like(pattern)
    )


def connect() -> None:
    """Answer the experts' signals, and auth's questions about focal points."""
    personal_data_asked.connect(work_data)
    expert_erased.connect(forget_work)
    profiles_of.connect(focal_points_of_users)
    users_named.connect(focal_points_named)
