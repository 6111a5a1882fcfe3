"""The toolkit's answers to what experts announce (roster/experts/signals.py), and auth for an
account without an expert profile (roster/auth/signals.py: a focal point also reads modules)."""

import sqlalchemy as sa

from roster.auth.signals import account_data_asked, account_erased
from roster.experts.models import Expert
from roster.experts.signals import expert_erased, personal_data_asked
from roster.extensions import db
from roster.toolkit.progress_models import Certificate, Progress
from roster.toolkit.services import anonymise_certificates


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def forget_certificate_holder(expert: Expert, **_) -> None:
    """Certificates stay verifiable (the code is public), but name no one any more."""
    if expert.user_id is not None:
        anonymise_certificates(expert.user_id)


def learning_data(expert: Expert, **_) -> dict:
    """The person's progress through modules (sections read, check attempts) and certificates."""
    if expert.user_id is None:
        return {"toolkit": {"progress": [], "certificates": []}}
    return _learning(expert.user_id)


def account_learning_data(user, **_) -> dict:
    """The same for an account without an expert profile."""
    return _learning(user.id)


def forget_account_holder(user, **_) -> None:
    """The same anonymous certificates for an account without an expert profile."""
    anonymise_certificates(user.id)


def _learning(user_id: int) -> dict:
    progress = db.session.scalars(
        sa.select(Progress).where(Progress.user_id == user_id).order_by(Progress.id)
    ).all()
    certificates = db.session.scalars(
        sa.select(Certificate).where(Certificate.user_id == user_id).order_by(Certificate.id)
    ).all()
    return {
        "toolkit": {
            "progress": [
                {
                    "module": p.module.slug,
                    "language": p.language,
                    "started_at": _iso(p.started_at),
                    "last_activity_at": _iso(p.last_activity_at),
                    "completed_at": _iso(p.completed_at),
                    "sections_read": [
                        {"position": r.position, "read_at": _iso(r.read_at)} for r in p.reads
                    ],
                    "check_attempts": [
                        {
                            "submitted_at": _iso(a.submitted_at),
                            "score": a.score,
                            "passed": a.passed,
                        }
                        for a in p.attempts
                    ],
                }
                for p in progress
            ],
            "certificates": [
                {
                    "code": c.display_code,
                    "module": c.module.slug,
                    "holder_name": c.holder_name,
                    "language": c.language,
                    "issued_at": _iso(c.issued_at),
                }
                for c in certificates
            ],
        }
    }


def connect() -> None:
    """Answer the experts' and auth's signals."""
    expert_erased.connect(forget_certificate_holder)
    personal_data_asked.connect(learning_data)
    account_erased.connect(forget_account_holder)
    account_data_asked.connect(account_learning_data)
