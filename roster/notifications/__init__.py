"""Notifications in the service: any domain calls `notify(user, kind, **params)`; the text is
written at reading time, in the reader's language, from the kind's registered message."""

from roster.notifications.kinds import message_for, register_kind
from roster.notifications.models import DigestFrequency, Notification, NotificationSettings
from roster.notifications.services import notify, settings_for, unread_count

__all__ = [
    "DigestFrequency",
    "Notification",
    "NotificationSettings",
    "message_for",
    "notify",
    "register_kind",
    "settings_for",
    "unread_count",
]
