"""Partner institutions: the list, and the form to add or correct one."""

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from sqlalchemy.orm import contains_eager

from roster.actions.models import Action, InstitutionKind, PartnerInstitution, action_partner
from roster.actions.requests.focal_point_forms import EraseFocalPointForm, FocalPointForm
from roster.actions.requests.partner_forms import KIND_LABELS, PartnerForm
from roster.auth.models import PartnerFocalPoint, User
from roster.auth.permissions import can_manage_actions, require
from roster.core.numbers import page_args
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db


def partners():
    """List the partner institutions with the number of their Actions."""
    require(can_manage_actions)
    stmt = sa.select(PartnerInstitution).order_by(
        PartnerInstitution.country_code, PartnerInstitution.name
    )
    number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
    page = db.paginate(stmt, page=number, per_page=per_page, error_out=False)
    ids = [p.id for p in page.items]
    counts = dict(
        db.session.execute(
            sa.select(action_partner.c.partner_id, sa.func.count(action_partner.c.action_id))
            .where(action_partner.c.partner_id.in_(ids))
            .group_by(action_partner.c.partner_id)
        ).all()
    )
    return render_template("actions/partners.html", page=page, counts=counts, kinds=KIND_LABELS)


def _fill(partner: PartnerInstitution, form: PartnerForm) -> None:
    for name in ("name", "acronym", "country_code", "contacts", "website"):
        setattr(partner, name, getattr(form, name).data or None)
    partner.kind = InstitutionKind(form.kind.data)


def create_partner():
    """Add a partner institution."""
    require(can_manage_actions)
    form = PartnerForm()
    if form.validate_on_submit():
        partner = PartnerInstitution()
        _fill(partner, form)
        db.session.add(partner)
        db.session.commit()
        flash(_("Partner institution “%(name)s” added.", name=partner.name), "success")
        return redirect(url_for("actions.partners"))
    return render_template("actions/partner_edit.html", form=form, partner=None)


def edit_partner(partner_id: int):
    """Correct a partner institution's details and contacts."""
    partner = db.get_or_404(PartnerInstitution, partner_id)
    require(can_manage_actions)
    form = PartnerForm(obj=partner, current_id=partner.id)
    if request.method == "GET":
        form.kind.data = partner.kind.value
    if form.validate_on_submit() and not stale(partner, form):
        _fill(partner, form)
        if commit_or_conflict(form):
            flash(_("Partner institution “%(name)s” saved.", name=partner.name), "success")
            return redirect(url_for("actions.partners"))
    return edit_page(partner, form, status=status_of(form))


def focal_points_of(partner: PartnerInstitution) -> list[PartnerFocalPoint]:
    """The partner's focal points with their accounts: who asked for erasure first, then by
    name and address."""
    return db.session.scalars(
        sa.select(PartnerFocalPoint)
        .join(User, PartnerFocalPoint.user_id == User.id)
        .where(PartnerFocalPoint.partner_id == partner.id)
        .options(contains_eager(PartnerFocalPoint.user))
        .order_by(
            PartnerFocalPoint.erasure_requested_at.is_(None),
            PartnerFocalPoint.name,
            User.email,
        )
    ).all()


def edit_page(
    partner: PartnerInstitution,
    form: PartnerForm | None = None,
    focal_form=None,
    status: int = 200,
):
    """The partner's page: its details form, its Actions and its focal points' accounts."""
    if form is None:
        form = PartnerForm(formdata=None, obj=partner, current_id=partner.id)
        form.kind.data = partner.kind.value
    actions = db.session.scalars(
        sa.select(Action).where(Action.partners.contains(partner)).order_by(Action.code)
    ).all()
    focal_points = focal_points_of(partner)
    page = render_template(
        "actions/partner_edit.html",
        form=form,
        partner=partner,
        actions=actions,
        focal_points=focal_points,
        focal_form=focal_form or FocalPointForm(formdata=None, prefix="focal"),
        erase_forms={
            fp.user_id: EraseFocalPointForm(formdata=None, prefix=f"erase-{fp.user_id}")
            for fp in focal_points
        },
    )
    return page, status
