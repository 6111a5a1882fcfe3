"""Personal data: everything held about an expert, and its erasure."""

import secrets

import sqlalchemy as sa

from roster.audit import record
from roster.audit.models import AuditEvent
from roster.core.time import utcnow
from roster.experts import cv
from roster.experts.models import Expert
from roster.experts.signals import expert_erased
from roster.extensions import db

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
    return {
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
        "account": {"email": expert.user.email, "created_at": _iso(expert.user.created_at)}
        if expert.user
        else None,
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
        "audit_events": [
            {"at": _iso(e.at), "action": e.action, "detail": e.detail} for e in events
        ],
    }


def erase_expert(expert: Expert, actor=None) -> str | None:
    """Remove an expert's personal data, keeping the anonymous row (status, joined_on).

    Adds the changes to the session; the caller commits, then removes the returned CV
    file with cv.remove_file (so that a failed commit does not lose the file).
    """
    old_file = cv.clear_cv(expert)
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
    # Keep who did what and when, but not the notes and file names that may hold personal data.
    db.session.execute(
        sa.update(AuditEvent)
        .where(AuditEvent.target_type == "expert", AuditEvent.target_id == expert.id)
        .values(detail=None)
    )
    if expert.user is not None:
        user = expert.user
        user.is_active_account = False
        user.email = f"erased-{secrets.token_hex(8)}@invalid.example"
        user.password_hash = None
        user.tokens.clear()
    expert_erased.send(expert)  # other domains forget the person too (toolkit: certificates)
    record("expert_erased", expert, actor=actor)
    return old_file
