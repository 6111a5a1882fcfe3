"""What the account side holds about a person (sign-ins, tokens, second factor), for the
copy a person downloads and for erasure.

The copy names API tokens but never their secrets or hashes, says whether a second factor is
on but never its secret, and gives the person's own events without the identity of the staff
member behind any of them. Erasure keeps every event (the counts stay true) but removes the
e-mail, the client address and the free text; it deletes what only served the person: the
tokens, sessions, second factor, recovery codes and failed-sign-in counters.
"""

import secrets

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import LoginFailure, RecoveryCode, User
from roster.auth.security_events import event_label
from roster.extensions import db


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _owned(user: User) -> list:
    """Rows that exist only for this account (tokens, sessions): its delete-orphan lists."""
    rows = []
    for relation in sa.inspect(User).relationships:
        if relation.uselist and relation.cascade.delete_orphan:
            rows.extend(getattr(user, relation.key))
    return rows


def _events_clause(user: User, owned: list):
    """The audit rows of the person's own events: by them, about their account or its rows."""
    clauses = [
        AuditEvent.actor_id == user.id,
        sa.and_(AuditEvent.target_type == "user", AuditEvent.target_id == user.id),
    ]
    by_type: dict[str, list[int]] = {}
    for row in owned:
        by_type.setdefault(type(row).__name__.lower(), []).append(row.id)
    for kind, ids in by_type.items():
        clauses.append(sa.and_(AuditEvent.target_type == kind, AuditEvent.target_id.in_(ids)))
    return sa.or_(*clauses)


def _addresses(user: User, more=()) -> list[str]:
    return sorted({a.strip().lower() for a in (user.email, *more) if a and a.strip()})


def account_data(user: User, more_addresses=()) -> dict:
    """The account, its security events and its failed sign-ins, as JSON-ready data."""
    owned = _owned(user)
    events = db.session.scalars(
        sa.select(AuditEvent)
        .where(_events_clause(user, owned))
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()
    failures = db.session.scalars(
        sa.select(LoginFailure)
        .where(sa.func.lower(LoginFailure.email).in_(_addresses(user, more_addresses)))
        .order_by(LoginFailure.last_failure_at)
    ).all()
    codes_left = db.session.scalar(
        sa.select(sa.func.count(RecoveryCode.id)).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    )
    return {
        "account": {
            "email": user.email,
            "role": user.role.value,
            "created_at": _iso(user.created_at),
            "confirmed_at": _iso(user.confirmed_at),
            "last_login_at": _iso(user.last_login_at),
            "locale": user.locale,
            "two_factor_enabled": user.two_factor_enabled,
            "two_factor_enabled_at": _iso(user.two_factor_enabled_at),
            "recovery_codes_left": codes_left,
            "api_tokens": [
                {
                    "name": t.name,
                    "created_at": _iso(t.created_at),
                    "last_used_at": _iso(t.last_used_at),
                    "revoked_at": _iso(t.revoked_at),
                }
                for t in sorted(user.tokens, key=lambda t: t.created_at)
            ],
            "sessions": [
                {
                    "started_at": _iso(s.created_at),
                    "last_seen_at": _iso(s.last_seen_at),
                    "ip": s.ip,
                    "device": s.user_agent,
                }
                for s in getattr(user, "sessions", [])
            ],
        },
        # By whom only when it was the person: a staff member's identity is theirs, not ours
        # to hand out. The address is given for the person's own requests only.
        "security_events": [
            {
                "at": _iso(e.at),
                "action": e.action,
                "label": event_label(e.action),
                "by": "you" if e.actor_id == user.id else ("staff" if e.actor_id else None),
                "ip": e.ip if e.actor_id in (None, user.id) else None,
                "detail": e.detail if e.actor_id in (None, user.id) else None,
            }
            for e in events
        ],
        "sign_in_failures": [
            {
                "ip": f.ip,
                "failures": f.failures,
                "last_failure_at": _iso(f.last_failure_at),
                "locked_until": _iso(f.locked_until),
            }
            for f in failures
        ],
    }


def forget_account(user: User, more_addresses=(), names=()) -> None:
    """Close the account and remove what identifies the person in auth's rows and the log.

    Adds the changes to the session; the caller commits.
    """
    addresses = _addresses(user, more_addresses)
    owned = _owned(user)
    events = _events_clause(user, owned)
    # The person's own events keep their action and time, not the address, e-mail or text.
    db.session.execute(
        sa.update(AuditEvent).where(events).values(actor_email=None, ip=None, detail=None)
    )
    # Any other row whose e-mail or free text names them (a failed sign-in with their address
    # typed, a staff member's search for their name).
    for text in (*addresses, *(n.strip().lower() for n in names if n and n.strip())):
        db.session.execute(
            sa.update(AuditEvent)
            .where(sa.func.lower(AuditEvent.actor_email).contains(text, autoescape=True))
            .values(actor_email=None)
        )
        db.session.execute(
            sa.update(AuditEvent)
            .where(sa.func.lower(AuditEvent.detail).contains(text, autoescape=True))
            .values(detail=None, ip=None)
        )
    db.session.execute(
        sa.delete(LoginFailure).where(sa.func.lower(LoginFailure.email).in_(addresses))
    )
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    for relation in sa.inspect(User).relationships:
        if relation.uselist and relation.cascade.delete_orphan:
            getattr(user, relation.key).clear()
    user.is_active_account = False
    user.email = f"erased-{secrets.token_hex(8)}@invalid.example"
    user.password_hash = None
    user.totp_secret = None
    user.totp_last_step = None
    user.two_factor_enabled_at = None
    user.last_login_at = None
