"""Authoring helpers: the edit history, publishing checks, section order, attached files."""

import secrets
from pathlib import Path

from flask import current_app
from flask_babel import _

from roster.auth.models import User
from roster.core.pdfs import PdfLimits, check_pdf, refusal
from roster.extensions import db
from roster.toolkit.models import (
    Attachment,
    Choice,
    Module,
    ModuleRevision,
    ModuleStatus,
    ModuleTranslation,
    Question,
    Section,
)
from roster.toolkit.textformat import QuestionText

# Content types we accept, recognised by their first bytes, never by the name or the header.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"%PDF-", "application/pdf", ".pdf"),
)
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


def snapshot(module: Module) -> dict:
    """The module's whole content as plain data, kept with each revision."""
    return {
        "slug": module.slug,
        "status": module.status.value,
        "tags": module.tag_names,
        "theme": module.theme_slug,
        "estimated_minutes": module.estimated_minutes,
        "pass_mark": module.pass_mark,
        "prerequisites": [m.slug for m in module.prerequisites],
        "versions": {
            tr.language: {
                "title": tr.title,
                "summary": tr.summary,
                "sections": [
                    {"position": s.position, "title": s.title, "body": s.body_markdown}
                    for s in tr.sections
                ],
                "questions": [
                    {
                        "text": q.text,
                        "choices": [
                            {"text": c.text, "correct": c.is_correct, "feedback": c.feedback}
                            for c in q.choices
                        ],
                    }
                    for q in tr.questions
                ],
            }
            for tr in module.translations
        },
    }


def action_label(action: str) -> str:
    """A revision's action in words for the reader ("section fr 2 saved" -> ...)."""
    words = action.split()
    simple = {
        "created": _("Module created"),
        "imported": _("Loaded from the shipped content"),
        "settings": _("Settings changed"),
        "published": _("Published"),
        "retired": _("Retired"),
        "draft": _("Back to draft"),
        "file": _("Files changed"),
    }
    if words and words[0] in simple:
        return simple[words[0]]
    if len(words) >= 3 and words[0] == "version":
        verb = {"added": _("added"), "edited": _("edited")}.get(words[-1], words[-1])
        return _("%(lang)s version %(verb)s", lang=words[1].upper(), verb=verb)
    if len(words) >= 3 and words[0] == "section":
        verb = {"saved": _("saved"), "moved": _("moved"), "removed": _("removed")}
        return _("%(lang)s section %(verb)s", lang=words[1].upper(), verb=verb.get(words[-1], ""))
    return action


def record_revision(module: Module, action: str, user: User | None) -> ModuleRevision:
    """Add a revision with the module's content as it now stands."""
    db.session.flush()
    db.session.refresh(module)
    revision = ModuleRevision(
        module_id=module.id,
        user_id=getattr(user, "id", None),
        action=action,
        snapshot=snapshot(module),
    )
    db.session.add(revision)
    return revision


def replace_questions(translation: ModuleTranslation, questions: list[QuestionText]) -> None:
    """Swap a version's knowledge check for the questions given."""
    translation.questions.clear()
    db.session.flush()
    for qpos, q in enumerate(questions, start=1):
        question = Question(position=qpos, text=q.text)
        for cpos, c in enumerate(q.choices, start=1):
            question.choices.append(
                Choice(position=cpos, text=c.text, is_correct=c.is_correct, feedback=c.feedback)
            )
        translation.questions.append(question)


def renumber(translation: ModuleTranslation) -> None:
    """Positions 1..n in the current order, after a section is added, moved or removed."""
    for pos, section in enumerate(sorted(translation.sections, key=lambda s: s.position), 1):
        section.position = pos


def move_section(translation: ModuleTranslation, section: Section, step: int) -> bool:
    """Swap a section with its neighbour above (-1) or below (+1); False at either end."""
    ordered = sorted(translation.sections, key=lambda s: s.position)
    index = ordered.index(section)
    other = index + step
    if not 0 <= other < len(ordered):
        return False
    ordered[index], ordered[other] = ordered[other], ordered[index]
    # Two passes so that the positions never collide mid-flush.
    for pos, s in enumerate(ordered, 1):
        s.position = -pos
    db.session.flush()
    for pos, s in enumerate(ordered, 1):
        s.position = pos
    return True


def publish_problems(module: Module) -> list[str]:
    """What stops the module from being published, in words for the author."""
    problems = []
    if not module.translations:
        problems.append(_("Add at least one language version."))
    counts = {tr.language: len(tr.sections) for tr in module.translations}
    for tr in module.translations:
        if not tr.sections:
            problems.append(_("The %(lang)s version has no sections.", lang=tr.language))
        if not tr.questions:
            problems.append(
                _("The %(lang)s version has no knowledge check questions.", lang=tr.language)
            )
    if len(set(counts.values())) > 1:
        problems.append(
            _(
                "The language versions must have the same sections in the same order "
                "(sections per version: %(counts)s).",
                counts=", ".join(f"{k} {v}" for k, v in counts.items()),
            )
        )
    return problems


def set_status(module: Module, status: ModuleStatus) -> None:
    from roster.core.time import utcnow

    module.status = status
    if status == ModuleStatus.PUBLISHED and module.published_at is None:
        module.published_at = utcnow()


def sniff(data: bytes) -> tuple[str, str] | None:
    """The (content type, extension) of an image or PDF, judged by its bytes."""
    for magic, content_type, ext in MAGIC:
        if data.startswith(magic):
            return content_type, ext
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def pdf_refusal(data: bytes) -> str | None:
    """Why a PDF attachment is refused (scripts, actions, attached files, damage), if it is;
    judged in a bounded child process like every uploaded PDF."""
    if sniff(data) != ("application/pdf", ".pdf"):
        return None
    result = check_pdf(data, want_text=False, limits=PdfLimits.from_config())
    return refusal(result.problem) if result.problem else None


def upload_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"]) / "toolkit"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_attachment(module: Module, filename: str, data: bytes, user: User) -> Attachment:
    """Keep a validated file under a random name; the caller checked it with sniff()."""
    content_type, ext = sniff(data) or ("application/octet-stream", ".bin")
    stored = secrets.token_hex(16) + ext
    (upload_dir() / stored).write_bytes(data)
    attachment = Attachment(
        filename=filename[:255],
        stored_name=stored,
        content_type=content_type,
        size=len(data),
        uploaded_by_id=user.id,
    )
    module.attachments.append(attachment)
    return attachment


def delete_attachment_file(attachment: Attachment) -> None:
    path = upload_dir() / attachment.stored_name
    path.unlink(missing_ok=True)
