"""Authoring a module's language versions and their sections (edit with preview, reorder)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _

from roster.core.versions import status_of
from roster.extensions import db
from roster.toolkit import authoring
from roster.toolkit.authoring_views import is_stale, load_for_authoring, save_changes
from roster.toolkit.forms import ActionForm, NewTranslationForm, SectionForm, TranslationForm
from roster.toolkit.models import Module, ModuleTranslation, Section
from roster.toolkit.rendering import render_markdown
from roster.toolkit.textformat import dump_quiz


def version_of(module: Module, lang: str) -> ModuleTranslation:
    tr = next((t for t in module.translations if t.language == lang), None)
    if tr is None:
        abort(404)
    return tr


def section_of(version: ModuleTranslation, section_id: int) -> Section:
    section = db.get_or_404(Section, section_id)
    if section.translation_id != version.id:
        abort(404)
    return section


def add_version(module_id: int):
    """Add a language version; its sections start as copies of an existing version's titles."""
    module = load_for_authoring(module_id)
    form = NewTranslationForm()
    form.language.choices = [c for c in form.language.choices if c.value not in module.languages]
    if not form.language.choices:
        flash(_("This module already has every language version."), "info")
        return redirect(url_for(".edit", module_id=module.id))
    if form.validate_on_submit():
        tr = ModuleTranslation(
            language=form.language.data, title=form.title.data, summary=form.summary.data or ""
        )
        source = module.translation("en")
        if source is not None:
            # Same sections in the same order: positions are what progress counts.
            tr.sections = [
                Section(position=s.position, title=s.title, body_markdown=s.body_markdown)
                for s in source.sections
            ]
        module.translations.append(tr)
        db.session.flush()
        authoring.replace_questions(tr, getattr(form, "parsed_quiz", []))
        if save_changes(module, f"version {tr.language} added"):
            flash(_("Language version added: translate its sections."), "success")
            return redirect(url_for(".edit", module_id=module.id))
    return render_template("toolkit/version_form.html", form=form, module=module, version=None)


def edit_version(module_id: int, lang: str):
    """Edit a language version's title, summary and knowledge check."""
    module = load_for_authoring(module_id)
    version = version_of(module, lang)
    form = TranslationForm(obj=version)
    if request.method == "GET":
        form.quiz.data = dump_quiz(version.questions)
        form.version.data = str(module.version)
    elif form.validate_on_submit() and not is_stale(form, module):
        version.title = form.title.data
        version.summary = form.summary.data or ""
        # An emptied (or absent) quiz field stops at Optional(): no questions, not a crash.
        authoring.replace_questions(version, getattr(form, "parsed_quiz", []))
        if save_changes(module, f"version {lang} edited"):
            flash(_("Saved."), "success")
            return redirect(url_for(".edit", module_id=module.id))
    page = render_template("toolkit/version_form.html", form=form, module=module, version=version)
    return page, status_of(form)


def edit_section(module_id: int, lang: str, section_id: int | None = None):
    """Write or edit a section in Markdown; preview shows it as readers will see it."""
    module = load_for_authoring(module_id)
    version = version_of(module, lang)
    section = section_of(version, section_id) if section_id else None
    form = SectionForm(obj=section)
    preview = None
    if request.method == "GET":
        form.version.data = str(module.version)
    elif form.validate_on_submit():
        if form.preview.data:
            preview = render_markdown(form.body_markdown.data, heading_offset=1)
        elif not is_stale(form, module):
            if section is None:
                section = Section(position=len(version.sections) + 1)
                version.sections.append(section)
            section.title = form.title.data
            section.body_markdown = form.body_markdown.data or ""
            if save_changes(module, f"section {lang} {section.position} saved"):
                flash(_("Section saved."), "success")
                return redirect(url_for(".edit", module_id=module.id) + f"#version-{lang}")
    return render_template(
        "toolkit/section_form.html",
        form=form,
        module=module,
        version=version,
        section=section,
        preview=preview,
    ), status_of(form)


def move_section(module_id: int, lang: str, section_id: int, direction: str):
    """Move a section up or down in its version."""
    module = load_for_authoring(module_id)
    version = version_of(module, lang)
    section = section_of(version, section_id)
    if direction not in ("up", "down") or not ActionForm().validate_on_submit():
        abort(400)
    moved = authoring.move_section(version, section, -1 if direction == "up" else 1)
    if moved and save_changes(module, f"section {lang} moved"):
        flash(
            _(
                "Section “%(title)s” moved %(dir)s.",
                title=section.title,
                dir=_("up") if direction == "up" else _("down"),
            )
        )
    return redirect(url_for(".edit", module_id=module.id) + f"#version-{lang}")


def delete_section(module_id: int, lang: str, section_id: int):
    """Remove a section (the edit history keeps its text)."""
    module = load_for_authoring(module_id)
    version = version_of(module, lang)
    section = section_of(version, section_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    version.sections.remove(section)
    db.session.flush()
    authoring.renumber(version)
    if save_changes(module, f"section {lang} removed"):
        flash(_("Section removed. Its text is kept in the edit history."), "success")
    return redirect(url_for(".edit", module_id=module.id) + f"#version-{lang}")
