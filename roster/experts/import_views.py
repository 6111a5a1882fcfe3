"""The staff page that imports experts from CSV, its template file and the job's progress."""

import json

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required

from roster.audit import record
from roster.auth.permissions import can_import_experts, require
from roster.core.csv_download import csv_response
from roster.experts.fields import IMPORT_FIELDS
from roster.experts.import_rows import ImportFileError, count_rows, decode
from roster.experts.imports import import_text, start_job, summary, template_row
from roster.experts.models import ImportJob
from roster.experts.staff_forms import ImportForm
from roster.extensions import db, upload_limit


@upload_limit
@login_required
def import_csv():
    """Import experts from a CSV file: good rows are stored, bad rows listed with their line."""
    require(can_import_experts)
    form = ImportForm()
    result = None
    if form.validate_on_submit():
        upload = form.file.data
        try:
            text = decode(upload.read())
            rows = count_rows(text)
            if rows > current_app.config.get("IMPORT_BACKGROUND_ROWS", 300):
                job = ImportJob(created_by_id=current_user.id, filename=upload.filename or "")
                db.session.add(job)
                db.session.commit()
                start_job(current_app._get_current_object(), job.id, text)
                return redirect(url_for("experts.import_job", job_id=job.id))
            result = import_text(text, actor=current_user)
        except ImportFileError as exc:
            db.session.rollback()
            form.file.errors = [str(exc)]
        else:
            record("experts_imported", detail=f"{upload.filename}: {summary(result)}")
            db.session.commit()
            flash(
                _(
                    "Import finished: %(created)s created, %(updated)s updated, "
                    "%(unchanged)s unchanged, %(failed)s failed.",
                    created=result.created,
                    updated=result.updated,
                    unchanged=result.unchanged,
                    failed=result.failed,
                ),
                "success" if not result.failed else "warning",
            )
    status = 422 if form.errors else 200
    return render_template("experts/import.html", form=form, result=result), status


@login_required
def import_template():
    """Download an example CSV with the columns the import reads."""
    require(can_import_experts)
    return csv_response("experts-template.csv", [f.name for f in IMPORT_FIELDS], [template_row()])


@login_required
def import_job(job_id: int):
    """Show a background import's progress (the page refreshes itself) and then its report."""
    job = db.get_or_404(ImportJob, job_id)
    require(can_import_experts)
    errors = json.loads(job.report) if job.report else []
    return render_template("experts/import_job.html", job=job, errors=errors)
