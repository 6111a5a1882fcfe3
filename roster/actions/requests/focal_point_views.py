"""Partner accounts: staff invite an institution's focal points, remove them, and erase
one's personal data (roster/actions/portal/privacy.py)."""

from flask import abort, flash, redirect, url_for
from flask_babel import _
from flask_login import current_user, login_required

from roster.actions.models import PartnerInstitution
from roster.actions.portal.privacy import erase_focal_point as erase
from roster.actions.requests.focal_point_forms import EraseFocalPointForm, FocalPointForm
from roster.actions.requests.partner_views import edit_page
from roster.audit import record
from roster.auth.mails import send_invitation
from roster.auth.models import PartnerFocalPoint, Role
from roster.auth.permissions import can_confirm_erasure, can_invite_focal_points, require
from roster.auth.services import create_account
from roster.auth.user_sessions import end_sessions
from roster.extensions import db


def _back(partner: PartnerInstitution):
    return redirect(url_for("actions.edit_partner", partner_id=partner.id, _anchor="focal-points"))


def _link_or_404(partner: PartnerInstitution, focal_point_id: int) -> PartnerFocalPoint:
    link = db.session.get(PartnerFocalPoint, focal_point_id)
    if link is None or link.partner_id != partner.id:
        abort(404)
    return link


@login_required
def invite_focal_point(partner_id: int):
    """Open a partner account tied to this institution and mail its set-password link."""
    partner = db.get_or_404(PartnerInstitution, partner_id)
    require(can_invite_focal_points)
    form = FocalPointForm(prefix="focal")
    if not form.validate_on_submit():
        return edit_page(partner, focal_form=form, status=400)
    user = create_account(form.email.data, None, Role.PARTNER, locale=form.locale.data)
    db.session.add(
        PartnerFocalPoint(
            user_id=user.id,
            partner_id=partner.id,
            invited_by_id=current_user.id,
            name=form.name.data,
        )
    )
    record("focal_point_invited", target=user, detail=partner.name)
    db.session.commit()
    send_invitation(user, current_user)
    flash(
        _(
            "%(email)s is invited as a focal point of %(name)s.",
            email=user.email,
            name=partner.name,
        ),
        "success",
    )
    return _back(partner)


@login_required
def remove_focal_point(partner_id: int, focal_point_id: int):
    """Close a focal point's account (someone who left the institution): signed out, kept
    in the audit log and in the institution's list (their posts keep their name), never able
    to sign in again unless an administrator reopens it."""
    partner = db.get_or_404(PartnerInstitution, partner_id)
    require(can_invite_focal_points)
    user = _link_or_404(partner, focal_point_id).user
    user.is_active_account = False
    end_sessions(user)
    record("focal_point_removed", target=user, detail=partner.name)
    db.session.commit()
    flash(_("%(email)s can no longer sign in.", email=user.email), "success")
    return _back(partner)


@login_required
def erase_focal_point(partner_id: int, focal_point_id: int):
    """Erase a focal point's personal data for good: at the request they made in the service,
    or one they sent the data-protection contact (staff tick that they did)."""
    partner = db.get_or_404(PartnerInstitution, partner_id)
    require(can_confirm_erasure)
    link = _link_or_404(partner, focal_point_id)
    form = EraseFocalPointForm(prefix=f"erase-{link.user_id}")
    asked = link.erasure_requested_at is not None or form.asked.data
    if not form.validate_on_submit() or not asked:
        flash(_("Tick that the person asked for the erasure of their data."), "warning")
        return _back(partner)
    erase(link.user, actor=current_user)
    db.session.commit()  # the kept mails that name them go with the commit
    flash(_("The focal point's personal data is erased."), "success")
    return _back(partner)
