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
from roster.auth.models import ApiToken, User, UserSession
from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    ImportJob,
    Unavailability,
)
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
    "Country",
    "Evaluation",
    "Expert",
    "ExpertCountry",
    "ExpertLanguage",
    "ExpertTheme",
    "ImportJob",
    "Module",
    "ModuleRevision",
    "ModuleTag",
    "ModuleTranslation",
    "PartnerInstitution",
    "Progress",
    "Question",
    "Region",
    "Request",
    "Section",
    "SectionRead",
    "TextEmbedding",
    "Theme",
    "Unavailability",
    "User",
    "UserSession",
]

# Listeners that keep Expert.updated_at true for the matcher's index (after every model).
import roster.actions.events
import roster.experts.events
import roster.experts.search_index  # noqa: F401  (the full-text index follows every flush)
