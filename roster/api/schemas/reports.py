"""The reports' schemas: the coverage's window and threshold, the year's figures and the
coverage answer."""

from flask_babel import _
from marshmallow import ValidationError, fields, validates_schema

from roster.api.schemas.common import AnswerSchema, Day, QuerySchema, WholeNumber
from roster.reports.coverage import DEFAULT_THRESHOLD


def _count(description: str | None = None):
    return fields.Integer(metadata={"description": description} if description else {})


def _codes(description: str | None = None):
    return fields.List(
        fields.String(), metadata={"description": description} if description else {}
    )


class CoverageQuery(QuerySchema):
    """The window experts must be free in, and the count under which a cell is a gap."""

    available_from = Day(description="Start of the window (default today).")
    available_to = Day(description="End of the window (default its start).")
    threshold = WholeNumber(
        1, 50, load_default=DEFAULT_THRESHOLD, description="A cell with fewer experts is a gap."
    )

    @validates_schema
    def _window(self, data, **kwargs):
        start, end = data.get("available_from"), data.get("available_to")
        if start and end and end < start:
            raise ValidationError(
                _("The end of the window must not be before its start."), "available_to"
            )


class AwarenessSessionSchema(AnswerSchema):
    name = fields.String()
    first_request_on = fields.String(metadata={"format": "date"})
    requests_received = _count()
    requests_became_actions = _count()
    countries = _codes()


class AwarenessSchema(AnswerSchema):
    requests_received = _count()
    requests_became_actions = _count()
    sessions = fields.List(fields.Nested(AwarenessSessionSchema))


class YearRegionSchema(AnswerSchema):
    region = fields.String(metadata={"description": "Slug; empty for none."})
    label = fields.String()
    actions_implemented = _count()
    activities = _count()
    countries = _codes()


class YearReportSchema(AnswerSchema):
    """The figures of one year, as the year in review gives them."""

    year = fields.Integer(required=True)
    actions_implemented = fields.Integer(
        required=True, metadata={"description": "Actions active in the year."}
    )
    actions_concluded = fields.Integer(
        required=True, metadata={"description": "Actions concluded in the year."}
    )
    activities = fields.Integer(
        required=True, metadata={"description": "Activities that started in the year."}
    )
    experts_joined = fields.Integer(
        required=True, metadata={"description": "Approved in the year, erased included."}
    )
    requests_received = fields.Integer(required=True)
    requests_became_actions = fields.Integer(
        required=True,
        metadata={"description": "Of the year's requests, those accepted as an Action."},
    )
    partner_countries = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "ISO codes of the year's Actions."},
    )
    long_standing_partner_countries = _codes("Of those, countries with an Action before.")
    new_partner_countries = _codes()
    awareness_sessions = fields.Nested(AwarenessSchema)
    regions = fields.List(fields.Nested(YearRegionSchema))


class CoverageCellSchema(AnswerSchema):
    experts = fields.Integer(
        required=True, metadata={"description": "Approved experts available in the window."}
    )
    demand = fields.Integer(
        required=True, metadata={"description": "Actions and open requests in it, all years."}
    )
    gap = fields.Boolean(
        required=True, metadata={"description": "Fewer experts than the threshold."}
    )


class CoverageGapSchema(AnswerSchema):
    theme = fields.String(required=True)
    column = fields.String(
        required=True, metadata={"description": "A region slug or a language code."}
    )
    experts = fields.Integer(required=True)
    demand = fields.Integer(required=True)


class ThemeCoverageSchema(AnswerSchema):
    theme = fields.String()
    label = fields.String()
    regions = fields.Dict(keys=fields.String(), values=fields.Nested(CoverageCellSchema))
    languages = fields.Dict(keys=fields.String(), values=fields.Nested(CoverageCellSchema))


class GapsSchema(AnswerSchema):
    regions = fields.List(fields.Nested(CoverageGapSchema))
    languages = fields.List(fields.Nested(CoverageGapSchema))


class CoverageReportSchema(AnswerSchema):
    """Available experts per theme and region / language, with the gaps."""

    available_from = fields.String(required=True, metadata={"format": "date"})
    available_to = fields.String(required=True, metadata={"format": "date"})
    threshold = fields.Integer(required=True)
    min_level = fields.String(metadata={"description": "Lowest level counted per language."})
    experts_available = fields.Integer()
    themes = fields.List(fields.Nested(ThemeCoverageSchema), required=True)
    gaps = fields.Nested(GapsSchema, required=True)
