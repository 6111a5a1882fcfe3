"""Every domain's models, imported once so that Alembic and create_all see them all."""

from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken, User
from roster.experts.models import Expert, ExpertCountry, ExpertLanguage, ExpertTheme, Unavailability
from roster.taxonomy.models import Country, Region, Theme

__all__ = [
    "ApiToken",
    "AuditEvent",
    "Country",
    "Expert",
    "ExpertCountry",
    "ExpertLanguage",
    "ExpertTheme",
    "Region",
    "Theme",
    "Unavailability",
    "User",
]
