"""The audit record every domain writes to: staff actions on personal data, security events."""

from flask import has_request_context, request
from flask_login import current_user

from roster.audit.models import AuditEvent
from roster.extensions import db


def record(action: str, target=None, detail: str | None = None, actor=None) -> AuditEvent:
    """Add an audit event to the session (the caller's commit stores it with the change)."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None),
        actor_email=getattr(actor, "email", None),
        target_type=type(target).__name__.lower() if target is not None else None,
        target_id=getattr(target, "id", None),
        detail=detail,
        ip=request.remote_addr if has_request_context() else None,
    )
    db.session.add(event)
    return event
