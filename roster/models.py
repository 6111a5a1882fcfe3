"""Every domain's models, imported once so that Alembic and create_all see them all."""

from roster.actions.models import (
    Action,
    ActionDocument,
    ActionStatusChange,
    Activity,
    Assignment,
    Evaluation,
    PartnerInstitution,
    Request,
    TextEmbedding,
)
from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken, PartnerFocalPoint, User, UserSession
from roster.communities.models import (
    Community,
    Event,
    EventRegistration,
    Membership,
    Post,
    PostAttachment,
    PostReport,
    PostRevision,
    Thread,
    ThreadFollow,
)
from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    ImportJob,
    Unavailability,
)
from roster.notifications.models import Notification, NotificationSettings
from roster.opportunities.models import Interest, OpenCall, OpportunityPreference
from roster.taxonomy.models import Country, Region, Theme
from roster.toolkit.models import (
    Attachment,
    Choice,
    Module,
    ModuleRevision,
    ModuleTag,
    ModuleTranslation,
    Question,
    Section,
)
from roster.toolkit.progress_models import Attempt, Certificate, Progress, SectionRead

__all__ = [
    "Action",
    "ActionDocument",
    "ActionStatusChange",
    "Activity",
    "ApiToken",
    "Assignment",
    # toolkit
    "Attachment",
    "Attempt",
    "AuditEvent",
    "Certificate",
    "Choice",
    # communities
    "Community",
    "Country",
    "Evaluation",
    "Event",
    "EventRegistration",
    "Expert",
    "ExpertCountry",
    "ExpertLanguage",
    "ExpertTheme",
    "ImportJob",
    "Interest",
    "Membership",
    "Module",
    "ModuleRevision",
    "ModuleTag",
    "ModuleTranslation",
    "Notification",
    "NotificationSettings",
    "OpenCall",
    "OpportunityPreference",
    "PartnerFocalPoint",
    "PartnerInstitution",
    "Post",
    "PostAttachment",
    "PostReport",
    "PostRevision",
    "Progress",
    "Question",
    "Region",
    "Request",
    "Section",
    "SectionRead",
    "TextEmbedding",
    "Theme",
    "Thread",
    "ThreadFollow",
    "Unavailability",
    "User",
    "UserSession",
]

# Listeners that keep Expert.updated_at true for the matcher's index (after every model).
import roster.actions.events
import roster.experts.events
import roster.experts.search_index  # noqa: F401  (the full-text index follows every flush)
