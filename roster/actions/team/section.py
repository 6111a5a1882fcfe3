"""What the team section of an Action's page needs: rows with their forms, expert search."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import request
from sqlalchemy.orm import selectinload

from roster.actions.fields import options
from roster.actions.models import Action, Assignment
from roster.actions.states import AssignmentState
from roster.actions.team.booking import Conflict, conflicts
from roster.actions.team.forms import (
    CompleteForm,
    ConfirmOverlapForm,
    InviteForm,
    RemoveForm,
    ShortlistForm,
)
from roster.experts.models import Expert, Status
from roster.extensions import db

S = AssignmentState
MAX_CANDIDATES = 20


@dataclass
class TeamRow:
    assignment: Assignment
    conflicts: list[Conflict]
    forms: dict = field(default_factory=dict)


def row_forms(assignment: Assignment, clashes: list[Conflict]) -> dict:
    """The forms a row offers in its state (prefixed by the assignment so ids stay unique)."""
    prefix = f"a{assignment.id}"
    forms: dict = {}
    if assignment.state in (S.PROPOSED, S.DECLINED):
        forms["invite"] = InviteForm(prefix=prefix + "-invite")
    if assignment.state == S.PROPOSED:
        forms["remove"] = RemoveForm(prefix=prefix + "-remove")
    if (
        assignment.state in (S.INVITED, S.ACCEPTED)
        and clashes
        and assignment.confirmed_overlap_by_id is None
    ):
        forms["confirm"] = ConfirmOverlapForm(prefix=prefix + "-confirm")
    if assignment.state == S.ACCEPTED:
        forms["complete"] = CompleteForm(prefix=prefix + "-complete")
    return forms


def search_candidates(action: Action, q: str) -> list[Expert]:
    """Approved experts whose name matches every word of q (at most MAX_CANDIDATES)."""
    words = q.lower().split()[:4]
    if not words:
        return []
    stmt = sa.select(Expert).where(Expert.status == Status.APPROVED, Expert.erased_at.is_(None))
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Expert.first_name).like(pattern, escape="\\"),
                sa.func.lower(Expert.last_name).like(pattern, escape="\\"),
            )
        )
    stmt = stmt.order_by(Expert.last_name, Expert.first_name).limit(MAX_CANDIDATES)
    return list(
        db.session.scalars(
            stmt.options(selectinload(Expert.themes), selectinload(Expert.languages))
        )
    )


def shortlist_form(action: Action) -> ShortlistForm:
    """The shortlist form with the Action's activities to choose from."""
    form = ShortlistForm(prefix="shortlist")
    form.activity_id.choices = options(
        [("", "—")]
        + [(str(a.id), f"{a.start_on.isoformat()} · {a.title}") for a in action.activities]
    )
    return form


def team_context(action: Action, bound: dict | None = None, shortlist=None) -> dict:
    """Rows of the team, the expert search and the shortlist form, for the Action's page.

    `bound` maps an assignment id to {form name: a submitted form with errors}, so that a
    form that failed comes back with what was typed and its messages.
    """
    bound = bound or {}
    rows = []
    for assignment in action.assignments:
        clashes = conflicts(assignment) if assignment.state != S.COMPLETED else []
        forms = row_forms(assignment, clashes)
        forms.update(bound.get(assignment.id, {}))
        rows.append(TeamRow(assignment, clashes, forms))
    q = (request.args.get("q") or "").strip()[:100]
    return {
        "team": rows,
        "q": q,
        "candidates": search_candidates(action, q) if q else [],
        "on_team": {a.expert_id for a in action.assignments},
        "shortlist_form": shortlist or shortlist_form(action),
    }
