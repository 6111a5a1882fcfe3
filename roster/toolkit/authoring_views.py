"""Authoring for staff and admins: create modules, settings, status, files, edit history."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from roster.audit import record
from roster.auth.permissions import can_author_modules, require
from roster.core.numbers import page_args
from roster.core.time import utcnow
from roster.core.versions import conflict_message, stale, status_of
from roster.extensions import db, upload_limit
from roster.toolkit import authoring
from roster.toolkit.forms import ActionForm, AttachmentForm, ModuleCreateForm, ModuleSettingsForm
from roster.toolkit.models import (
    Attachment,
    Module,
    ModuleRevision,
    ModuleStatus,
    ModuleTag,
    ModuleTranslation,
)


def load_for_authoring(module_id: int) -> Module:
    """The module, if the current user may author modules."""
    module = db.get_or_404(Module, module_id)
    require(can_author_modules)
    return module


def is_stale(form, module: Module) -> bool:
    """True (and the form told to overwrite next time) when someone saved since it was opened,
    or when the form names no version."""
    return stale(module, form)


def save_changes(module: Module, action: str) -> bool:
    """Stamp the change, keep a revision and commit; False if a concurrent save got in first."""
    module.updated_at = utcnow()
    authoring.record_revision(module, action, current_user)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash(conflict_message(), "danger")
        return False
    return True


def apply_settings(form: ModuleSettingsForm, module: Module) -> None:
    module.theme_slug = form.theme_slug.data or None
    module.estimated_minutes = form.estimated_minutes.data
    module.pass_mark = form.pass_mark.data
    module.position = form.position.data or 0
    existing = {t.tag: t for t in module.tags}
    module.tags = [existing.get(t) or ModuleTag(tag=t) for t in dict.fromkeys(form.tags.data or [])]
    chosen = set(form.prerequisites.data or [])
    module.prerequisites = [m for m in db.session.scalars(sa.select(Module)) if m.id in chosen]


def manage():
    """List every module, draft to retired, for authors."""
    require(can_author_modules)
    modules = db.session.scalars(sa.select(Module).order_by(Module.position, Module.slug)).all()
    return render_template("toolkit/manage.html", modules=modules, form=ActionForm())


def create():
    """Create a draft module with its first language version."""
    require(can_author_modules)
    form = ModuleCreateForm()
    if form.validate_on_submit():
        module = Module(slug=form.slug.data, status=ModuleStatus.DRAFT)
        apply_settings(form, module)
        module.translations.append(
            ModuleTranslation(
                language=form.language.data, title=form.title.data, summary=form.summary.data or ""
            )
        )
        db.session.add(module)
        authoring.record_revision(module, "created", current_user)
        db.session.commit()
        flash(_("Module created as a draft. Add its sections and knowledge check."), "success")
        return redirect(url_for(".edit", module_id=module.id))
    return render_template("toolkit/module_form.html", form=form, module=None)


def edit(module_id: int):
    """Show a module's authoring overview: versions, sections, files, status."""
    module = load_for_authoring(module_id)
    return render_template(
        "toolkit/edit.html",
        module=module,
        form=ActionForm(),
        upload=AttachmentForm(),
        problems=authoring.publish_problems(module),
    )


def settings(module_id: int):
    """Edit what a module is: tags, theme, time, pass mark, prerequisites."""
    module = load_for_authoring(module_id)
    form = ModuleSettingsForm(module=module)
    if request.method == "GET":
        form.tags.data = module.tag_names
        form.theme_slug.data = module.theme_slug or ""
        form.estimated_minutes.data = module.estimated_minutes
        form.pass_mark.data = module.pass_mark
        form.position.data = module.position
        form.prerequisites.data = [m.id for m in module.prerequisites]
        form.version.data = str(module.version)
    elif form.validate_on_submit() and not is_stale(form, module):
        apply_settings(form, module)
        if save_changes(module, "settings"):
            flash(_("Settings saved."), "success")
            return redirect(url_for(".edit", module_id=module.id))
    return render_template("toolkit/module_form.html", form=form, module=module), status_of(form)


def set_status(module_id: int, status: str):
    """Publish, retire or return a module to draft."""
    module = load_for_authoring(module_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        target = ModuleStatus(status)
    except ValueError:
        abort(404)
    if target == ModuleStatus.PUBLISHED:
        problems = authoring.publish_problems(module)
        if problems:
            for problem in problems:
                flash(problem, "danger")
            return redirect(url_for(".edit", module_id=module.id))
    authoring.set_status(module, target)
    record("toolkit.module_status", module, f"{module.slug}: {target.value}")
    if save_changes(module, target.value):
        messages = {
            ModuleStatus.PUBLISHED: _("Module published: experts can now find it in the catalog."),
            ModuleStatus.RETIRED: _(
                "Module retired: it left the catalog; certificates stay valid."
            ),
            ModuleStatus.DRAFT: _("Module back to draft: only authors can see it."),
        }
        flash(messages[target], "success")
    return redirect(url_for(".edit", module_id=module.id))


@upload_limit
def upload(module_id: int):
    """Attach an image or PDF to a module, checked by its content."""
    module = load_for_authoring(module_id)
    form = AttachmentForm()
    if form.validate_on_submit():
        data = form.file.data.read(authoring.MAX_ATTACHMENT_BYTES + 1)
        if len(data) > authoring.MAX_ATTACHMENT_BYTES:
            flash(_("The file is larger than 5 MB."), "danger")
        elif authoring.sniff(data) is None:
            flash(_("Only PNG, JPEG or WebP images and PDF documents can be attached."), "danger")
        elif refused := authoring.pdf_refusal(data):
            flash(refused, "danger")
        else:
            name = form.file.data.filename or "file"
            file = authoring.store_attachment(module, name, data, current_user)
            if save_changes(module, "file added"):
                flash(_("File “%(name)s” attached.", name=file.filename), "success")
    else:
        flash(_("Choose a file to upload."), "danger")
    return redirect(url_for(".edit", module_id=module.id) + "#files")


def delete_attachment(attachment_id: int):
    """Remove a file from a module."""
    file = db.get_or_404(Attachment, attachment_id)
    module = load_for_authoring(file.module_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    authoring.delete_attachment_file(file)
    module.attachments.remove(file)
    if save_changes(module, "file removed"):
        flash(_("File removed."), "success")
    return redirect(url_for(".edit", module_id=module.id) + "#files")


def history(module_id: int):
    """List a module's revisions: who changed what, when."""
    module = load_for_authoring(module_id)
    page = db.paginate(
        sa.select(ModuleRevision)
        .filter_by(module_id=module.id)
        .order_by(ModuleRevision.at.desc(), ModuleRevision.id.desc()),
        page=page_args(request.args)[0],
        per_page=50,
    )
    return render_template("toolkit/history.html", module=module, page=page)


def revision(revision_id: int):
    """Show a module's content as it stood after one revision."""
    rev = db.get_or_404(ModuleRevision, revision_id)
    module = load_for_authoring(rev.module_id)
    return render_template("toolkit/revision.html", module=module, revision=rev)
