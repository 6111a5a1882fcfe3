"""Vetting: the queue of applications, and the staff decision that approves or rejects."""

import logging
from datetime import date

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from roster.audit import record
from roster.auth.permissions import can_edit_expert, can_vet, require
from roster.core.urls import external_url
from roster.core.versions import is_current
from roster.experts.models import Expert, Status
from roster.experts.profile import completeness
from roster.experts.roster_views import render_detail
from roster.experts.staff_forms import VetForm
from roster.extensions import db
from roster.mail import send_mail

log = logging.getLogger(__name__)


@login_required
def vetting():
    """List the applications waiting for a decision, oldest first."""
    require(can_vet)
    experts = db.session.scalars(
        sa.select(Expert)
        .where(Expert.status == Status.APPLIED, Expert.erased_at.is_(None))
        .order_by(sa.func.coalesce(Expert.submitted_at, Expert.created_at), Expert.id)
    ).all()
    return render_template(
        "experts/vetting.html", experts=experts, percent={e.id: completeness(e) for e in experts}
    )


def _notify(expert: Expert, template: str, subject) -> None:
    """Tell the expert by e-mail; a mail failure must not undo the recorded decision."""
    if not expert.email:
        return
    try:
        locale = expert.user.locale if expert.user else None
        send_mail(
            expert.email,
            subject,
            template,
            locale=locale,
            expert=expert,
            link=external_url("experts.me"),
        )
    except OSError:
        log.exception("Could not send %s to expert %s", template, expert.id)
        flash(
            _("The decision is saved, but the e-mail to the expert could not be sent."), "warning"
        )


@login_required
def vet(expert_id: int):
    """Approve or reject an application with a note; the expert is told by e-mail."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_vet)
    require(can_edit_expert, expert)
    form = VetForm()
    if expert.status != Status.APPLIED:
        flash(_("This profile is not waiting for a decision."), "warning")
        return redirect(url_for("experts.detail", expert_id=expert.id))
    # A decision, not an edit: the state check above refuses a second one; a version sent
    # from the page must still be the current one.
    if form.version.data and not is_current(form, expert.version):
        flash(_("Someone changed this profile meanwhile; please review it again."), "danger")
        return redirect(url_for("experts.detail", expert_id=expert.id))
    if not form.validate():
        return render_detail(expert, vet_form=form, status=422)
    expert.vetting_note = (form.note.data or "").strip() or None
    expert.vetted_by_id = current_user.id
    if form.decision.data == "approve":
        expert.status = Status.APPROVED
        expert.joined_on = date.today()
        record("expert_approved", expert, expert.vetting_note)
    else:
        expert.status = Status.REJECTED
        record("expert_rejected", expert, expert.vetting_note)
    db.session.commit()
    if expert.status == Status.APPROVED:
        _notify(expert, "expert_approved", _l("You are now on the roster of experts"))
        flash(_("%(name)s is approved and was told by e-mail.", name=expert.name), "success")
    else:
        _notify(expert, "expert_rejected", _l("Your application to the roster of experts"))
        flash(_("%(name)s is rejected and was told by e-mail.", name=expert.name), "success")
    return redirect(url_for("experts.vetting"))
