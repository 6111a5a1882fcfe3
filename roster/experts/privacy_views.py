"""The expert's own data: download it as JSON, ask for erasure; staff confirm erasures."""

import json
from datetime import date

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required

from roster.auth.erasure_request import erasure_request_page
from roster.auth.permissions import can_confirm_erasure, require
from roster.experts.models import Expert
from roster.experts.privacy import erase_expert, personal_data
from roster.experts.staff_forms import ConfirmErasureForm, ErasureRequestForm
from roster.experts.views import own_expert
from roster.extensions import db


def _own_or_404() -> Expert:
    expert = own_expert()
    if expert is None or expert.erased_at is not None:
        abort(404)
    return expert


@login_required
def export_my_data():
    """Download everything the roster holds about me, as JSON."""
    expert = _own_or_404()
    body = json.dumps(personal_data(expert), ensure_ascii=False, indent=2)
    name = f"my-roster-data-{date.today().isoformat()}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )


@login_required
def request_erasure():
    """Ask for the erasure of my data (staff confirm it), or withdraw the request."""
    expert = _own_or_404()
    return erasure_request_page(
        expert,
        "experts.request_erasure",
        ErasureRequestForm(),
        consequences=_(
            "Erasure removes your profile, your CV, your themes, languages, countries and "
            "availability, and closes your account. Only anonymous figures are kept (for "
            "example, how many experts joined in a year). This cannot be undone."
        ),
        export_url=url_for("experts.export_my_data"),
    )


@login_required
def erasure_queue():
    """List the requests for erasure waiting for staff confirmation."""
    require(can_confirm_erasure)
    experts = db.session.scalars(
        sa.select(Expert)
        .where(Expert.erasure_requested_at.is_not(None), Expert.erased_at.is_(None))
        .order_by(Expert.erasure_requested_at)
    ).all()
    return render_template("experts/erasure_queue.html", experts=experts, form=ConfirmErasureForm())


@login_required
def confirm_erasure(expert_id: int):
    """Erase an expert's personal data for good, keeping only anonymous figures."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_confirm_erasure)
    form = ConfirmErasureForm()
    pending = expert.erasure_requested_at is not None and expert.erased_at is None
    if not form.validate_on_submit() or not pending:
        flash(_("This profile cannot be erased now."), "warning")
        return redirect(url_for("experts.erasure_queue"))
    erase_expert(expert, actor=current_user)
    db.session.commit()  # the CV files and kept mails go with the commit
    flash(_("The profile %(id)s is erased.", id=expert.id), "success")
    return redirect(url_for("experts.erasure_queue"))
