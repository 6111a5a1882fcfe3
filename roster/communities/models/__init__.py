"""The communities domain's tables, one group a module; import them from here."""

from roster.communities.models.community import LANGUAGES, Community, MemberRole, Membership
from roster.communities.models.events import Event, EventFormat, EventRegistration
from roster.communities.models.threads import (
    Post,
    PostAttachment,
    PostReport,
    PostRevision,
    Thread,
    ThreadFollow,
)

__all__ = [
    "LANGUAGES",
    "Community",
    "Event",
    "EventFormat",
    "EventRegistration",
    "MemberRole",
    "Membership",
    "Post",
    "PostAttachment",
    "PostReport",
    "PostRevision",
    "Thread",
    "ThreadFollow",
]
