"""Activities of an Action, and its documents."""

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import _
from flask_login import current_user

from roster.actions.activities.documents import (
    DocumentError,
    document_file,
    remove_file,
    store_document,
)
from roster.actions.activities.forms import ActivityForm, DocumentForm
from roster.actions.activities.views import render_detail
from roster.actions.models import Action, ActionDocument, Activity
from roster.actions.states import ActivityFormat, ActivityKind, DocumentKind
from roster.auth.permissions import can_manage_actions, require
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db, upload_limit


def _fill(activity: Activity, form: ActivityForm) -> None:
    for name in ("title", "start_on", "end_on", "place", "participants", "notes"):
        getattr(form, name).populate_obj(activity, name)
    activity.kind = ActivityKind(form.kind.data)
    activity.format = ActivityFormat(form.format.data)


def create_activity(action_id: int):
    """Record a new activity of the Action."""
    action = db.get_or_404(Action, action_id)
    require(can_manage_actions)
    form = ActivityForm()
    if request.method == "GET":
        form.start_on.data = action.start_on
    if form.validate_on_submit():
        activity = Activity(action=action)
        _fill(activity, form)
        db.session.add(activity)
        db.session.commit()
        flash(_("Activity “%(title)s” added.", title=activity.title), "success")
        return redirect(url_for("actions.detail", action_id=action.id, _anchor="activities"))
    return render_template("actions/activity_edit.html", form=form, action=action, activity=None)


def edit_activity(activity_id: int):
    """Edit an activity of an Action."""
    activity = db.get_or_404(Activity, activity_id)
    require(can_manage_actions)
    form = ActivityForm(obj=activity)
    if request.method == "GET":
        form.kind.data = activity.kind.value
        form.format.data = activity.format.value
    if form.validate_on_submit() and not stale(activity, form):
        _fill(activity, form)
        if commit_or_conflict(form):
            flash(_("Activity “%(title)s” saved.", title=activity.title), "success")
            return redirect(
                url_for("actions.detail", action_id=activity.action_id, _anchor="activities")
            )
    return render_template(
        "actions/activity_edit.html", form=form, action=activity.action, activity=activity
    ), status_of(form)


@upload_limit
def upload_document(action_id: int):
    """Attach a PDF (terms of reference, assessment report, ...) to the Action."""
    action = db.get_or_404(Action, action_id)
    require(can_manage_actions)
    form = DocumentForm(prefix="doc")
    if form.validate_on_submit():
        try:
            store_document(
                action, form.file.data, DocumentKind(form.kind.data), form.title.data, current_user
            )
        except DocumentError as exc:
            form.file.errors.append(str(exc))
        else:
            db.session.commit()
            flash(_("Document uploaded."), "success")
            return redirect(url_for("actions.detail", action_id=action.id, _anchor="documents"))
    return render_detail(action, 400, document_form=form)


def download_document(document_id: int):
    """Download one of an Action's documents."""
    document = db.get_or_404(ActionDocument, document_id)
    require(can_manage_actions)
    path = document_file(document)
    if path is None:
        abort(404)
    return send_file(
        path, mimetype="application/pdf", as_attachment=True, download_name=document.filename
    )


def delete_document(document_id: int):
    """Remove a document from its Action."""
    document = db.get_or_404(ActionDocument, document_id)
    require(can_manage_actions)
    action_id, name = document.action_id, document.path
    db.session.delete(document)
    db.session.commit()
    remove_file(name)
    flash(_("Document removed."), "success")
    return redirect(url_for("actions.detail", action_id=action_id, _anchor="documents"))
