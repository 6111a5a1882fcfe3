"""The team of an Action: shortlist, invite, double bookings, completion, evaluation;
and the expert's own invitations page, where they answer."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from roster.actions.activities.views import render_detail
from roster.actions.models import Action, Activity, Assignment, Evaluation
from roster.actions.notify import send_invitation
from roster.actions.states import AssignmentState
from roster.actions.team.forms import (
    AnswerForm,
    CompleteForm,
    ConfirmOverlapForm,
    EvaluationForm,
    InviteForm,
    RemoveForm,
)
from roster.actions.team.section import shortlist_form
from roster.actions.workflow import TransitionError, answer, complete, confirm_overlap, invite
from roster.audit import record
from roster.auth.permissions import (
    can_answer_invitation,
    can_manage_actions,
    can_view_evaluations,
    require,
)
from roster.core.time import utcnow
from roster.core.versions import (
    commit_or_conflict,
    conflict_message,
    is_current,
    stale,
    status_of,
)
from roster.experts.models import Expert, Status
from roster.extensions import db
from roster.mail import MailNotSent

S = AssignmentState


def _back(assignment: Assignment):
    return redirect(
        url_for("actions.detail", action_id=assignment.action_id, _anchor=f"a{assignment.id}")
    )


def _load_assignment(assignment_id: int) -> Assignment:
    assignment = db.get_or_404(Assignment, assignment_id)
    require(can_manage_actions)
    return assignment


def shortlist(action_id: int):
    """Put an approved expert on the Action's shortlist."""
    action = db.get_or_404(Action, action_id)
    require(can_manage_actions)
    form = shortlist_form(action)
    if not form.validate_on_submit():
        return render_detail(action, 400, shortlist=form)
    expert = db.session.get(Expert, form.expert_id.data)
    if expert is None or expert.status != Status.APPROVED or expert.erased_at is not None:
        flash(_("Only approved experts can be shortlisted."), "danger")
        return render_detail(action, 400, shortlist=form)
    activity = None
    if form.activity_id.data:
        activity = db.session.get(Activity, int(form.activity_id.data))
        if activity is None or activity.action_id != action.id:
            abort(400)
    duplicate = db.session.scalar(
        sa.select(Assignment.id).where(
            Assignment.action_id == action.id,
            Assignment.expert_id == expert.id,
            Assignment.activity_id.is_(None)
            if activity is None
            else Assignment.activity_id == activity.id,
        )
    )
    if duplicate:
        flash(_("%(name)s is already on the team for this.", name=expert.name), "warning")
        return redirect(url_for("actions.detail", action_id=action.id, _anchor=f"a{duplicate}"))
    assignment = Assignment(
        expert=expert,
        action=action,
        activity=activity,
        role=form.role.data or None,
        start_on=form.start_on.data,
        end_on=form.end_on.data,
        proposed_by_id=current_user.id,
        state=S.PROPOSED,
    )
    db.session.add(assignment)
    db.session.commit()
    flash(_("%(name)s shortlisted.", name=expert.name), "success")
    return _back(assignment)


def invite_expert(assignment_id: int):
    """Invite a shortlisted expert by e-mail (refused on a double booking unless confirmed)."""
    assignment = _load_assignment(assignment_id)
    form = InviteForm(prefix=f"a{assignment.id}-invite")
    if not form.validate_on_submit():
        abort(400)
    try:
        invite(assignment, current_user, confirm_overlap=form.confirm_overlap.data)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return render_detail(assignment.action, 409, bound={assignment.id: {"invite": form}})
    record("assignment_invite", assignment.expert, assignment.action.code)
    # One transaction: the change is written (and its version checked) first, the mail goes
    # out, then the commit; a refused mail undoes the change, so no one is marked invited
    # without having been mailed.
    try:
        db.session.flush()
        send_invitation(assignment)
    except StaleDataError:
        db.session.rollback()
        flash(conflict_message(), "danger")
        return _back(assignment)
    except MailNotSent:
        db.session.rollback()
        flash(
            _("The invitation could not be mailed, so nothing changed. Try again later."), "danger"
        )
        return _back(assignment)
    if commit_or_conflict():
        flash(_("%(name)s invited by e-mail.", name=assignment.expert.name), "success")
    return _back(assignment)


def remove_from_shortlist(assignment_id: int):
    """Take a shortlisted (not yet invited) expert off the Action."""
    assignment = _load_assignment(assignment_id)
    form = RemoveForm(prefix=f"a{assignment.id}-remove")
    if not form.validate_on_submit():
        abort(400)
    if assignment.state != S.PROPOSED:
        flash(_("Only a shortlisted expert who was not invited can be removed."), "danger")
        return _back(assignment)
    action_id = assignment.action_id
    db.session.delete(assignment)
    db.session.commit()
    flash(_("Removed from the shortlist."), "success")
    return redirect(url_for("actions.detail", action_id=action_id, _anchor="team"))


def confirm_double_booking(assignment_id: int):
    """Staff confirm that the expert may be booked twice over the same days."""
    assignment = _load_assignment(assignment_id)
    form = ConfirmOverlapForm(prefix=f"a{assignment.id}-confirm")
    if not form.validate_on_submit():
        abort(400)
    confirm_overlap(assignment, current_user)
    if commit_or_conflict():
        flash(_("Double booking confirmed."), "success")
    return _back(assignment)


def complete_assignment(assignment_id: int):
    """Mark an accepted assignment completed, with the days worked."""
    assignment = _load_assignment(assignment_id)
    form = CompleteForm(prefix=f"a{assignment.id}-complete")
    if not form.validate_on_submit():
        return render_detail(assignment.action, 400, bound={assignment.id: {"complete": form}})
    try:
        complete(assignment, current_user, form.days.data)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return render_detail(assignment.action, 409, bound={assignment.id: {"complete": form}})
    if commit_or_conflict():
        flash(_("Assignment completed."), "success")
    return _back(assignment)


def evaluate(assignment_id: int):
    """Record or edit staff's evaluation of an expert's completed assignment."""
    assignment = db.get_or_404(Assignment, assignment_id)
    require(can_view_evaluations)
    if assignment.state != S.COMPLETED:
        flash(_("An assignment is evaluated once it is completed."), "warning")
        return _back(assignment)
    evaluation = assignment.evaluation
    form = EvaluationForm(obj=evaluation)
    if request.method == "GET":
        form.version.data = str(evaluation.version if evaluation is not None else 0)
        if evaluation is not None:
            form.rating.data = str(evaluation.rating)
    if form.validate_on_submit() and not stale(evaluation, form):
        if evaluation is None:
            evaluation = Evaluation(assignment=assignment)
            db.session.add(evaluation)
        evaluation.rating = int(form.rating.data)
        evaluation.comment = form.comment.data or None
        evaluation.by_id = current_user.id
        evaluation.at = utcnow()
        record("evaluation", assignment.expert, f"{assignment.action.code}: {evaluation.rating}")
        if commit_or_conflict(form):
            flash(_("Evaluation saved."), "success")
            return _back(assignment)
    page = render_template("actions/evaluate.html", form=form, assignment=assignment)
    return page, status_of(form)


def _my_expert() -> Expert | None:
    return db.session.scalar(sa.select(Expert).where(Expert.user_id == current_user.id))


def _invitations_page(expert: Expert | None, bound: dict | None = None, status_code: int = 200):
    assignments = []
    if expert is not None:
        assignments = db.session.scalars(
            sa.select(Assignment)
            .where(Assignment.expert_id == expert.id, Assignment.state != S.PROPOSED)
            .options(selectinload(Assignment.action), selectinload(Assignment.activity))
            .order_by(Assignment.invited_at.desc().nulls_last(), Assignment.id.desc())
        ).all()
    forms = {
        a.id: (bound or {}).get(a.id) or AnswerForm(prefix=f"a{a.id}", formdata=None)
        for a in assignments
        if a.state in (S.INVITED, S.ACCEPTED)  # an accepted assignment can still be withdrawn
    }
    for a in assignments:
        if a.id in forms and not forms[a.id].version.data:
            forms[a.id].version.data = a.version
    pending = [a for a in assignments if a.state == S.INVITED]
    others = [a for a in assignments if a.state != S.INVITED]
    return (
        render_template(
            "actions/my_invitations.html",
            expert=expert,
            pending=pending,
            others=others,
            forms=forms,
        ),
        status_code,
    )


@login_required
def my_invitations():
    """Show the signed-in expert their invitations and assignments."""
    return _invitations_page(_my_expert())


@login_required
def answer_invitation(assignment_id: int):
    """Accept or decline one of my invitations, with an optional comment."""
    assignment = db.get_or_404(Assignment, assignment_id)
    if not can_answer_invitation(current_user, assignment):
        abort(404)  # the same answer as a missing id: other people's invitations stay unseen
    form = AnswerForm(prefix=f"a{assignment.id}")
    expert = assignment.expert
    if not form.validate_on_submit() or not (form.accept.data or form.decline.data):
        return _invitations_page(expert, {assignment.id: form}, 400)
    # An answer, not an edit (the workflow refuses a second one); a version sent from the
    # page must still be the current one.
    if form.version.data and not is_current(form, assignment.version):
        flash(_("This invitation changed in the meantime; please check it again."), "danger")
        return _invitations_page(expert, status_code=409)
    was_accepted = assignment.state == S.ACCEPTED
    try:
        answer(assignment, current_user, accept=bool(form.accept.data), comment=form.comment.data)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return _invitations_page(expert, {assignment.id: form}, 409)
    if commit_or_conflict():
        if assignment.state == S.ACCEPTED:
            flash(_("Thank you: you accepted the invitation."), "success")
        elif was_accepted:
            flash(_("You withdrew from this assignment."), "success")
        else:
            flash(_("You declined the invitation. Thank you for letting us know."), "success")
    return redirect(url_for("actions.my_invitations"))
