"""The expert's own area and the profile steps, which staff use too to edit any profile."""

import io

import sqlalchemy as sa
from flask import (
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import _
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError

from roster.audit import record
from roster.auth.permissions import (
    can_edit_expert,
    can_read_cv,
    can_submit_profile,
    can_view_expert,
    is_partner,
    is_staff,
    owns_expert,
    require,
)
from roster.auth.services import landing_url
from roster.core.time import utcnow
from roster.core.versions import is_current
from roster.experts import cv, steps
from roster.experts.forms import DeleteCvForm
from roster.experts.models import Expert, Status
from roster.experts.profile import (
    STEP_NAMES,
    STEPS,
    ProfileError,
    changed_fields,
    completeness,
    missing_items,
    snapshot,
    step_done,
    submission_problems,
)
from roster.extensions import db, upload_limit
from roster.taxonomy.models import Country


def own_expert() -> Expert | None:
    """The signed-in user's expert profile, if they have one."""
    return db.session.scalar(db.select(Expert).where(Expert.user_id == current_user.id))


@login_required
def me():
    """Send the signed-in expert to their profile overview (staff to the roster)."""
    expert = own_expert()
    if expert is None:
        if is_staff(current_user):
            return redirect(url_for("experts.index"))
        if is_partner(current_user):  # a focal point has no profile, and never gets one
            return redirect(landing_url(current_user))
        # Registration normally creates the draft; an account made otherwise gets one now.
        expert = Expert(user=current_user, email=current_user.email)
        db.session.add(expert)
        db.session.commit()
    return redirect(url_for("experts.profile", expert_id=expert.id))


def _stepper_context(expert: Expert) -> dict:
    return {
        "expert": expert,
        "steps": STEPS,
        "done": step_done(expert),
        "percent": completeness(expert),
        "missing": missing_items(expert),
    }


@login_required
def profile(expert_id: int):
    """Show the profile's overview: status, how complete it is, and the steps."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_view_expert, expert)
    return render_template(
        "experts/profile.html",
        problems=submission_problems(expert) if expert.status == Status.DRAFT else [],
        **_stepper_context(expert),
    )


def _next_step(step: str) -> str | None:
    index = STEP_NAMES.index(step)
    return STEP_NAMES[index + 1] if index + 1 < len(STEP_NAMES) else None


def _region_labels() -> dict[str, str]:
    countries = db.session.scalars(sa.select(Country).where(Country.region_id.is_not(None))).all()
    return {c.code: c.region.label for c in countries}


def _render_step(expert: Expert, step: str, form, status: int = 200, stale: bool = False):
    if stale:
        # Saving again after reviewing is a deliberate choice: let it through next time.
        db.session.rollback()
        form.version.data = str(db.session.get(Expert, expert.id).version)
    return (
        render_template(
            f"experts/step_{step}.html",
            form=form,
            step=step,
            stale=stale,
            delete_form=DeleteCvForm(),
            problems=submission_problems(expert) if step == "consent" else [],
            regions=_region_labels() if step == "countries" else {},
            **_stepper_context(expert),
        ),
        status,
    )


@upload_limit
@login_required
def edit_step(expert_id: int, step: str):
    """Show one step of the profile and save it ("Save and continue")."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_edit_expert, expert)
    if step not in STEP_NAMES:
        abort(404)
    form = steps.build_form(step, expert)
    if request.method == "GET":
        return _render_step(expert, step, form)
    if steps.is_rows_form(form) and form.add_row.data:
        form.add_blank_row()
        return _render_step(expert, step, form)
    if not is_current(form, expert.version):
        return _render_step(expert, step, form, 409, stale=True)
    if not form.validate():
        return _render_step(expert, step, form, 422)
    before, cv_before = snapshot(expert), expert.cv_path
    try:
        removed = steps.apply(step, form, expert)
    except ProfileError as exc:
        db.session.rollback()
        form[exc.field or "save"].errors = [str(exc)]
        return _render_step(expert, step, form, 422)
    changes = changed_fields(before, snapshot(expert))
    if changes and not owns_expert(current_user, expert):
        record("profile_changed", expert, "fields: " + ", ".join(changes))
    submitting = step == "consent" and bool(form.submit_application.data)
    stored = expert.cv_path if expert.cv_path != cv_before else None
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        cv.remove_file(stored)  # no row points to the file just written: no copy left behind
        return _render_step(expert, step, form, 409, stale=True)
    for name in removed:
        cv.remove_file(name)
    if submitting:
        return _submit(expert)
    flash(_("Saved."), "success")
    if step == "cv" and getattr(form.cv.data, "filename", "") and cv.text_unread(expert):
        flash(cv.text_unread_message(), "warning")
    following = _next_step(step)
    if following is None:
        return redirect(url_for("experts.profile", expert_id=expert.id))
    return redirect(url_for("experts.edit_step", expert_id=expert.id, step=following))


def _submit(expert: Expert):
    """Send the profile to the vetting queue when it is ready."""
    require(can_submit_profile, expert)
    problems = submission_problems(expert)
    if problems:
        for problem in problems:
            flash(problem, "warning")
        return redirect(url_for("experts.edit_step", expert_id=expert.id, step="consent"))
    expert.status = Status.APPLIED
    expert.submitted_at = utcnow()
    record("expert_submitted", expert, actor=current_user)
    db.session.commit()
    flash(
        _("Thank you: your application has been sent. We will write to you once it is reviewed."),
        "success",
    )
    return redirect(url_for("experts.profile", expert_id=expert.id))


@login_required
def cv_download(expert_id: int):
    """Download the expert's CV (the owner or staff; every staff read is audited)."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_read_cv, expert)
    path = cv.cv_file(expert)
    if path is None:
        abort(404)
    if not owns_expert(current_user, expert):
        record("cv_read", expert, expert.cv_filename)
        db.session.commit()
    response = send_file(
        io.BytesIO(path.read_bytes()),  # small files; no open handle outlives the request
        mimetype="application/pdf",
        as_attachment=True,
        download_name=expert.cv_filename or f"cv-{expert.id}.pdf",
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_cv(expert_id: int):
    """Delete the expert's CV file and its extracted text."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_edit_expert, expert)
    old = cv.clear_cv(expert)
    if old and not owns_expert(current_user, expert):
        record("profile_changed", expert, "fields: cv_filename")
    db.session.commit()
    cv.remove_file(old)
    flash(_("Your CV was deleted.") if old else _("There was no CV to delete."), "info")
    return redirect(url_for("experts.edit_step", expert_id=expert.id, step="cv"))


def too_large(error):
    """Answer an over-large upload with a polite page instead of a bare error."""
    limit = round(request.max_content_length / 1048576, 1) if request.max_content_length else None
    return render_template("experts/too_large.html", limit=limit), 413
