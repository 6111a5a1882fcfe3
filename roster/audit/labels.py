"""The audit log in words: a translated label for each event and kind of record, and the name of
each person or record an event names (a removed person as such, never as "user 12")."""

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from roster.audit.models import AuditEvent
from roster.extensions import db

# The events of the domains; the security events' labels are in auth/security_events.py.
EVENT_LABELS = {
    "experts_imported": _l("Experts imported from a file"),
    "roster_exported": _l("Roster exported"),
    "profile_changed": _l("Profile changed"),
    "expert_submitted": _l("Application submitted"),
    "expert_approved": _l("Application approved"),
    "expert_rejected": _l("Application rejected"),
    "expert_inactivated": _l("Expert set inactive"),
    "expert_reactivated": _l("Expert made active again"),
    "cv_read": _l("CV read"),
    "erasure_requested": _l("Erasure requested"),
    "erasure_withdrawn": _l("Erasure request withdrawn"),
    "expert_erased": _l("Personal data erased"),
    "assignment_invite": _l("Expert invited to an Action"),
    "evaluation": _l("Evaluation recorded"),
    "theme_created": _l("Theme created"),
    "theme_changed": _l("Theme changed"),
    "theme_deactivated": _l("Theme deactivated"),
    "theme_reactivated": _l("Theme reactivated"),
    "region_created": _l("Region created"),
    "region_changed": _l("Region changed"),
    "countries_moved": _l("Countries moved to another region"),
    "toolkit.module_status": _l("Toolkit module published or withdrawn"),
    "focal_point_invited": _l("Partner focal point invited"),
    "focal_point_removed": _l("Partner focal point removed"),
    "focal_point_erased": _l("Partner focal point's personal data erased"),
    "call_published": _l("Open call published"),
    "call_closed": _l("Open call closed"),
    "community.created": _l("Community created"),
    "community.member_added": _l("Member added to a community"),
    "community.moderator_named": _l("Community moderator named"),
    "community.member_removed": _l("Member removed from a community"),
    "community.post_hidden": _l("Community post hidden"),
    "community.post_shown": _l("Community post shown again"),
    "community.thread_locked": _l("Community thread locked"),
    "community.thread_unlocked": _l("Community thread unlocked"),
    "community.report_dismissed": _l("Report on a community post dismissed"),
}

# What kind of record an event is about (AuditEvent.target_type: the model's class name).
TARGET_LABELS = {
    "user": _l("Account"),
    "expert": _l("Expert"),
    "apitoken": _l("API token"),
    "theme": _l("Theme"),
    "region": _l("Region"),
    "module": _l("Toolkit module"),
    "importjob": _l("Import of experts"),
    "assignment": _l("Invitation"),
    "request": _l("Request"),
    "action": _l("Action"),
    "opencall": _l("Open call"),
    "community": _l("Community"),
    "membership": _l("Community membership"),
    "thread": _l("Community thread"),
    "post": _l("Community post"),
}

# The first of these attributes a record has is its name in the log.
NAME_ATTRIBUTES = ("label", "name", "code", "email", "filename", "slug")


def target_label(target_type: str | None) -> str:
    """The kind of record in the reader's language; an unknown kind is shown as it is."""
    label = TARGET_LABELS.get(target_type or "")
    return str(label) if label is not None else (target_type or "")


def _name(record) -> str:
    if getattr(record, "erased_at", None) is not None or getattr(record, "is_erased", False):
        return gettext("Removed person")
    for attribute in NAME_ATTRIBUTES:
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value.strip():
            return value
    return f"#{record.id}"


def _models() -> dict[str, type]:
    """Each mapped class by the name the audit record gives it (class name in lower case)."""
    return {m.class_.__name__.lower(): m.class_ for m in db.Model.registry.mappers}


def names_for(events: Iterable[AuditEvent]) -> dict[tuple[str, int], str]:
    """(kind, id) -> name for the actors (kind "user") and targets of a page of events,
    in one query per kind; a record that no longer exists is missing from the result."""
    events = list(events)
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.actor_id:
            wanted["user"].add(event.actor_id)
        if event.target_type and event.target_id:
            wanted[event.target_type].add(event.target_id)
    models, names = _models(), {}
    for kind, ids in wanted.items():
        model = models.get(kind)
        if model is None or "id" not in model.__table__.c:
            continue
        for record in db.session.scalars(sa.select(model).where(model.id.in_(ids))):
            names[(kind, record.id)] = _name(record)
    return names


def actor_name(event: AuditEvent, names: dict) -> str:
    """Who did it: their name ("Removed person" once erased), the address the event kept, or
    "System" for a command or background job."""
    if event.actor_id and ("user", event.actor_id) in names:
        return names[("user", event.actor_id)]
    if event.actor_email:
        return event.actor_email
    if event.actor_id:
        return gettext("Removed person")
    return gettext("System")


def target_name(event: AuditEvent, names: dict) -> str:
    """What it was done to: the record's name, or that it no longer exists."""
    if not event.target_type:
        return ""
    if not event.target_id:
        return ""
    found = names.get((event.target_type, event.target_id))
    if found is not None:
        return found
    if event.target_type in ("user", "expert"):
        return gettext("Removed person")
    return gettext("Removed (no. %(id)s)", id=event.target_id)
