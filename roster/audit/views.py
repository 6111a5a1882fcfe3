"""The audit log for admins: who read or changed personal data, and when."""

import sqlalchemy as sa
from flask import Blueprint, current_app, render_template, request
from flask_login import login_required

from roster.audit.models import AuditEvent
from roster.auth.permissions import can_read_audit, require
from roster.extensions import db

bp = Blueprint("audit", __name__, url_prefix="/audit")


@bp.get("/")
@login_required
def index():
    """List audit events, newest first, filtered by action, actor and target."""
    require(can_read_audit)
    action = (request.args.get("action") or "").strip()
    actor = (request.args.get("actor") or "").strip()
    target_type = (request.args.get("target_type") or "").strip()
    target_id = (request.args.get("target_id") or "").strip()
    stmt = sa.select(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if actor:
        stmt = stmt.where(
            sa.func.lower(AuditEvent.actor_email).contains(actor.lower(), autoescape=True)
        )
    if target_type:
        stmt = stmt.where(AuditEvent.target_type == target_type)
    target_error = None
    if target_id:
        if target_id.isdigit():
            stmt = stmt.where(AuditEvent.target_id == int(target_id))
        else:
            target_error = True
    page = request.args.get("page", 1, type=int) or 1
    pagination = db.paginate(
        stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
        page=max(page, 1),
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
        actions=actions,
        target_types=target_types,
        args={"action": action, "actor": actor, "target_type": target_type, "target_id": target_id},
        target_error=target_error,
    )
