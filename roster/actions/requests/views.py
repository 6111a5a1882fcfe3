"""Partner requests: the public form, the staff list and form, and the triage."""

from datetime import date

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user

from roster.actions.fields import partners_by_id, themes_by_slug
from roster.actions.filters import RequestFilterForm
from roster.actions.models import Request
from roster.actions.notify import send_request_confirmation
from roster.actions.queries import request_query
from roster.actions.requests.forms import (
    AcceptForm,
    AssessForm,
    DeclineForm,
    RequestSupportForm,
    StaffRequestForm,
)
from roster.actions.states import RequestSource, RequestStatus, SupportKind
from roster.actions.workflow import (
    REQUEST_TRANSITIONS,
    TransitionError,
    accept_request,
    allowed_targets,
    assess_request,
    decline_request,
    partner_named,
)
from roster.auth.permissions import can_manage_actions, require
from roster.core.access import public_page
from roster.core.numbers import page_args
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db, limiter

COMMON = ("contact_name", "contact_position", "contact_email", "contact_phone", "title", "text")


def _fill(req: Request, form) -> None:
    for name in (*COMMON, "institution_name"):
        setattr(req, name, getattr(form, name).data or None)
    req.country_code = form.country_code.data
    req.support_kind = SupportKind(form.support_kind.data) if form.support_kind.data else None
    req.themes = themes_by_slug(form.themes.data or [])
    req.languages = list(form.languages.data or [])


def _public_limit() -> str:
    return current_app.config.get("REQUEST_SUPPORT_RATE_LIMIT", "5 per hour")


@public_page
@limiter.limit(_public_limit, methods=["POST"])
def request_support():
    """The public form where a partner institution asks for support (no account needed)."""
    form = RequestSupportForm()
    if form.validate_on_submit():
        if form.website.data:
            # Only a bot fills the hidden field: answer as if all went well, keep nothing.
            return redirect(url_for("actions.request_thanks"))
        req = Request(source=RequestSource.WEBSITE_FORM, received_on=date.today())
        _fill(req, form)
        db.session.add(req)
        db.session.commit()
        send_request_confirmation(req)
        return redirect(url_for("actions.request_thanks"))
    return render_template("actions/request_support.html", form=form)


@public_page
def request_thanks():
    """Thank the requester and say what happens next."""
    return render_template("actions/request_thanks.html")


def requests():
    """List the partner requests with filters by status, source and year."""
    require(can_manage_actions)
    form = RequestFilterForm(request.args)
    filters, errors = form.clean(), form.messages()
    number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
    page = db.paginate(request_query(filters), page=number, per_page=per_page, error_out=False)
    return render_template(
        "actions/requests.html",
        page=page,
        filters=filters,
        errors=errors,
        statuses=RequestStatus,
        sources=RequestSource,
    )


def _staff_fill(req: Request, form: StaffRequestForm) -> None:
    _fill(req, form)
    partners = partners_by_id([form.partner_id.data]) if form.partner_id.data else []
    req.partner = partners[0] if partners else None
    req.source = RequestSource(form.source.data)
    req.source_detail = form.source_detail.data or None
    req.received_on = form.received_on.data


def create_request():
    """Record a request that came in by e-mail, at a meeting or an awareness session."""
    require(can_manage_actions)
    form = StaffRequestForm()
    if form.validate_on_submit():
        req = Request(created_by_id=current_user.id)
        _staff_fill(req, form)
        db.session.add(req)
        db.session.commit()
        flash(_("Request recorded."), "success")
        return redirect(url_for("actions.request_detail", request_id=req.id))
    return render_template("actions/request_edit.html", form=form, req=None)


def edit_request(request_id: int):
    """Correct or complete a request."""
    req = db.get_or_404(Request, request_id)
    require(can_manage_actions)
    form = StaffRequestForm(obj=req)
    if request.method == "GET":
        form.partner_id.data = str(req.partner_id or "")
        form.support_kind.data = req.support_kind.value if req.support_kind else ""
        form.source.data = req.source.value
        form.themes.data = [t.slug for t in req.themes]
        form.languages.data = list(req.languages or [])
    if form.validate_on_submit() and not stale(req, form):
        _staff_fill(req, form)
        if commit_or_conflict(form):
            flash(_("Request saved."), "success")
            return redirect(url_for("actions.request_detail", request_id=req.id))
    return render_template("actions/request_edit.html", form=form, req=req), status_of(form)


def _render_request(req: Request, status_code: int = 200, **forms):
    accept = forms.get("accept") or AcceptForm(prefix="accept", formdata=None)
    if not accept.title.data:
        accept.title.data = req.display_title
    return (
        render_template(
            "actions/request_detail.html",
            req=req,
            allowed=allowed_targets(REQUEST_TRANSITIONS, req.status, current_user),
            assess_form=AssessForm(prefix="assess", formdata=None),
            accept_form=accept,
            decline_form=forms.get("decline") or DeclineForm(prefix="decline", formdata=None),
        ),
        status_code,
    )


def request_detail(request_id: int):
    """Show a request and the triage decisions open to it."""
    req = db.get_or_404(Request, request_id)
    require(can_manage_actions)
    return _render_request(req)


def assess(request_id: int):
    """Start assessing the request (or reopen a declined one)."""
    req = db.get_or_404(Request, request_id)
    require(can_manage_actions)
    form = AssessForm(prefix="assess")
    if not form.validate_on_submit():
        return _render_request(req, 400)
    try:
        assess_request(req, current_user)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return _render_request(req, 409)
    if commit_or_conflict():
        flash(_("The request is under assessment."), "success")
    return redirect(url_for("actions.request_detail", request_id=req.id))


def accept(request_id: int):
    """Accept the request and create its Action from the request's data."""
    req = db.get_or_404(Request, request_id)
    require(can_manage_actions)
    form = AcceptForm(prefix="accept")
    if not form.validate_on_submit():
        return _render_request(req, 400, accept=form)
    # A request from an institution not yet a partner makes it one (see accept_request).
    adds_partner = req.partner is None and partner_named(req.institution_name) is None
    try:
        action = accept_request(req, current_user, title=form.title.data)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return _render_request(req, 409, accept=form)
    if not commit_or_conflict():
        return redirect(url_for("actions.request_detail", request_id=req.id))
    flash(_("Request accepted: Action %(code)s created.", code=action.code), "success")
    if adds_partner and req.partner is not None:
        flash(
            _(
                "“%(name)s” is now a partner institution: check its kind and contacts.",
                name=req.partner.name,
            ),
            "info",
        )
    return redirect(url_for("actions.detail", action_id=action.id))


def decline(request_id: int):
    """Decline the request, with the reason."""
    req = db.get_or_404(Request, request_id)
    require(can_manage_actions)
    form = DeclineForm(prefix="decline")
    if not form.validate_on_submit():
        return _render_request(req, 400, decline=form)
    try:
        decline_request(req, current_user, form.reason.data)
    except TransitionError as exc:
        flash(str(exc), "danger")
        return _render_request(req, 409, decline=form)
    if commit_or_conflict():
        flash(_("Request declined."), "success")
    return redirect(url_for("actions.request_detail", request_id=req.id))
