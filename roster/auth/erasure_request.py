"""The page where a person asks for the erasure of their data, or withdraws the request.

Experts and partner focal points keep the request on their own row (`erasure_requested_at`)
and staff confirm it in their own domain; the asking and withdrawing are the same for both.
"""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SubmitField
from wtforms.validators import InputRequired

from roster.audit import record
from roster.core.time import utcnow
from roster.extensions import db


class ErasureRequestForm(FlaskForm):
    confirm = BooleanField(
        _l("I understand that my account and my data will be erased for good."),
        validators=[InputRequired(message=_l("Tick the box to confirm."))],
    )
    submit = SubmitField(_l("Ask for erasure"))


class CancelErasureForm(FlaskForm):
    cancel = SubmitField(_l("Withdraw my request"))


def erasure_request_page(
    subject,
    here: str,
    form: ErasureRequestForm,
    *,
    consequences: str,
    export_url: str,
    audited=None,
):
    """Record or withdraw `subject`'s request, audited on `audited` (the subject itself by
    default), or show the page with what erasure does and a link to download the data first."""
    audited = subject if audited is None else audited
    cancel_form = CancelErasureForm()
    if cancel_form.cancel.data and cancel_form.validate_on_submit():
        if subject.erasure_requested_at is not None:
            subject.erasure_requested_at = None
            record("erasure_withdrawn", audited)
            db.session.commit()
            flash(_("Your request for erasure is withdrawn."), "info")
        return redirect(url_for(here))
    if form.submit.data and form.validate_on_submit():
        if subject.erasure_requested_at is None:
            subject.erasure_requested_at = utcnow()
            record("erasure_requested", audited)
            db.session.commit()
        flash(_("Your request is recorded. A team member will confirm the erasure."), "success")
        return redirect(url_for(here))
    page = render_template(
        "auth/request_erasure.html",
        requested_at=subject.erasure_requested_at,
        consequences=consequences,
        export_url=export_url,
        form=form,
        cancel_form=cancel_form,
    )
    return page, 422 if form.errors else 200
