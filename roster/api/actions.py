"""Actions over the API (staff only): the filtered list, one Action with activities and team,
and status changes (an illegal move answers 409)."""

from functools import wraps

import sqlalchemy as sa
from flask import url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.actions.models import Action, Assignment
from roster.actions.queries import ActionFilters, action_query
from roster.actions.states import ActionStatus
from roster.actions.workflow import (
    ACTION_TRANSITIONS,
    TransitionError,
    allowed_targets,
    change_action_status,
)
from roster.api.base import abort_api, allowed_if, bp, errors, iso
from roster.api.schemas.actions import (
    ActionPageSchema,
    ActionSchema,
    ActionsQuery,
    ActionStatusChangeSchema,
)
from roster.auth.permissions import can_manage_actions
from roster.extensions import db

NOT_STAFF = (403, "The caller is not staff.")
NO_ACTION = (404, "No such Action.")
staff_only = allowed_if(can_manage_actions, _l("Only staff may read Actions."))


def action_summary(action: Action) -> dict:
    """The fields of one row of the Actions list."""
    region = action.region
    return {
        "id": action.id,
        "code": action.code,
        "title": action.title,
        "status": action.status.value,
        "country": action.country_code,
        "region": region.slug if region else None,
        "themes": [t.slug for t in action.themes],
        "languages": list(action.languages or []),
        "partners": [{"id": p.id, "name": p.name} for p in action.partners],
        "start_on": iso(action.start_on),
        "end_on": iso(action.end_on),
        "concluded_on": iso(action.concluded_on),
        "url": url_for("api.action", action_id=action.id),
    }


def _team_member(a: Assignment) -> dict:
    # Evaluations are left out on purpose: they are read on the staff pages only.
    start, end = a.period()
    return {
        "id": a.id,
        "expert": {"id": a.expert_id, "name": a.expert.name},
        "activity_id": a.activity_id,
        "state": a.state.value,
        "role": a.role,
        "days": float(a.days) if a.days is not None else None,
        "start_on": iso(start),
        "end_on": iso(end),
        "invited_at": iso(a.invited_at),
        "answered_at": iso(a.answered_at),
    }


def action_details(action: Action) -> dict:
    """One Action with its summary text, status history, activities and team."""
    return {
        **action_summary(action),
        "summary": action.summary,
        "allowed_statuses": [
            s.value for s in allowed_targets(ACTION_TRANSITIONS, action.status, current_user)
        ],
        "history": [
            {
                "from": h.from_status.value if h.from_status else None,
                "to": h.to_status.value,
                "at": iso(h.at),
                "note": h.note,
            }
            for h in action.history
        ],
        "activities": [
            {
                "id": act.id,
                "title": act.title,
                "kind": act.kind.value,
                "format": act.format.value,
                "start_on": iso(act.start_on),
                "end_on": iso(act.end_on),
                "place": act.place,
                "participants": act.participants,
                "notes": act.notes,
            }
            for act in action.activities
        ],
        "team": [_team_member(a) for a in action.assignments],
        "documents": [
            {"id": d.id, "kind": d.kind.value, "title": d.title, "filename": d.filename}
            for d in action.documents
        ],
    }


@staff_only
@bp.arguments(ActionsQuery, location="query")
@bp.response(200, ActionPageSchema, description="One page of Actions.")
@errors(400, 401, NOT_STAFF)
def actions(query: dict):
    """The Actions, filtered as on the staff page and paginated (staff only)."""
    page, per_page = query.pop("page"), query.pop("per_page")
    result = db.paginate(
        action_query(ActionFilters(**query)),
        page=page,
        per_page=per_page,
        error_out=False,
        count=True,
    )
    return {
        "items": [action_summary(a) for a in result.items],
        "total": result.total,
        "page": page,
        "per_page": per_page,
        "pages": result.pages,
    }


def _load(action_id: int) -> Action:
    found = db.session.scalar(
        sa.select(Action)
        .where(Action.id == action_id)
        .options(
            selectinload(Action.activities),
            selectinload(Action.assignments).selectinload(Assignment.expert),
            selectinload(Action.history),
        )
    )
    if found is None:
        abort_api(404, "not_found", _("No Action with this id."))
    return found


@staff_only
@bp.response(200, ActionSchema, description="The Action.")
@errors(401, NOT_STAFF, NO_ACTION)
def action(action_id: int):
    """One Action with its history, activities and team (staff only)."""
    return action_details(_load(action_id))


def _loaded_first(view):
    # Load, then read the body: an unknown Action is a 404 whatever was sent.
    @wraps(view)
    def loaded(*args, action_id: int, **kwargs):
        return view(*args, action=_load(action_id), **kwargs)

    return loaded


@staff_only
@_loaded_first
@bp.arguments(ActionStatusChangeSchema)
@bp.response(200, ActionSchema, description="The Action after the change.")
@errors(
    (400, "Not a JSON object, an unknown status or a bad note."),
    401,
    NOT_STAFF,
    NO_ACTION,
    (409, "The Action cannot move to that status from its current one."),
)
def action_status(change: dict, action: Action):
    """Move an Action to another status (staff only)."""
    try:
        change_action_status(
            action, ActionStatus(change["status"]), current_user, note=change.get("note")
        )
    except TransitionError as exc:
        abort_api(409, "conflict", str(exc))
    db.session.commit()
    return action_details(action)
