"""Administrators manage accounts: find them, change a role, deactivate and reactivate."""

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from roster.audit import record
from roster.audit.models import AuditEvent
from roster.auth.forms import ROLE_LABELS, InviteForm, RoleForm, UserSearchForm
from roster.auth.mails import send_confirmation, send_invitation
from roster.auth.models import Role, User
from roster.auth.permissions import can_change_account, can_manage_users, require
from roster.auth.services import active_admin_count, create_account
from roster.auth.signals import named, profiles
from roster.auth.user_sessions import end_sessions, live_sessions
from roster.core.numbers import page_args
from roster.extensions import db


def _search(form: UserSearchForm) -> sa.Select:
    query = sa.select(User)
    if form.q.data:
        like = f"%{form.q.data.lower()}%"
        by_name = [User.id.in_(ids) for ids in named(like)]
        query = query.where(sa.or_(sa.func.lower(User.email).like(like), *by_name))
    if form.role.data:
        query = query.where(User.role == Role(form.role.data))
    if form.state.data == "active":
        query = query.where(User.is_active_account.is_(True), User.confirmed_at.is_not(None))
    elif form.state.data == "unconfirmed":
        query = query.where(User.is_active_account.is_(True), User.confirmed_at.is_(None))
    elif form.state.data == "inactive":
        query = query.where(User.is_active_account.is_(False))
    return query.order_by(User.email)


@login_required
def users():
    """List and search accounts with their role and state."""
    require(can_manage_users)
    form = UserSearchForm(request.args)
    if not form.validate():
        form = UserSearchForm(formdata=None)  # an unknown filter value shows everything
    number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
    page = db.paginate(_search(form), page=number, per_page=per_page, error_out=False)
    experts = profiles(u.id for u in page.items)
    return render_template(
        "auth/users.html", form=form, page=page, experts=experts, role_labels=ROLE_LABELS
    )


def _user_page(user: User, role_form: RoleForm | None = None, status: int = 200):
    expert = profiles([user.id]).get(user.id)
    events = db.session.scalars(
        sa.select(AuditEvent)
        .where(
            sa.or_(
                sa.and_(AuditEvent.target_type == "user", AuditEvent.target_id == user.id),
                AuditEvent.actor_id == user.id,
            )
        )
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(20)
    )
    role_form = role_form or RoleForm(role=user.role.value)
    return render_template(
        "auth/user.html",
        user=user,
        expert=expert,
        events=list(events),
        role_form=role_form,
        role_labels=ROLE_LABELS,
        sessions=live_sessions(user),
    ), status


@login_required
def user(user_id: int):
    """Show one account: role, state, recent security events."""
    target = db.get_or_404(User, user_id)
    require(can_manage_users)
    return _user_page(target)


def _leaves_no_admin(target: User) -> bool:
    """Whether taking admin rights from target would leave nobody able to administer."""
    return target.role == Role.ADMIN and target.is_active_account and active_admin_count() <= 1


@login_required
def change_role(user_id: int):
    """Give an account another role."""
    target = db.get_or_404(User, user_id)
    require(can_change_account, target)
    form = RoleForm()
    if not form.validate_on_submit():
        return _user_page(target, form, 400)
    new_role = Role(form.role.data)
    if new_role == target.role:
        flash(_("The role was already %(role)s.", role=ROLE_LABELS[new_role]), "info")
        return redirect(url_for("auth.user", user_id=target.id))
    if new_role != Role.ADMIN and _leaves_no_admin(target):
        form.role.errors.append(_("At least one active administrator must remain."))
        return _user_page(target, form, 409)
    old_role = target.role
    target.role = new_role
    record("role_changed", target=target, detail=f"{old_role.value} -> {new_role.value}")
    db.session.commit()
    flash(
        _("%(email)s is now %(role)s.", email=target.email, role=ROLE_LABELS[new_role]), "success"
    )
    return redirect(url_for("auth.user", user_id=target.id))


@login_required
def set_active(user_id: int):
    """Deactivate an account (it can no longer sign in or use tokens), or reactivate it."""
    target = db.get_or_404(User, user_id)
    require(can_change_account, target)
    activate = request.form.get("active") == "1"
    if activate == target.is_active_account:
        return redirect(url_for("auth.user", user_id=target.id))
    if not activate and _leaves_no_admin(target):
        flash(_("At least one active administrator must remain."), "danger")
        return redirect(url_for("auth.user", user_id=target.id))
    target.is_active_account = activate
    if not activate:
        end_sessions(target)
    record("account_reactivated" if activate else "account_deactivated", target=target)
    db.session.commit()
    if activate:
        flash(_("%(email)s can sign in again.", email=target.email), "success")
    else:
        flash(_("%(email)s is deactivated.", email=target.email), "success")
    return redirect(url_for("auth.user", user_id=target.id))


@login_required
def invite():
    """Open an account for someone and mail them a link to choose their password."""
    require(can_manage_users)
    form = InviteForm()
    if not form.validate_on_submit():
        return render_template("auth/invite.html", form=form), 400 if form.errors else 200
    user = create_account(
        form.email.data,
        None,
        Role(form.role.data),
        first_name=form.first_name.data or "",
        last_name=form.last_name.data or "",
    )
    record("user_invited", target=user, detail=f"role {user.role.value}")
    db.session.commit()
    send_invitation(user, current_user)
    flash(_("The account is open; %(email)s has been mailed a link.", email=user.email), "success")
    return redirect(url_for("auth.user", user_id=user.id))


@login_required
def resend_invitation(user_id: int):
    """Mail a not-yet-confirmed account its link again."""
    target = db.get_or_404(User, user_id)
    require(can_change_account, target)
    if target.confirmed_at is not None or not target.is_active_account:
        flash(_("This account needs no new link."), "info")
        return redirect(url_for("auth.user", user_id=target.id))
    if target.password_hash is None:
        send_invitation(target, current_user)
    else:
        send_confirmation(target)
    record("invitation_sent", target=target)
    db.session.commit()
    flash(_("A new link has been mailed to %(email)s.", email=target.email), "success")
    return redirect(url_for("auth.user", user_id=target.id))


@login_required
def end_user_sessions(user_id: int):
    """Sign an account out everywhere (a lost laptop, a suspected break-in)."""
    target = db.get_or_404(User, user_id)
    require(can_change_account, target)
    ended = end_sessions(target)
    record("sessions_ended", target=target, detail=f"{ended} sessions, by an administrator")
    db.session.commit()
    flash(_("Every session of %(email)s is ended.", email=target.email), "success")
    return redirect(url_for("auth.user", user_id=target.id))
