"""A focal point's own data: download it as JSON, ask for its erasure (staff confirm it on
the institution's page), or withdraw the request."""

import json
from datetime import date

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required

from roster.actions.portal.forms import CancelErasureForm, ErasureRequestForm
from roster.actions.portal.privacy import personal_data
from roster.audit import record
from roster.auth.permissions import can_use_partner_pages, require
from roster.core.time import utcnow
from roster.extensions import db


@login_required
def export_my_data():
    """Download everything the service holds about me, as JSON."""
    require(can_use_partner_pages)
    user = current_user._get_current_object()
    body = json.dumps(personal_data(user), ensure_ascii=False, indent=2)
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
    require(can_use_partner_pages)
    user = current_user._get_current_object()
    link = user.focal_point
    form = ErasureRequestForm()
    cancel_form = CancelErasureForm()
    if cancel_form.cancel.data and cancel_form.validate_on_submit():
        if link.erasure_requested_at is not None:
            link.erasure_requested_at = None
            record("erasure_withdrawn", user)
            db.session.commit()
            flash(_("Your request for erasure is withdrawn."), "info")
        return redirect(url_for("partner.request_erasure"))
    if form.submit.data and form.validate_on_submit():
        if link.erasure_requested_at is None:
            link.erasure_requested_at = utcnow()
            record("erasure_requested", user)
            db.session.commit()
        flash(_("Your request is recorded. A team member will confirm the erasure."), "success")
        return redirect(url_for("partner.request_erasure"))
    status = 422 if form.errors else 200
    return render_template(
        "partner/request_erasure.html", link=link, form=form, cancel_form=cancel_form
    ), status
