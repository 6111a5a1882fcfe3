"""A focal point's pages: their institution's requests with status and history, its Actions
with activities, dates and the experts assigned (names and short biographies only), and a
new request already tied to the institution. Nothing of the roster, other institutions or
any score is read here."""

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from roster.actions.fields import themes_by_slug
from roster.actions.models import Action, Assignment, PartnerInstitution, Request
from roster.actions.notify import send_request_confirmation
from roster.actions.portal.forms import PartnerRequestForm
from roster.actions.states import AssignmentState, RequestSource, RequestStatus, SupportKind
from roster.auth.permissions import (
    can_use_partner_pages,
    can_view_partner_action,
    can_view_partner_request,
    require,
)
from roster.extensions import db

# Who a partner sees on a team: experts who said yes, not the shortlist or the invitations.
SHOWN_STATES = (AssignmentState.ACCEPTED, AssignmentState.COMPLETED)
SHORT_BIO = 280


@dataclass
class Step:
    """One dated line of a request's history."""

    on: date | datetime | None
    text: str


def short_bio(text: str | None, limit: int = SHORT_BIO) -> str:
    """The first words of a biography, cut at a word."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def _partner() -> PartnerInstitution:
    require(can_use_partner_pages)
    return db.get_or_404(PartnerInstitution, current_user.partner_id)


def _actions_of(partner: PartnerInstitution) -> list[Action]:
    asked = sa.select(Request.action_id).where(
        Request.partner_id == partner.id, Request.action_id.is_not(None)
    )
    return db.session.scalars(
        sa.select(Action)
        .where(sa.or_(Action.partners.contains(partner), Action.id.in_(asked)))
        .order_by(Action.start_on.desc().nulls_last(), Action.code)
    ).all()


@login_required
def home():
    """The institution's requests and Actions, newest first."""
    partner = _partner()
    requests = db.session.scalars(
        sa.select(Request)
        .where(Request.partner_id == partner.id)
        .order_by(Request.received_on.desc(), Request.id.desc())
    ).all()
    return render_template(
        "partner/home.html", partner=partner, requests=requests, actions=_actions_of(partner)
    )


def _history(req: Request) -> list[Step]:
    """What happened to a request, as the partner may know it (no staff notes)."""
    steps = [Step(req.received_on, _("Request received"))]
    if req.status == RequestStatus.UNDER_ASSESSMENT:
        steps.append(Step(None, _("Under assessment by the facility")))
    if req.status == RequestStatus.ACCEPTED:
        steps.append(Step(req.decided_on, _("Accepted: an Action answers it")))
    if req.status == RequestStatus.DECLINED:
        steps.append(Step(req.decided_on, _("Declined")))
    if req.action is not None:
        for change in req.action.history:
            steps.append(
                Step(
                    change.at.date(),
                    _(
                        "Action %(code)s: %(status)s",
                        code=req.action.code,
                        status=change.to_status.label,
                    ),
                )
            )
    return steps


@login_required
def request_detail(request_id: int):
    """One of the institution's requests: what it asked, its status and its history."""
    req = db.get_or_404(Request, request_id)
    require(can_use_partner_pages)
    if not can_view_partner_request(current_user, req):
        abort(404)  # another institution's request answers as if it did not exist
    return render_template("partner/request.html", req=req, history=_history(req))


@login_required
def action_detail(action_id: int):
    """One of the institution's Actions: dates, status, activities and who works on them."""
    action = db.get_or_404(
        Action,
        action_id,
        options=[selectinload(Action.assignments).selectinload(Assignment.expert)],
    )
    require(can_use_partner_pages)
    if not can_view_partner_action(current_user, action):
        abort(404)
    team: dict[int | None, list[Assignment]] = {}
    for a in action.assignments:
        if a.state in SHOWN_STATES:
            team.setdefault(a.activity_id, []).append(a)
    start, end = action.period()
    return render_template(
        "partner/action.html", action=action, team=team, start=start, end=end, short_bio=short_bio
    )


def _fill(req: Request, form: PartnerRequestForm) -> None:
    for name in ("contact_name", "contact_position", "contact_email", "contact_phone", "title"):
        setattr(req, name, getattr(form, name).data or None)
    req.text = form.text.data
    req.country_code = form.country_code.data
    req.support_kind = SupportKind(form.support_kind.data) if form.support_kind.data else None
    req.themes = themes_by_slug(form.themes.data or [])
    req.languages = list(form.languages.data or [])


@login_required
def new_request():
    """Send the facility a new request, already tied to the institution."""
    partner = _partner()
    form = PartnerRequestForm()
    if not form.is_submitted():
        form.country_code.data = partner.country_code
        form.contact_name.data = current_user.focal_point.name or None
        form.contact_email.data = current_user.email
    if form.validate_on_submit():
        req = Request(
            partner=partner,
            source=RequestSource.DIRECT,
            received_on=date.today(),
            created_by_id=current_user.id,
        )
        _fill(req, form)
        db.session.add(req)
        db.session.commit()
        send_request_confirmation(req)
        flash(_("Your request is sent. You can follow it here."), "success")
        return redirect(url_for("partner.request_detail", request_id=req.id))
    return render_template("partner/new_request.html", form=form, partner=partner), (
        400 if form.errors else 200
    )
