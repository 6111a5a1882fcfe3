"""The audit log page for admins (the record is roster/audit, which auth itself writes to)."""

import sqlalchemy as sa
from flask import current_app, render_template, request
from flask_login import login_required

from roster.audit.labels import actor_name, names_for, target_label, target_name
from roster.audit.models import AuditEvent
from roster.auth.audit_forms import AuditFilterForm
from roster.auth.permissions import can_read_audit, require
from roster.core.numbers import page_args
from roster.extensions import db


@login_required
def index():
    """List audit events, newest first, filtered by action, actor and target."""
    require(can_read_audit)
    form = AuditFilterForm(request.args)
    form.validate()  # a bad target id is named next to its field; the other filters apply
    action, actor = form.action.data, form.actor.data
    target_type, target_id = form.target_type.data, form.target_id.data
    stmt = sa.select(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if actor:
        stmt = stmt.where(
            sa.func.lower(AuditEvent.actor_email).contains(actor.lower(), autoescape=True)
        )
    if target_type:
        stmt = stmt.where(AuditEvent.target_type == target_type)
    if target_id and not form.target_id.errors:
        stmt = stmt.where(AuditEvent.target_id == int(target_id))
    page, _per_page = page_args(request.args)
    pagination = db.paginate(
        stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
        page=page,
        per_page=current_app.config.get("PER_PAGE", 25),
        error_out=False,
    )
    actions = db.session.scalars(
        sa.select(AuditEvent.action).distinct().order_by(AuditEvent.action)
    ).all()
    target_types = db.session.scalars(
        sa.select(AuditEvent.target_type)
        .where(AuditEvent.target_type.is_not(None))
        .distinct()
        .order_by(AuditEvent.target_type)
    ).all()
    return render_template(
        "audit/index.html",
        pagination=pagination,
        events=pagination.items,
        names=names_for(pagination.items),
        actor_name=actor_name,
        target_name=target_name,
        target_label=target_label,
        actions=actions,
        target_types=target_types,
        args={"action": action, "actor": actor, "target_type": target_type, "target_id": target_id},
        target_error=form.target_id.errors[0] if form.target_id.errors else None,
    )
