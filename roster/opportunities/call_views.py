"""Open calls for staff: publish one from an activity, see who is interested and close it,
telling every interested expert the outcome."""

from datetime import date, timedelta

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from matching import DEFAULT_MIN_LEVEL
from roster.actions.fields import themes_by_slug
from roster.actions.models import Activity
from roster.audit import record
from roster.auth.permissions import can_manage_calls, require
from roster.core.time import utcnow
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db
from roster.opportunities import services
from roster.opportunities.forms import LABELS, CallForm, CloseForm
from roster.opportunities.mails import mail_outcome, notify_outcome
from roster.opportunities.models import CallStatus, Interest, OpenCall, Outcome

NOTICE = timedelta(days=14)  # the default deadline: two weeks before the activity


@login_required
def calls():
    """Every call, open first, with how many experts expressed interest."""
    require(can_manage_calls)
    found = db.session.scalars(
        sa.select(OpenCall)
        .options(selectinload(OpenCall.activity).selectinload(Activity.action))
        .order_by(OpenCall.status.desc(), OpenCall.deadline.desc(), OpenCall.id.desc())
    ).all()
    counts = services.interest_counts(c.id for c in found)
    return render_template("opportunities/calls.html", calls=found, counts=counts, **LABELS)


def _defaults(activity: Activity) -> dict:
    """A call's first draft from its activity and Action; an activity already past leaves
    the dates for staff to give (a call is for work still ahead)."""
    action = activity.action
    ahead = activity.start_on > date.today() + NOTICE
    return {
        "title": activity.title,
        "expected": activity.notes or "",
        "themes": [t.slug for t in action.themes],
        "languages": [
            {"code": code, "level": DEFAULT_MIN_LEVEL} for code in (action.languages or [])
        ],
        "country_code": action.country_code,
        "start_on": activity.start_on if ahead else None,
        "end_on": activity.end_on if ahead else None,
        "deadline": activity.start_on - NOTICE if ahead else None,
    }


@login_required
def create_call(activity_id: int):
    """Publish an open call for an activity."""
    activity = db.get_or_404(Activity, activity_id)
    require(can_manage_calls)
    if request.method == "GET":
        form = CallForm(formdata=None, data=_defaults(activity))
    else:
        form = CallForm()
    if form.validate_on_submit():
        call = OpenCall(
            activity=activity,
            title=form.title.data,
            expected=form.expected.data,
            country_code=form.country_code.data or None,
            languages=form.language_levels(),
            start_on=form.start_on.data,
            end_on=form.end_on.data,
            deadline=form.deadline.data,
            published_by_id=current_user.id,
        )
        call.themes = themes_by_slug(form.themes.data or [])
        db.session.add(call)
        db.session.flush()
        record("call_published", target=call, detail=call.title)
        db.session.commit()
        flash(_("The call is published: experts see it ranked for their profile."), "success")
        return redirect(url_for("opportunities.call_detail", call_id=call.id))
    page = render_template("opportunities/call_edit.html", form=form, activity=activity)
    return page, 400 if form.errors else 200


def _close_form(call: OpenCall, formdata=True) -> CloseForm:
    form = CloseForm() if formdata else CloseForm(formdata=None, obj=call)
    form.selected.choices = [(i.id, i.expert.name) for i in call.interests]
    return form


def _staff_page(call: OpenCall, form: CloseForm, status: int = 200):
    page = render_template(
        "opportunities/call_detail.html",
        call=call,
        form=form,
        find_args=services.find_experts_args(call),
        **LABELS,
    )
    return page, status


@login_required
def call_detail(call_id: int):
    """A call for staff: its requirements, every expert's interest and note, closing it."""
    call = db.get_or_404(
        OpenCall, call_id, options=[selectinload(OpenCall.interests).selectinload(Interest.expert)]
    )
    require(can_manage_calls)
    return _staff_page(call, _close_form(call, formdata=False))


@login_required
def close_call(call_id: int):
    """Close a call: record who was selected, tell everyone who was interested."""
    call = db.get_or_404(OpenCall, call_id)
    require(can_manage_calls)
    if call.status == CallStatus.CLOSED:
        flash(_("This call is already closed."), "info")
        return redirect(url_for("opportunities.call_detail", call_id=call.id))
    form = _close_form(call)
    if not form.validate_on_submit() or stale(call, form):
        return _staff_page(call, form, status_of(form, 400))
    chosen = set(form.selected.data or [])
    now = utcnow()
    call.status, call.outcome = CallStatus.CLOSED, form.outcome.data
    call.closed_at, call.closed_by_id = now, current_user.id
    for interest in call.interests:
        interest.outcome = Outcome.SELECTED if interest.id in chosen else Outcome.NOT_SELECTED
        interest.notified_at = now
    notify_outcome(call)
    record("call_closed", target=call, detail=f"{len(chosen)} selected of {len(call.interests)}")
    if not commit_or_conflict(form):
        return _staff_page(call, form, status_of(form))
    failed = mail_outcome(call)
    told = len(call.interests) - failed
    flash(_("The call is closed; %(count)d experts were told the outcome.", count=told), "success")
    if failed:
        flash(
            _("%(count)d mails could not be sent: tell those experts another way.", count=failed),
            "warning",
        )
    return redirect(url_for("opportunities.call_detail", call_id=call.id))
