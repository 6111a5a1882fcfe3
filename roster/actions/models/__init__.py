"""The actions domain's tables, one group a module; import them from here."""

from roster.actions.models.actions import (
    Action,
    ActionDocument,
    ActionStatusChange,
    Activity,
    action_partner,
    action_theme,
)
from roster.actions.models.assignments import Assignment, Evaluation
from roster.actions.models.embeddings import TextEmbedding
from roster.actions.models.partners import InstitutionKind, PartnerInstitution
from roster.actions.models.requests import Request, request_theme

__all__ = [
    "Action",
    "ActionDocument",
    "ActionStatusChange",
    "Activity",
    "Assignment",
    "Evaluation",
    "InstitutionKind",
    "PartnerInstitution",
    "Request",
    "TextEmbedding",
    "action_partner",
    "action_theme",
    "request_theme",
]
