"""A focal point's personal data: their copy ("Download my data") and its erasure.

The same flow as an expert's (roster/experts/privacy.py): the copy gathers here the link to the
institution and the requests the person sent, the account from auth, and asks the domains
built above (communities, toolkit) for theirs through auth's account_data_asked. Erasure
closes and anonymises the account (auth), unnames the requests they sent (which stay with the
institution), tells those domains (account_erased: posts emptied in place, memberships,
registrations and notifications deleted), drops the link that held their name and, once
committed, deletes the kept mails that name them.
"""

from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from roster.actions.models import PartnerInstitution, Request
from roster.audit import record
from roster.auth.models import User
from roster.auth.personal_data import account_data, forget_account
from roster.auth.signals import account_data_asked, account_erased
from roster.core.after_commit import after_commit
from roster.core.time import utcnow
from roster.extensions import db
from roster.mail import forget_in_outbox

CONTACT_FIELDS = ("contact_name", "contact_position", "contact_email", "contact_phone")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _sent_by(user: User) -> list[Request]:
    return db.session.scalars(
        sa.select(Request)
        .where(Request.created_by_id == user.id)
        .order_by(Request.received_on, Request.id)
    ).all()


def _request_data(req: Request) -> dict:
    return {
        "id": req.id,
        "received_on": _iso(req.received_on),
        "institution": req.institution,
        "title": req.title,
        "text": req.text,
        "country": req.country_code,
        "themes": [t.slug for t in req.themes],
        "languages": list(req.languages or []),
        "support_kind": req.support_kind.value if req.support_kind else None,
        "contact": {name.removeprefix("contact_"): getattr(req, name) for name in CONTACT_FIELDS},
        "status": req.status.value,
        "decided_on": _iso(req.decided_on),
        "decline_reason": req.decline_reason,
        "action": req.action.code if req.action else None,
    }


def personal_data(user: User) -> dict:
    """Everything the service holds about one focal point, as JSON-ready data (never who on
    the staff invited them, nor anything about their colleagues)."""
    link = user.focal_point
    partner = db.session.get(PartnerInstitution, link.partner_id)
    data = {
        "exported_at": _iso(utcnow()),
        "focal_point": {
            "name": link.name,
            "institution": {
                "name": partner.name,
                "acronym": partner.acronym,
                "country": partner.country_code,
            },
            "since": _iso(link.created_at),
            "erasure_requested_at": _iso(link.erasure_requested_at),
        },
        "requests_sent": [_request_data(req) for req in _sent_by(user)],
    }
    data.update(account_data(user))
    for _receiver, sections in account_data_asked.send(user):
        data.update(sections)
    return data


def _unname_requests(user: User, addresses: list[str], names: list[str]) -> None:
    """The requests they sent, or that give them as the contact, keep everything but them."""
    naming = [Request.created_by_id == user.id]
    naming.append(sa.func.lower(Request.contact_email).in_(addresses))
    naming += [sa.func.lower(Request.contact_name) == name for name in names]
    for req in db.session.scalars(sa.select(Request).where(sa.or_(*naming))):
        for field in CONTACT_FIELDS:
            setattr(req, field, None)


def _unname_contacts(partner: PartnerInstitution, needles: list[str]) -> None:
    """Lines of the institution's contacts (staff's notes) that give their name or address."""
    if not partner.contacts:
        return
    lines = partner.contacts.splitlines()
    kept = [line for line in lines if not any(n in line.lower() for n in needles)]
    if len(kept) != len(lines):
        partner.contacts = "\n".join(kept).strip() or None


def erase_focal_point(user: User, actor=None) -> None:
    """Remove a focal point's personal data; what they did for the institution stays,
    anonymous. Adds the changes to the session; the caller commits, and the kept mails that
    name the person go once it has (never before, so a failed commit loses nothing)."""
    link = user.focal_point
    partner = db.session.get(PartnerInstitution, link.partner_id)
    addresses = [user.email.strip().lower()]
    names = [link.name.strip().lower()] if link.name.strip() else []
    _unname_requests(user, addresses, names)
    _unname_contacts(partner, addresses + names)
    account_erased.send(user)  # communities, toolkit
    forget_account(user, addresses, names)
    user.focal_point = None  # the link held their name and their request
    record("focal_point_erased", target=user, detail=partner.name, actor=actor)
    outbox = Path(current_app.config["OUTBOX_DIR"])
    after_commit(db.session, lambda: forget_in_outbox(outbox, [*addresses, *names]))
