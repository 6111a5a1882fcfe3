"""Actions over the API (staff only): the filtered list, one Action with activities and team,
and status changes (an illegal move answers 409)."""

from datetime import UTC, datetime

import sqlalchemy as sa
from flask import request, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.actions.models import Action, Assignment
from roster.actions.queries import action_filters_from_args, action_query
from roster.actions.states import ActionStatus
from roster.actions.workflow import (
    ACTION_TRANSITIONS,
    TransitionError,
    allowed_targets,
    change_action_status,
)
from roster.api.errors import abort_api
from roster.api.params import page_params
from roster.api.views import bp
from roster.auth.permissions import can_manage_actions
from roster.extensions import db
from roster.i18n import country_codes
from roster.taxonomy.models import Region, Theme

LIST_PARAMS = {"status", "region", "country", "theme", "year", "q", "page", "per_page", "lang"}


def _iso(value) -> str | None:
    # Timestamps are stored as naive UTC: give them their offset, as RFC 3339 (OpenAPI) wants.
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat() if value is not None else None


def _bad(name: str, message: str):
    abort_api(
        400,
        "bad_request",
        _("Bad parameter '%(name)s': %(message)s", name=name, message=message),
        parameters={name: str(message)},
    )


def _staff_only() -> None:
    if not can_manage_actions(current_user):
        abort_api(403, "forbidden", _("Only staff may read Actions."))


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
        "start_on": _iso(action.start_on),
        "end_on": _iso(action.end_on),
        "concluded_on": _iso(action.concluded_on),
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
        "start_on": _iso(start),
        "end_on": _iso(end),
        "invited_at": _iso(a.invited_at),
        "answered_at": _iso(a.answered_at),
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
                "at": _iso(h.at),
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
                "start_on": _iso(act.start_on),
                "end_on": _iso(act.end_on),
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


def _check_list_args() -> None:
    for name in request.args:
        if name not in LIST_PARAMS:
            _bad(name, _("Unknown parameter."))
        if len(request.args.getlist(name)) > 1:
            _bad(name, _("Give this parameter at most once."))


@bp.get("/actions")
def actions():
    """List the Actions, filtered as on the staff page, one page at a time (staff only)."""
    _staff_only()
    _check_list_args()
    filters, errors = action_filters_from_args(request.args)
    if errors:
        name, message = next(iter(errors.items()))
        _bad(name, str(message))
    if filters.country and filters.country not in country_codes():
        _bad("country", _("Unknown country code."))
    if filters.region and not db.session.scalar(
        sa.select(Region.id).where(Region.slug == filters.region)
    ):
        _bad("region", _("Unknown region."))
    if filters.theme and not db.session.scalar(
        sa.select(Theme.id).where(Theme.slug == filters.theme)
    ):
        _bad("theme", _("Unknown theme."))
    page, per_page = page_params(request.args)
    result = db.paginate(
        action_query(filters), page=page, per_page=per_page, error_out=False, count=True
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


@bp.get("/actions/<int:action_id>")
def action(action_id: int):
    """Show one Action with its activities and team (staff only)."""
    _staff_only()
    return action_details(_load(action_id))


@bp.post("/actions/<int:action_id>/status")
def action_status(action_id: int):
    """Move an Action to another status: {"status": ..., "note": ...} (staff only)."""
    _staff_only()
    found = _load(action_id)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort_api(400, "bad_request", _('Send a JSON object such as {"status": "concluded"}.'))
    status, note = body.get("status"), body.get("note")
    if status not in {s.value for s in ActionStatus}:
        _bad("status", _("Unknown status."))
    if note is not None and (not isinstance(note, str) or len(note) > 2000):
        _bad("note", _("Give a text of at most 2000 characters."))
    try:
        change_action_status(found, ActionStatus(status), current_user, note=note)
    except TransitionError as exc:
        abort_api(409, "conflict", str(exc))
    db.session.commit()
    return action_details(found)
