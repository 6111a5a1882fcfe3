"""The vocabularies of requests, Actions, activities and assignments, with their labels."""

import enum

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry a translatable label."""

    @property
    def label(self) -> str:
        # Keyed by (enum, value): members of different enums that share a value are equal.
        return str(LABELS.get((type(self), self.value), self.value))

    @classmethod
    def choices(cls) -> list[SelectChoice]:
        return [SelectChoice(m.value, m.label) for m in cls]


class RequestStatus(LabelledEnum):
    RECEIVED = "received"
    UNDER_ASSESSMENT = "under_assessment"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class RequestSource(LabelledEnum):
    AWARENESS_SESSION = "awareness_session"
    DIRECT = "direct"
    WEBSITE_FORM = "website_form"
    EU_DELEGATION = "eu_delegation"
    OTHER = "other"


class SupportKind(LabelledEnum):
    NEEDS_ASSESSMENT = "needs_assessment"
    TRAINING = "training"
    TECHNICAL_ADVICE = "technical_advice"
    STUDY_VISIT = "study_visit"
    PEER_EXCHANGE = "peer_exchange"
    OTHER = "other"


class ActionStatus(LabelledEnum):
    PLANNED = "planned"
    NEEDS_ASSESSMENT = "needs_assessment"
    IMPLEMENTATION = "implementation"
    CONCLUDED = "concluded"


class ActivityKind(LabelledEnum):
    NEEDS_ASSESSMENT = "needs_assessment"
    WORKSHOP = "workshop"
    WEBINAR = "webinar"
    TRAINING = "training"
    STUDY_VISIT = "study_visit"
    CONFERENCE = "conference"
    COORDINATION = "coordination"
    OTHER = "other"


class ActivityFormat(LabelledEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    HYBRID = "hybrid"


class AssignmentState(LabelledEnum):
    PROPOSED = "proposed"
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMPLETED = "completed"


class DocumentKind(LabelledEnum):
    TERMS_OF_REFERENCE = "terms_of_reference"
    ASSESSMENT_REPORT = "assessment_report"
    OTHER = "other"


# Assignments that hold the expert's time: the double-booking check looks at these.
BOOKING_STATES = (AssignmentState.INVITED, AssignmentState.ACCEPTED)

LABELS = {
    (RequestStatus, RequestStatus.RECEIVED.value): _l("Received"),
    (RequestStatus, RequestStatus.UNDER_ASSESSMENT.value): _l("Under assessment"),
    (RequestStatus, RequestStatus.ACCEPTED.value): _l("Accepted"),
    (RequestStatus, RequestStatus.DECLINED.value): _l("Declined"),
    (RequestSource, RequestSource.AWARENESS_SESSION.value): _l("Awareness session"),
    (RequestSource, RequestSource.DIRECT.value): _l("Direct request"),
    (RequestSource, RequestSource.WEBSITE_FORM.value): _l("Website form"),
    (RequestSource, RequestSource.EU_DELEGATION.value): _l("EU Delegation"),
    (RequestSource, RequestSource.OTHER.value): _l("Other"),
    (SupportKind, SupportKind.NEEDS_ASSESSMENT.value): _l(
        "Assessment of capacities and training needs"
    ),
    (SupportKind, SupportKind.TRAINING.value): _l("Training"),
    (SupportKind, SupportKind.TECHNICAL_ADVICE.value): _l("Technical advice"),
    (SupportKind, SupportKind.STUDY_VISIT.value): _l("Study visit"),
    (SupportKind, SupportKind.PEER_EXCHANGE.value): _l("Peer exchange"),
    (SupportKind, SupportKind.OTHER.value): _l("Other"),
    (ActionStatus, ActionStatus.PLANNED.value): _l("Planned"),
    (ActionStatus, ActionStatus.NEEDS_ASSESSMENT.value): _l("Needs assessment"),
    (ActionStatus, ActionStatus.IMPLEMENTATION.value): _l("Implementation"),
    (ActionStatus, ActionStatus.CONCLUDED.value): _l("Concluded"),
    (ActivityKind, ActivityKind.NEEDS_ASSESSMENT.value): _l("Needs assessment"),
    (ActivityKind, ActivityKind.WORKSHOP.value): _l("Workshop"),
    (ActivityKind, ActivityKind.WEBINAR.value): _l("Webinar"),
    (ActivityKind, ActivityKind.TRAINING.value): _l("Training"),
    (ActivityKind, ActivityKind.STUDY_VISIT.value): _l("Study visit"),
    (ActivityKind, ActivityKind.CONFERENCE.value): _l("Conference"),
    (ActivityKind, ActivityKind.COORDINATION.value): _l("Coordination meeting"),
    (ActivityKind, ActivityKind.OTHER.value): _l("Other"),
    (ActivityFormat, ActivityFormat.ONLINE.value): _l("Online"),
    (ActivityFormat, ActivityFormat.IN_PERSON.value): _l("In person"),
    (ActivityFormat, ActivityFormat.HYBRID.value): _l("Hybrid"),
    (AssignmentState, AssignmentState.PROPOSED.value): _l("Shortlisted"),
    (AssignmentState, AssignmentState.INVITED.value): _l("Invited"),
    (AssignmentState, AssignmentState.ACCEPTED.value): _l("Accepted"),
    (AssignmentState, AssignmentState.DECLINED.value): _l("Declined"),
    (AssignmentState, AssignmentState.COMPLETED.value): _l("Completed"),
    (DocumentKind, DocumentKind.TERMS_OF_REFERENCE.value): _l("Terms of reference"),
    (DocumentKind, DocumentKind.ASSESSMENT_REPORT.value): _l("Assessment report"),
    (DocumentKind, DocumentKind.OTHER.value): _l("Other document"),
}
