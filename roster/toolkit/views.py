"""The toolkit for learners: catalog, module reader, knowledge check."""

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user

from roster.auth.permissions import can_author_modules, can_take_module, require
from roster.extensions import db
from roster.toolkit import services
from roster.toolkit.authoring import action_label
from roster.toolkit.forms import LANGUAGE_CHOICES, ActionForm, check_form, tag_label
from roster.toolkit.models import TAGS, Module, ModuleTranslation
from roster.toolkit.progress_models import Certificate, Progress
from roster.toolkit.rendering import render_markdown

LANGUAGE_CODES = tuple(code for code, _name in LANGUAGE_CHOICES)


def toolkit_tag_label(tag: str) -> str:
    """A tag's label in the reader's language, for templates."""
    return tag_label(tag)


def toolkit_action_label(action: str) -> str:
    """A revision's action in words, for the edit history."""
    return action_label(action)


def toolkit_native_language(code: str) -> str:
    """A language's name in that language (English, Français), for version switches."""
    return dict(LANGUAGE_CHOICES).get(code, code)


def signed_in_only():
    """Every toolkit page but the public verification needs a signed-in user."""
    if request.endpoint == "toolkit.verify" or current_user.is_authenticated:
        return None
    if "auth.login" in current_app.view_functions:
        return current_app.login_manager.unauthorized()
    abort(401)


def load_module(slug: str) -> Module:
    """The module by slug, if the current user may read it (authors see drafts)."""
    module = db.one_or_404(sa.select(Module).filter_by(slug=slug))
    require(can_take_module, module)
    return module


def load_version(module: Module, lang: str) -> ModuleTranslation:
    tr = next((t for t in module.translations if t.language == lang), None)
    if tr is None:
        abort(404)
    return tr


def blocked_by_prerequisites(module: Module) -> bool:
    """Flash the missing prerequisites; authors are never blocked (they preview)."""
    if can_author_modules(current_user):
        return False
    missing = services.missing_prerequisites(current_user, module)
    if missing:
        flash(
            _(
                "Complete these modules first: %(titles)s",
                titles=", ".join(m.title for m in missing),
            ),
            "warning",
        )
    return bool(missing)


def catalog():
    """List the published modules, filtered by tag and language, with my progress."""
    tag = request.args.get("tag") or None
    lang = request.args.get("lang") if request.args.get("lang") in LANGUAGE_CODES else None
    modules = db.session.scalars(services.catalog_query(tag=tag, language=lang)).unique().all()
    progress = {
        p.module_id: p
        for p in db.session.scalars(sa.select(Progress).filter_by(user_id=current_user.id))
    }
    certificates = {
        c.module_id: c
        for c in db.session.scalars(sa.select(Certificate).filter_by(user_id=current_user.id))
    }
    themes = sorted({m.theme_slug for m in modules if m.theme_slug})
    return render_template(
        "toolkit/catalog.html",
        modules=modules,
        progress=progress,
        certificates=certificates,
        tags=[*TAGS, *themes],
        tag=tag,
        lang=lang,
        language_choices=LANGUAGE_CHOICES,
        percent_read=services.percent_read,
    )


def module(slug: str):
    """Show a module's overview: its versions, sections, my progress and next step."""
    module = load_module(slug)
    progress = services.get_progress(current_user, module)
    wanted = request.args.get("lang") or (progress.language if progress else None)
    version = module.translation(wanted)
    if version is None:
        abort(404)
    certificate = db.session.scalar(
        sa.select(Certificate).filter_by(user_id=current_user.id, module_id=module.id)
    )
    return render_template(
        "toolkit/module.html",
        module=module,
        version=version,
        progress=progress,
        certificate=certificate,
        percent=services.percent_read(progress, version),
        read_count=len(services.required_positions(version) & progress.read_positions)
        if progress
        else 0,
        missing=services.missing_prerequisites(current_user, module),
    )


def resume(slug: str):
    """Take me back to where I stopped reading."""
    module = load_module(slug)
    progress = services.get_progress(current_user, module)
    if progress is None:
        version = module.translation()
        return redirect(url_for(".section", slug=slug, lang=version.language, position=1))
    version = module.translation(progress.language)
    position = progress.last_position
    if version.section_at(position) is None:
        position = 1
    return redirect(url_for(".section", slug=slug, lang=version.language, position=position))


def section(slug: str, lang: str, position: int):
    """Read one section; remembers it as the place to resume from."""
    module = load_module(slug)
    version = load_version(module, lang)
    current = version.section_at(position)
    if current is None:
        abort(404)
    if blocked_by_prerequisites(module):
        return redirect(url_for(".module", slug=slug, lang=lang))
    progress = services.start(current_user, module, lang)
    services.visit(progress, lang, position)
    db.session.commit()
    positions = [s.position for s in version.sections]
    index = positions.index(position)
    return render_template(
        "toolkit/section.html",
        module=module,
        version=version,
        section=current,
        body=render_markdown(current.body_markdown, heading_offset=1),
        progress=progress,
        percent=services.percent_read(progress, version),
        previous=positions[index - 1] if index > 0 else None,
        next_position=positions[index + 1] if index + 1 < len(positions) else None,
        form=ActionForm(),
    )


def read(slug: str, lang: str, position: int):
    """Mark a section as read and go on to the next one (or to the check)."""
    module = load_module(slug)
    version = load_version(module, lang)
    if version.section_at(position) is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    if blocked_by_prerequisites(module):
        return redirect(url_for(".module", slug=slug, lang=lang))
    progress = services.start(current_user, module, lang)
    completed = services.mark_read(progress, version, position)
    try:
        db.session.commit()
    except sa.exc.IntegrityError:  # the same button pressed twice at once: already recorded
        db.session.rollback()
        return redirect(url_for(".section", slug=slug, lang=lang, position=position))
    if completed:
        flash(_("Module completed. Your certificate is ready."), "success")
        return redirect(url_for(".module", slug=slug, lang=lang))
    later = [s.position for s in version.sections if s.position > position]
    if later:
        return redirect(url_for(".section", slug=slug, lang=lang, position=later[0]))
    unread = services.required_positions(version) - progress.read_positions
    if unread:
        flash(_("Some sections are not marked as read yet."), "info")
        return redirect(url_for(".section", slug=slug, lang=lang, position=min(unread)))
    return redirect(url_for(".check", slug=slug, lang=lang))


def check(slug: str, lang: str):
    """Take the module's knowledge check; shows feedback on each answer, retries allowed."""
    module = load_module(slug)
    version = load_version(module, lang)
    if not version.questions:
        abort(404)
    if blocked_by_prerequisites(module):
        return redirect(url_for(".module", slug=slug, lang=lang))
    form = check_form(version)
    graded = attempt = None
    progress = services.get_progress(current_user, module)
    if form.validate_on_submit():
        answers = {}
        for q in version.questions:
            try:
                answers[q.id] = int(form[f"q{q.id}"].data)
            except (TypeError, ValueError):
                answers[q.id] = None
        progress = services.start(current_user, module, lang)
        was_complete = progress.completed_at is not None
        attempt, graded = services.record_attempt(progress, version, answers)
        db.session.commit()
        if progress.completed_at and not was_complete:
            flash(_("Module completed. Your certificate is ready."), "success")
    elif request.method == "POST":
        flash(_("Please answer every question."), "danger")
    return render_template(
        "toolkit/check.html",
        module=module,
        version=version,
        form=form,
        graded=graded,
        attempt=attempt,
        progress=progress,
        certificate=db.session.scalar(
            sa.select(Certificate).filter_by(user_id=current_user.id, module_id=module.id)
        )
        if graded
        else None,
        unread=(services.required_positions(version) - progress.read_positions)
        if progress
        else services.required_positions(version),
    )
