"""Personal data: everything held about an expert, and its erasure.

The copy ("Download my data") gathers the profile here, the account from auth, and asks the
domains built on experts for theirs (personal_data_asked: Actions, the toolkit). Erasure
clears the profile, closes the account (auth), tells those domains (expert_erased) and, once
committed, deletes every stored copy of the CV and the kept mails that name the person.
"""

from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from roster.audit import record
from roster.audit.models import AuditEvent
from roster.auth.personal_data import account_data, forget_account
from roster.core.after_commit import after_commit
from roster.core.time import utcnow
from roster.experts import cv
from roster.experts.models import Expert
from roster.experts.signals import expert_erased, personal_data_asked
from roster.extensions import db
from roster.mail import forget_in_outbox

ERASED_NAME = ("Erased", "expert")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data(expert: Expert) -> dict:
    """Everything the roster holds about one expert, as JSON-ready data."""
    events = db.session.scalars(
        sa.select(AuditEvent)
        .where(AuditEvent.target_type == "expert", AuditEvent.target_id == expert.id)
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()
    data = {
        "exported_at": _iso(utcnow()),
        "profile": {
            "id": expert.id,
            "first_name": expert.first_name,
            "last_name": expert.last_name,
            "email": expert.email,
            "phone": expert.phone,
            "nationality": expert.nationality,
            "employer": expert.employer,
            "employer_type": expert.employer_type.value if expert.employer_type else None,
            "position": expert.position,
            "years_experience": expert.years_experience,
            "biography": expert.biography,
            "days_per_year": expert.days_per_year,
            "status": expert.status.value,
            "submitted_at": _iso(expert.submitted_at),
            "joined_on": _iso(expert.joined_on),
            "vetting_note": expert.vetting_note,
            "consent_at": _iso(expert.consent_at),
            "erasure_requested_at": _iso(expert.erasure_requested_at),
            "created_at": _iso(expert.created_at),
            "updated_at": _iso(expert.updated_at),
        },
        "consent": {
            "given_at": _iso(expert.consent_at),
            "erasure_requested_at": _iso(expert.erasure_requested_at),
        },
        "account": None,
        "security_events": [],
        "sign_in_failures": [],
        "themes": [{"theme": t.theme.slug, "depth": t.depth.value} for t in expert.themes],
        "languages": [{"code": x.code, "level": x.level} for x in expert.languages],
        "countries": [c.country_code for c in expert.countries],
        "unavailability": [
            {"start": _iso(u.start), "end": _iso(u.end), "note": u.note}
            for u in expert.unavailability
        ],
        "cv": {
            "filename": expert.cv_filename,
            "size": expert.cv_size,
            "uploaded_at": _iso(expert.cv_uploaded_at),
            "text": expert.cv_text,
        }
        if expert.cv_path
        else None,
        # Staff's actions on the profile (approval, CV reads, evaluations), without who did them.
        "audit_events": [
            {"at": _iso(e.at), "action": e.action, "detail": e.detail} for e in events
        ],
    }
    if expert.user is not None:
        data.update(account_data(expert.user, [expert.email or ""]))
    for _receiver, sections in personal_data_asked.send(expert):
        data.update(sections)
    return data


def erase_expert(expert: Expert, actor=None) -> None:
    """Remove an expert's personal data, keeping the anonymous row (status, joined_on).

    Adds the changes to the session; the caller commits. Once committed (never before, so
    that a failed commit loses nothing), every stored copy of the CV and the kept mails that
    name the person are deleted.
    """
    addresses = [a for a in (expert.email, expert.user.email if expert.user else None) if a]
    full_name = expert.name
    cv_copies = cv.stored_copies(expert)
    cv.clear_cv(expert)
    outbox = Path(current_app.config["OUTBOX_DIR"])
    expert.first_name, expert.last_name = ERASED_NAME
    for name in (
        "email",
        "phone",
        "nationality",
        "employer",
        "employer_type",
        "position",
        "years_experience",
        "biography",
        "days_per_year",
        "vetting_note",
    ):
        setattr(expert, name, None)
    expert.themes.clear()
    expert.languages.clear()
    expert.countries.clear()
    expert.unavailability.clear()
    expert.erased_at = utcnow()
    # Keep who did what and when, but not the notes, file names and addresses.
    db.session.execute(
        sa.update(AuditEvent)
        .where(AuditEvent.target_type == "expert", AuditEvent.target_id == expert.id)
        .values(detail=None)
    )
    if expert.user is not None:
        forget_account(expert.user, addresses, [full_name])
    expert_erased.send(expert)  # other domains forget the person too (Actions, toolkit)
    record("expert_erased", expert, actor=actor)

    def remove_files() -> None:
        for path in cv_copies:
            path.unlink(missing_ok=True)
        forget_in_outbox(outbox, [*addresses, full_name])

    after_commit(db.session, remove_files)
