"""Who may move a request, an Action or an assignment from one state to the next, and the moves.

The tables below are the whole rule book: a transition not listed is refused. "staff" covers
staff and admins, "admin" only admins, "owner" the expert the assignment belongs to.
Helpers here add and flush; the view commits.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import _

from roster.actions.models import (
    Action,
    ActionStatusChange,
    Assignment,
    InstitutionKind,
    PartnerInstitution,
    Request,
)
from roster.actions.states import ActionStatus, AssignmentState, RequestStatus
from roster.actions.team.booking import conflicts
from roster.auth.permissions import is_admin, is_staff, owns_expert
from roster.core.numbers import parse_int
from roster.core.time import utcnow
from roster.extensions import db

R, A, S = RequestStatus, ActionStatus, AssignmentState

REQUEST_TRANSITIONS: dict[tuple[RequestStatus, RequestStatus], frozenset[str]] = {
    (R.RECEIVED, R.UNDER_ASSESSMENT): frozenset({"staff"}),
    (R.RECEIVED, R.ACCEPTED): frozenset({"staff"}),
    (R.RECEIVED, R.DECLINED): frozenset({"staff"}),
    (R.UNDER_ASSESSMENT, R.ACCEPTED): frozenset({"staff"}),
    (R.UNDER_ASSESSMENT, R.DECLINED): frozenset({"staff"}),
    (R.DECLINED, R.UNDER_ASSESSMENT): frozenset({"staff"}),  # reopened, e.g. after new facts
}

ACTION_TRANSITIONS: dict[tuple[ActionStatus, ActionStatus], frozenset[str]] = {
    (A.PLANNED, A.NEEDS_ASSESSMENT): frozenset({"staff"}),
    (A.PLANNED, A.IMPLEMENTATION): frozenset({"staff"}),
    (A.NEEDS_ASSESSMENT, A.PLANNED): frozenset({"staff"}),
    (A.NEEDS_ASSESSMENT, A.IMPLEMENTATION): frozenset({"staff"}),
    (A.IMPLEMENTATION, A.NEEDS_ASSESSMENT): frozenset({"staff"}),
    (A.IMPLEMENTATION, A.CONCLUDED): frozenset({"staff"}),
    # Reopening a concluded Action changes the reported figures: admins only.
    (A.CONCLUDED, A.IMPLEMENTATION): frozenset({"admin"}),
}

ASSIGNMENT_TRANSITIONS: dict[tuple[AssignmentState, AssignmentState], frozenset[str]] = {
    (S.PROPOSED, S.INVITED): frozenset({"staff"}),
    (S.DECLINED, S.INVITED): frozenset({"staff"}),  # invited again, e.g. for new dates
    (S.INVITED, S.ACCEPTED): frozenset({"owner"}),
    (S.INVITED, S.DECLINED): frozenset({"owner"}),
    (S.ACCEPTED, S.DECLINED): frozenset({"owner"}),  # the expert withdraws
    (S.ACCEPTED, S.COMPLETED): frozenset({"staff"}),
}


class TransitionError(Exception):
    """A move the rule book does not allow, or that the data does not support; says why."""


@dataclass(frozen=True)
class Move:
    target: str
    label: str


def roles_of(user, expert=None) -> set[str]:
    """The roles the rule book knows that this user holds (towards this expert)."""
    roles = set()
    if is_staff(user):
        roles.add("staff")
    if is_admin(user):
        roles.add("admin")
    if expert is not None and owns_expert(user, expert):
        roles.add("owner")
    return roles


def may(table: dict, current, target, user, expert=None) -> bool:
    """Whether the table allows this user to move from current to target."""
    who = table.get((current, target))
    return bool(who and who & roles_of(user, expert))


def allowed_targets(table: dict, current, user, expert=None) -> list:
    """The states this user may move to from current, in the table's order."""
    return [t for (s, t) in table if s == current and may(table, s, t, user, expert)]


def _check(table: dict, current, target, user, expert=None) -> None:
    if (current, target) not in table:
        raise TransitionError(
            _(
                "This cannot go from “%(current)s” to “%(target)s”.",
                current=current.label,
                target=target.label,
            )
        )
    if not may(table, current, target, user, expert):
        raise TransitionError(_("You are not allowed to make this change."))


# Requests ---------------------------------------------------------------------------------


def assess_request(req: Request, user) -> None:
    """Put a request under assessment (or reopen a declined one)."""
    _check(REQUEST_TRANSITIONS, req.status, R.UNDER_ASSESSMENT, user)
    req.status = R.UNDER_ASSESSMENT
    req.decline_reason = None
    req.decided_on = None


def decline_request(req: Request, user, reason: str) -> None:
    """Decline a request; the reason is kept for the partner's answer and the reports."""
    _check(REQUEST_TRANSITIONS, req.status, R.DECLINED, user)
    if not (reason or "").strip():
        raise TransitionError(_("Give the reason for declining."))
    req.status = R.DECLINED
    req.decline_reason = reason.strip()
    req.decided_on = date.today()
    req.decided_by_id = user.id


def accept_request(req: Request, user, title: str | None = None) -> Action:
    """Accept a request and create its Action from the request's data."""
    _check(REQUEST_TRANSITIONS, req.status, R.ACCEPTED, user)
    if not req.country_code:
        raise TransitionError(_("Set the request's country before accepting it."))
    year = date.today().year
    action = Action(
        code=next_action_code(req.country_code, year),
        title=(title or req.display_title)[:200],
        summary=req.text,
        country_code=req.country_code,
        languages=list(req.languages or []),
        status=A.PLANNED,
    )
    action.themes = list(req.themes)
    partner = req.partner or request_partner(req)
    if partner is not None:
        req.partner = partner
        action.partners = [partner]
    db.session.add(action)
    action.history.append(
        ActionStatusChange(from_status=None, to_status=A.PLANNED, by_id=user.id, at=utcnow())
    )
    req.status = R.ACCEPTED
    req.action = action
    req.decided_on = date.today()
    req.decided_by_id = user.id
    db.session.flush()
    return action


def partner_named(name: str | None) -> PartnerInstitution | None:
    """The partner institution of that name, whatever its case."""
    name = (name or "").strip()
    if not name:
        return None
    return db.session.scalar(
        sa.select(PartnerInstitution).where(sa.func.lower(PartnerInstitution.name) == name.lower())
    )


def request_partner(req: Request) -> PartnerInstitution | None:
    """The partner institution a request names by its typed name: the known one of that name,
    else a new one made from the request (its country and contact), so its Action has one."""
    name = (req.institution_name or "").strip()
    if not name:
        return None
    known = partner_named(name)
    if known is not None:
        return known
    contact = [req.contact_name, req.contact_position, req.contact_email, req.contact_phone]
    partner = PartnerInstitution(
        name=name[:200],
        country_code=req.country_code,
        kind=InstitutionKind.OTHER,  # a request does not say: staff set it on the partner page
        contacts="\n".join(c for c in contact if c) or None,
    )
    db.session.add(partner)
    return partner


def next_action_code(country_code: str, year: int) -> str:
    """The next free code for a country and year: KZ-2021-01, KZ-2021-02, ..."""
    prefix = f"{country_code.upper()}-{year}-"
    codes = db.session.scalars(sa.select(Action.code).where(Action.code.startswith(prefix)))
    numbers = [n for n in (parse_int(c.removeprefix(prefix)) for c in codes) if n is not None]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


# Actions ----------------------------------------------------------------------------------


def change_action_status(
    action: Action, target: ActionStatus, user, note: str | None = None, at: datetime | None = None
) -> ActionStatusChange:
    """Move an Action to a new status and record the step in its history."""
    _check(ACTION_TRANSITIONS, action.status, target, user)
    when = at or utcnow()
    change = ActionStatusChange(
        from_status=action.status, to_status=target, by_id=user.id, note=note or None, at=when
    )
    action.history.append(change)
    action.status = target
    action.concluded_on = when.date() if target == A.CONCLUDED else None
    return change


# Assignments ------------------------------------------------------------------------------


def overlap_message(assignment: Assignment) -> str | None:
    """Why this booking clashes with the expert's other commitments, or None."""
    found = conflicts(assignment)
    if not found:
        return None
    return _(
        "%(name)s is already booked on overlapping dates: %(what)s.",
        name=assignment.expert.name,
        what="; ".join(c.describe() for c in found),
    )


def invite(assignment: Assignment, user, confirm_overlap: bool = False) -> None:
    """Invite a shortlisted expert, unless the dates clash and staff did not confirm."""
    _check(ASSIGNMENT_TRANSITIONS, assignment.state, S.INVITED, user, assignment.expert)
    clash = overlap_message(assignment)
    if clash and not confirm_overlap:
        raise TransitionError(
            clash + " " + _("Tick “confirm despite overlap” to invite all the same.")
        )
    if clash:
        _record_overlap(assignment, user)
    assignment.state = S.INVITED
    assignment.invited_at = utcnow()
    assignment.answered_at = None


def confirm_overlap(assignment: Assignment, user) -> None:
    """Staff accept that this expert is booked twice over the same days."""
    if not is_staff(user):
        raise TransitionError(_("You are not allowed to make this change."))
    _record_overlap(assignment, user)


def _record_overlap(assignment: Assignment, user) -> None:
    assignment.confirmed_overlap_by_id = user.id
    assignment.confirmed_overlap_at = utcnow()


def answer(assignment: Assignment, user, accept: bool, comment: str | None = None) -> None:
    """The expert accepts or declines their invitation, with an optional comment."""
    target = S.ACCEPTED if accept else S.DECLINED
    _check(ASSIGNMENT_TRANSITIONS, assignment.state, target, user, assignment.expert)
    if accept and assignment.confirmed_overlap_by_id is None:
        clash = overlap_message(assignment)
        if clash:
            raise TransitionError(
                clash + " " + _("Please contact the team, who can confirm the double booking.")
            )
    assignment.state = target
    assignment.comment = (comment or "").strip() or None
    assignment.answered_at = utcnow()


def complete(assignment: Assignment, user, days: Decimal | None) -> None:
    """Mark an accepted assignment done, with the days worked."""
    _check(ASSIGNMENT_TRANSITIONS, assignment.state, S.COMPLETED, user, assignment.expert)
    if days is None or days <= 0:
        raise TransitionError(_("Give the number of days worked."))
    assignment.state = S.COMPLETED
    assignment.days = days
    assignment.completed_at = utcnow()
