"""The opportunities' schemas: open calls, ranked for an expert or counted for staff."""

from marshmallow import fields, validate

from roster.api.schemas.common import AnswerSchema, QuerySchema
from roster.api.schemas.matches import MatchReasonSchema


class OpportunitiesQuery(QuerySchema):
    """No filter: an expert gets the open calls that fit them, staff every call."""


class CallLanguageSchema(AnswerSchema):
    code = fields.String(required=True)
    min_level = fields.String(required=True)


class InterestSchema(AnswerSchema):
    """The caller's own interest in the call."""

    note = fields.String(allow_none=True)
    expressed_at = fields.String(metadata={"format": "date-time"})
    outcome = fields.String(allow_none=True, metadata={"enum": ["selected", "not_selected", None]})


class OpportunitySchema(AnswerSchema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    expected = fields.String(metadata={"description": "What the expert is expected to do."})
    action = fields.String(metadata={"description": "The code of the call's Action."})
    activity = fields.String(metadata={"description": "The title of the call's activity."})
    themes = fields.List(fields.String(), metadata={"description": "Theme slugs."})
    languages = fields.List(
        fields.Nested(CallLanguageSchema),
        metadata={"description": "Hard requirements: each language at its minimum level."},
    )
    country = fields.String(allow_none=True, metadata={"description": "ISO 3166 alpha-2."})
    start = fields.String(metadata={"format": "date"})
    end = fields.String(allow_none=True, metadata={"format": "date"})
    deadline = fields.String(metadata={"format": "date"})
    status = fields.String(metadata={"enum": ["open", "closed"]})
    accepting_interest = fields.Boolean(metadata={"description": "Open and before its deadline."})
    url = fields.String(metadata={"format": "uri"})
    score = fields.Float(
        validate=validate.Range(0, 1),
        metadata={"description": "Experts only: how well the caller's profile fits the call."},
    )
    confidence = fields.Float(validate=validate.Range(0, 1), metadata={"description": "Experts."})
    reasons = fields.List(
        fields.Nested(MatchReasonSchema),
        metadata={"description": "Experts only: the reasons of the score, as in Find experts."},
    )
    interest = fields.Nested(InterestSchema, allow_none=True, metadata={"description": "Experts."})
    interest_count = fields.Integer(
        metadata={"description": "Staff only: how many experts expressed interest."}
    )


class OpportunityListSchema(AnswerSchema):
    """For an expert, the open calls whose hard requirements they meet, best first (none
    until their profile is approved: `ranked` is then false); for staff, every call."""

    items = fields.List(fields.Nested(OpportunitySchema), required=True)
    count = fields.Integer(required=True)
    ranked = fields.Boolean(
        required=True, metadata={"description": "Whether the calls are ranked for the caller."}
    )
