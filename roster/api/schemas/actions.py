"""The Actions' schemas: the list's filters, the status change, and the Action answers."""

from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, fields, validate

from roster.actions.states import ActionStatus, ActivityFormat, ActivityKind, AssignmentState
from roster.api.schemas.common import (
    AnswerSchema,
    Choice,
    QuerySchema,
    Text,
    WholeNumber,
    known_country,
    known_region,
    known_theme,
    page_field,
    per_page_field,
)

STATUSES = [s.value for s in ActionStatus]


class ActionsQuery(QuerySchema):
    """The Actions list's filters, as on the staff page."""

    status = Choice(STATUSES, _l("Unknown value."), description="Status.")
    region = Text(64, validate=known_region, description="Region slug.")
    country = Text(case="upper", validate=known_country, description="ISO 3166 alpha-2 code.")
    theme = Text(64, validate=known_theme, description="Theme slug.")
    year = WholeNumber(2000, 2100, _l("Give a year such as 2021."), description="A year it ran in.")
    q = Text(200, description="Words to find in the code, title or summary.")
    page = page_field()
    per_page = per_page_field()


class ActionStatusChangeSchema(Schema):
    """The body of a status change: the new status and an optional note."""

    class Meta:
        unknown = EXCLUDE

    error_messages = {"type": _l('Send a JSON object such as {"status": "concluded"}.')}
    status = Choice(STATUSES, _l("Unknown status."), required=True)
    note = fields.String(
        allow_none=True,
        validate=validate.Length(max=2000, error=_l("Give a text of at most 2000 characters.")),
        error_messages={"invalid": _l("Give a text of at most 2000 characters.")},
    )


def _status(**kwargs):
    return fields.String(metadata={"enum": STATUSES}, **kwargs)


def _day(**kwargs):
    return fields.String(allow_none=True, metadata={"format": "date"}, **kwargs)


def _moment():
    return fields.String(allow_none=True, metadata={"format": "date-time"})


def _text():
    return fields.String(allow_none=True)


class IdNameSchema(AnswerSchema):
    id = fields.Integer()
    name = fields.String()


class ActionSummarySchema(AnswerSchema):
    """One row of the Actions list."""

    id = fields.Integer(required=True)
    code = fields.String(required=True)
    title = fields.String(required=True)
    status = _status(required=True)
    country = fields.String(required=True, allow_none=True)
    region = fields.String(required=True, allow_none=True)
    themes = fields.List(fields.String(), required=True)
    languages = fields.List(fields.String(), required=True)
    partners = fields.List(fields.Nested(IdNameSchema), required=True)
    start_on = _day(required=True)
    end_on = _day(required=True)
    concluded_on = _day(required=True)
    url = fields.String(required=True)


class ActionPageSchema(AnswerSchema):
    """One page of Actions."""

    items = fields.List(fields.Nested(ActionSummarySchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class StatusChangeSchema(AnswerSchema):
    from_ = fields.String(attribute="from", data_key="from", allow_none=True)
    to = _status()
    at = _moment()
    note = _text()


class ActivitySchema(AnswerSchema):
    id = fields.Integer()
    title = fields.String()
    kind = fields.String(metadata={"enum": [k.value for k in ActivityKind]})
    format = fields.String(metadata={"enum": [f.value for f in ActivityFormat]})
    start_on = _day()
    end_on = _day()
    place = _text()
    participants = fields.Integer(allow_none=True)
    notes = _text()


class TeamMemberSchema(AnswerSchema):
    id = fields.Integer()
    expert = fields.Nested(IdNameSchema)
    activity_id = fields.Integer(allow_none=True)
    state = fields.String(metadata={"enum": [s.value for s in AssignmentState]})
    role = _text()
    days = fields.Float(allow_none=True)
    start_on = _day()
    end_on = _day()
    invited_at = _moment()
    answered_at = _moment()


class DocumentSchema(AnswerSchema):
    id = fields.Integer()
    kind = fields.String()
    title = _text()
    filename = fields.String()


class ActionSchema(ActionSummarySchema):
    """One Action with its summary text, status history, activities, team and documents."""

    summary = _text()
    allowed_statuses = fields.List(_status())
    history = fields.List(fields.Nested(StatusChangeSchema), required=True)
    activities = fields.List(fields.Nested(ActivitySchema), required=True)
    team = fields.List(fields.Nested(TeamMemberSchema), required=True)
    documents = fields.List(fields.Nested(DocumentSchema))
