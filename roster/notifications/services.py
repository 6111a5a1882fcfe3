"""Create notifications and read a person's preferences; helpers add, the view commits."""

import sqlalchemy as sa

from roster.extensions import db
from roster.notifications.models import DigestFrequency, Notification, NotificationSettings


def notify(user, kind: str, link: str | None = None, **params) -> Notification | None:
    """Add a notification for user (committed with the caller's change); None for nobody.

    `params` must be JSON values (str, int, ...): they fill the kind's message when it is
    read, so the reader sees it in their own language.
    """
    if user is None or getattr(user, "id", None) is None:
        return None
    if not getattr(user, "is_active_account", True):
        return None
    note = Notification(user_id=user.id, kind=kind, link=link, params=dict(params))
    db.session.add(note)
    return note


def unread_count(user) -> int:
    """How many unread notifications the person has (the menu's badge)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    return db.session.scalar(
        sa.select(sa.func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def settings_for(user) -> NotificationSettings:
    """The person's digest settings, created with the defaults on first use (not flushed)."""
    found = db.session.get(NotificationSettings, user.id)
    if found is None:
        found = NotificationSettings(user_id=user.id, digest=DigestFrequency.WEEKLY)
        db.session.add(found)
    return found
