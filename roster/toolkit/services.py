"""The learning rules: progress, the knowledge check, completion and certificates.

Rules (documented for authors and staff):
- Progress is kept per module, not per language version. A section counts as read by its
  position, whatever language it was read in; language versions are translations with the
  same sections in the same order.
- A check passed in any language counts for the module.
- The module is complete when every section of the version being read has been read and the
  check has been passed; finishing the French version therefore finishes the module. The
  certificate carries the language the learner finished in.
"""

import base64
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from roster.auth.models import User
from roster.core.time import utcnow
from roster.experts.models import Expert
from roster.extensions import db
from roster.toolkit.models import Module, ModuleStatus, ModuleTag, ModuleTranslation
from roster.toolkit.progress_models import Attempt, Certificate, Progress, SectionRead
from roster.toolkit.textformat import without_verdict


def get_progress(user: User, module: Module) -> Progress | None:
    """The user's progress on the module, if they have started it."""
    return db.session.scalar(sa.select(Progress).filter_by(user_id=user.id, module_id=module.id))


def start(user: User, module: Module, language: str) -> Progress:
    """The user's progress on the module, created on first visit."""
    progress = get_progress(user, module)
    if progress is None:
        try:
            # A savepoint: a second tab starting the same module at the same moment wins
            # the race harmlessly instead of failing the request.
            with db.session.begin_nested():
                progress = Progress(user=user, module=module, language=language, last_position=1)
                db.session.add(progress)
        except sa.exc.IntegrityError:
            progress = get_progress(user, module)
    return progress


def visit(progress: Progress, language: str, position: int) -> None:
    """Remember where the learner is, so that "resume" brings them back here."""
    progress.language = language
    progress.last_position = position
    progress.last_activity_at = utcnow()


def required_positions(translation: ModuleTranslation) -> set[int]:
    return {s.position for s in translation.sections}


def percent_read(progress: Progress | None, translation: ModuleTranslation) -> int:
    """How much of the version the learner has read, for the progress bar."""
    required = required_positions(translation)
    if not progress or not required:
        return 0
    return len(required & progress.read_positions) * 100 // len(required)


def mark_read(progress: Progress, translation: ModuleTranslation, position: int) -> bool:
    """Record a section as read; True when that completes the module."""
    if position not in progress.read_positions:
        progress.reads.append(SectionRead(position=position, language=translation.language))
    visit(progress, translation.language, position)
    return complete_if_done(progress, translation) is not None


@dataclass
class Graded:
    correct: int
    total: int
    score: int
    passed: bool
    feedback: dict[int, tuple[int | None, bool, str]]  # question id: (choice id, right, feedback)


def grade(translation: ModuleTranslation, answers: dict[int, int | None], pass_mark: int) -> Graded:
    """Score answers {question id: choice id} against the version's check."""
    feedback = {}
    correct = 0
    for question in translation.questions:
        chosen_id = answers.get(question.id)
        chosen = next((c for c in question.choices if c.id == chosen_id), None)
        right = bool(chosen and chosen.is_correct)
        correct += right
        feedback[question.id] = (
            chosen_id if chosen else None,
            right,
            without_verdict(chosen.feedback) if chosen else "",
        )
    total = len(translation.questions)
    score = correct * 100 // total if total else 0
    return Graded(correct, total, score, bool(total) and score >= pass_mark, feedback)


def record_attempt(
    progress: Progress, translation: ModuleTranslation, answers: dict[int, int | None]
) -> tuple[Attempt, Graded]:
    """Grade and keep an attempt at the check; completes the module when it was the last step."""
    graded = grade(translation, answers, progress.module.pass_mark)
    attempt = Attempt(
        language=translation.language,
        correct=graded.correct,
        total=graded.total,
        score=graded.score,
        passed=graded.passed,
        answers={str(k): v for k, v in answers.items()},
    )
    progress.attempts.append(attempt)
    progress.last_activity_at = utcnow()
    complete_if_done(progress, translation)
    return attempt, graded


def complete_if_done(progress: Progress, translation: ModuleTranslation) -> Certificate | None:
    """Complete the module and issue its certificate once every rule is met."""
    if progress.completed_at is not None:
        return None
    required = required_positions(translation)
    if not required or not required <= progress.read_positions or not progress.passed:
        return None
    progress.completed_at = utcnow()
    progress.completed_language = translation.language
    return issue_certificate(progress.user, progress.module, translation.language)


def new_code() -> str:
    """Twelve base32 characters: 60 random bits, not guessable, easy to type."""
    return base64.b32encode(secrets.token_bytes(8)).decode()[:12]


def holder_name(user: User) -> str:
    expert = db.session.scalar(sa.select(Expert).filter_by(user_id=user.id))
    return (expert.name if expert and expert.name else "") or user.email.split("@")[0]


def issue_certificate(user: User, module: Module, language: str) -> Certificate:
    """The user's certificate for the module (one per module; kept if already issued)."""
    existing = db.session.scalar(
        sa.select(Certificate).filter_by(user_id=user.id, module_id=module.id)
    )
    if existing:
        return existing
    code = new_code()
    while db.session.scalar(sa.select(Certificate.id).filter_by(code=code)):
        code = new_code()
    certificate = Certificate(
        code=code, user=user, module=module, language=language, holder_name=holder_name(user)
    )
    db.session.add(certificate)
    db.session.flush()
    return certificate


def anonymise_certificates(user_id: int) -> int:
    """On erasure of a person's data: certificates stay verifiable but name no one."""
    count = 0
    for certificate in db.session.scalars(sa.select(Certificate).filter_by(user_id=user_id)):
        certificate.holder_name = "—"
        count += 1
    return count


def normalise_code(code: str | None) -> str:
    """Accept a code as typed: lower case, with spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:16]


def find_certificate(code: str | None) -> Certificate | None:
    """The certificate with this code, or None."""
    code = normalise_code(code)
    if not code:
        return None
    return db.session.scalar(sa.select(Certificate).filter_by(code=code))


def initials(name: str) -> str:
    """ "Ana María López" -> "A. M. L.": enough to match a person in hand, no more."""
    parts = name.replace("-", " ").split()
    return " ".join(f"{part[0].upper()}." for part in parts if part[0].isalpha())


def missing_prerequisites(user: User, module: Module) -> list[Module]:
    """The prerequisites of the module the user has not completed yet."""
    if not module.prerequisites:
        return []
    done = completed_module_ids(user.id)
    return [m for m in module.prerequisites if m.id not in done]


def completed_module_ids(user_id: int) -> set[int]:
    return set(
        db.session.scalars(
            sa.select(Progress.module_id).where(
                Progress.user_id == user_id, Progress.completed_at.is_not(None)
            )
        )
    )


def completed_modules_for(user_id: int) -> list[tuple[Module, Certificate]]:
    """The modules a user completed with their certificates, latest first (for profiles)."""
    rows = db.session.execute(
        sa.select(Module, Certificate)
        .join(Certificate, Certificate.module_id == Module.id)
        .where(Certificate.user_id == user_id)
        .order_by(Certificate.issued_at.desc())
    )
    return [(m, c) for m, c in rows]


def completed_modules_by_expert() -> dict[int, set[str]]:
    """{expert id: slugs of the modules they completed}: a signal for the matcher."""
    rows = db.session.execute(
        sa.select(Expert.id, Module.slug)
        .join(Progress, Progress.user_id == Expert.user_id)
        .join(Module, Module.id == Progress.module_id)
        .where(Progress.completed_at.is_not(None))
    )
    result: dict[int, set[str]] = {}
    for expert_id, slug in rows:
        result.setdefault(expert_id, set()).add(slug)
    return result


def catalog_query(tag: str | None = None, language: str | None = None) -> sa.Select:
    """Published modules, optionally with a tag (or theme) and a version in a language."""
    query = sa.select(Module).where(Module.status == ModuleStatus.PUBLISHED)
    if tag:
        query = query.where(
            sa.or_(
                Module.id.in_(sa.select(ModuleTag.module_id).where(ModuleTag.tag == tag)),
                Module.theme_slug == tag,
            )
        )
    if language:
        query = query.where(
            Module.id.in_(
                sa.select(ModuleTranslation.module_id).where(ModuleTranslation.language == language)
            )
        )
    return query.order_by(Module.position, Module.slug)
