"""Notifications in the service: the list, opening one, the digest's settings, and the
one-click unsubscribe of the digest's link."""

import sqlalchemy as sa
from flask import (
    abort,
    current_app,
    flash,
    has_request_context,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import _
from flask_login import current_user

from roster.auth.models import User
from roster.auth.permissions import owns_notification
from roster.auth.services import safe_next
from roster.core.access import public_page, signed_link
from roster.core.numbers import page_args
from roster.core.time import utcnow
from roster.extensions import db
from roster.notifications.forms import DigestForm, UnsubscribeForm
from roster.notifications.models import DigestFrequency, Notification
from roster.notifications.services import settings_for, unread_count
from roster.notifications.tokens import user_id_from


def notification_count() -> dict:
    """The menu's count of unread notifications."""
    if not (has_request_context() and current_user and current_user.is_authenticated):
        return {}  # a mail rendered by a command, or a signed-out visitor
    return {"notification_count": unread_count(current_user)}


def index():
    """The person's notifications, newest first; the unread ones marked."""
    number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
    page = db.paginate(
        sa.select(Notification)
        .where(Notification.user_id == current_user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()),
        page=number,
        per_page=per_page,
        error_out=False,
    )
    return render_template("notifications/index.html", page=page)


def open_(notification_id: int):
    """Mark a notification read and go where it points."""
    note = db.get_or_404(Notification, notification_id)
    if not owns_notification(current_user, note):
        abort(404)
    if note.read_at is None:
        note.read_at = utcnow()
        db.session.commit()
    return redirect(safe_next(note.link) or url_for("notifications.index"), 303)


def read_all():
    """Mark every notification read."""
    db.session.execute(
        sa.update(Notification)
        .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    flash(_("Every notification is marked read."), "success")
    return redirect(url_for("notifications.index"), 303)


def settings():
    """Choose how often the e-mail digest comes: every day, every week or never."""
    current = settings_for(current_user)
    form = DigestForm(data={"digest": (current.digest or DigestFrequency.WEEKLY).value})
    if form.validate_on_submit():
        current.digest = DigestFrequency(form.digest.data)
        db.session.commit()
        flash(_("Your digest settings are saved."), "success")
        return redirect(url_for("notifications.settings"), 303)
    return render_template("notifications/settings.html", form=form), 400 if form.errors else 200


@public_page
@signed_link
def unsubscribe(token: str):
    """Stop the digest from its mail's link: a page with one button, or a mail program's
    one-click POST (RFC 8058), which carries no session and no CSRF token."""
    user_id = user_id_from(token)
    user = db.session.get(User, user_id) if user_id is not None else None
    if user is None:
        return render_template("notifications/unsubscribe.html", valid=False, form=None), 400
    form = UnsubscribeForm()
    if request.method == "POST":
        settings_for(user).digest = DigestFrequency.NEVER
        db.session.commit()
        return render_template("notifications/unsubscribe.html", valid=True, done=True, form=None)
    return render_template("notifications/unsubscribe.html", valid=True, done=False, form=form)
