"""Actions: the list with its filters, the page of one Action, its forms and status changes."""

from datetime import date, datetime, time

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.actions.activities.forms import ActionForm, DocumentForm, StatusForm
from roster.actions.fields import partners_by_id, themes_by_slug
from roster.actions.filters import ActionFilterForm
from roster.actions.models import Action, ActionStatusChange, Assignment
from roster.actions.queries import action_query
from roster.actions.states import ActionStatus
from roster.actions.team.section import team_context
from roster.actions.workflow import (
    ACTION_TRANSITIONS,
    TransitionError,
    allowed_targets,
    change_action_status,
    next_action_code,
)
from roster.auth.permissions import can_manage_actions, require
from roster.core.numbers import page_args
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db
from roster.taxonomy.models import Region, Theme


def status_form(action: Action) -> StatusForm:
    """The status form offering only the moves the current user may make from here."""
    form = StatusForm(prefix="status")
    # Every status is a valid choice for the form; the rule book then says whether the move
    # is allowed, with a message that names it (the page offers only the allowed ones).
    form.status.choices = ActionStatus.choices()
    form.allowed = allowed_targets(ACTION_TRANSITIONS, action.status, current_user)
    return form


def index():
    """List the Actions with filters by status, region, country, theme and year."""
    require(can_manage_actions)
    form = ActionFilterForm(request.args)
    filters, errors = form.clean(), form.messages()
    number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
    page = db.paginate(action_query(filters), page=number, per_page=per_page, error_out=False)
    regions = db.session.scalars(sa.select(Region)).all()
    themes = db.session.scalars(sa.select(Theme).where(Theme.active.is_(True))).all()
    return render_template(
        "actions/index.html",
        page=page,
        filters=filters,
        errors=errors,
        regions=sorted(regions, key=lambda r: r.label.lower()),
        themes=sorted(themes, key=lambda t: t.label.lower()),
        statuses=ActionStatus,
    )


def _fill(action: Action, form: ActionForm) -> None:
    for name in ("title", "summary", "country_code", "start_on", "end_on"):
        getattr(form, name).populate_obj(action, name)
    action.themes = themes_by_slug(form.themes.data or [])
    action.partners = partners_by_id(form.partners.data or [])
    action.languages = list(form.languages.data or [])


def create():
    """Create an Action directly (most are created by accepting a request)."""
    require(can_manage_actions)
    form = ActionForm()
    if form.validate_on_submit():
        year = form.start_on.data.year if form.start_on.data else date.today().year
        action = Action(
            code=next_action_code(form.country_code.data, year), status=ActionStatus.PLANNED
        )
        _fill(action, form)
        action.history.append(
            ActionStatusChange(from_status=None, to_status=ActionStatus.PLANNED, by=current_user)
        )
        db.session.add(action)
        db.session.commit()
        flash(_("Action %(code)s created.", code=action.code), "success")
        return redirect(url_for("actions.detail", action_id=action.id))
    return render_template("actions/edit.html", form=form, action=None)


def edit(action_id: int):
    """Edit an Action's overview."""
    action = db.get_or_404(Action, action_id)
    require(can_manage_actions)
    form = ActionForm(obj=action)
    if request.method == "GET":
        form.themes.data = [t.slug for t in action.themes]
        form.partners.data = [str(p.id) for p in action.partners]
        form.languages.data = list(action.languages or [])
    if form.validate_on_submit() and not stale(action, form):
        _fill(action, form)
        if commit_or_conflict(form):
            flash(_("Action %(code)s saved.", code=action.code), "success")
            return redirect(url_for("actions.detail", action_id=action.id))
    return render_template("actions/edit.html", form=form, action=action), status_of(form)


def render_detail(action: Action, status_code: int = 200, **forms):
    """Render an Action's page; forms passed in (bound, with errors) replace the blank ones."""
    context = team_context(
        action, bound=forms.pop("bound", None), shortlist=forms.pop("shortlist", None)
    )
    return (
        render_template(
            "actions/detail.html",
            action=action,
            status_form=forms.get("status_form") or status_form(action),
            document_form=forms.get("document_form") or DocumentForm(prefix="doc"),
            **context,
        ),
        status_code,
    )


def detail(action_id: int):
    """Show an Action: overview, status and history, documents, activities and team."""
    action = db.get_or_404(
        Action,
        action_id,
        options=[
            selectinload(Action.assignments).selectinload(Assignment.evaluation),
            selectinload(Action.activities),
        ],
    )
    require(can_manage_actions)
    return render_detail(action)


def change_status(action_id: int):
    """Move the Action to another status, recorded in its history."""
    action = db.get_or_404(Action, action_id)
    require(can_manage_actions)
    form = status_form(action)
    if not form.validate_on_submit():
        return render_detail(action, 400, status_form=form)
    target = ActionStatus(form.status.data)
    at = datetime.combine(form.on.data, time(12)) if form.on.data else None
    try:
        change_action_status(action, target, current_user, note=form.note.data, at=at)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return render_detail(action, 409, status_form=form)
    if commit_or_conflict():
        flash(_("Status changed to “%(status)s”.", status=target.label), "success")
    return redirect(url_for("actions.detail", action_id=action.id, _anchor="status"))
