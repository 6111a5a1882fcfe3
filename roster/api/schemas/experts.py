"""The roster's schemas: its filters as query parameters, and the expert and theme answers."""

from flask_babel import _
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validates_schema

from matching import DEPTHS, LEVELS
from roster.api.schemas.common import (
    AnswerSchema,
    Choice,
    Day,
    QuerySchema,
    Text,
    WholeNumber,
    known_country,
    known_language,
    known_region,
    known_themes,
    page_field,
    per_page_field,
)
from roster.experts.filters import SEARCH_HELP_ERROR
from roster.experts.models import Status
from roster.experts.search import SORTS
from roster.experts.search_terms import parse_query


def _searchable(text: str) -> None:
    """A query with no word left (punctuation only) is refused with the page's message."""
    if not parse_query(text):
        raise ValidationError(str(SEARCH_HELP_ERROR))


class RosterQuery(QuerySchema):
    """The roster's filters, as on the staff page; the API also checks them against the data."""

    q = Text(
        200,
        validate=_searchable,
        description='Words and "quoted phrases" to find in name, e-mail, employer, position, '
        "biography or CV; all must match; accents, case and word endings (English, French, "
        "Spanish) are ignored. Other characters are ignored.",
    )
    theme = fields.List(
        fields.String(),
        validate=known_themes,
        metadata={"description": "A theme slug; repeat it: the expert must have every theme."},
    )
    language = Text(
        case="lower", validate=known_language, description="ISO 639 code the expert speaks."
    )
    min_level = Choice(
        LEVELS,
        _l("Choose a level from A1 to C2, or native."),
        ignore_case=True,
        description="Lowest level in `language` (needs `language`).",
    )
    country = Text(
        case="upper", validate=known_country, description="ISO 3166 alpha-2 code of experience."
    )
    region = Text(64, validate=known_region, description="Region slug: experience in it.")
    status = Choice(
        [s.value for s in Status], _l("Unknown status."), ignore_case=True, description="Vetting."
    )
    joined_year = WholeNumber(
        1900, 2200, _l("Enter a year such as 2021."), description="Year the expert was approved."
    )
    available_from = Day(description="Start of a window the expert must be free in.")
    available_to = Day(description="End of that window.")
    sort = Choice(
        SORTS,
        _l("Unknown sort order."),
        load_default="relevance",
        description="Order; `relevance` (the default) puts the best matches of `q` first, "
        "and sorts by name when there is no `q`.",
    )
    page = page_field()
    per_page = per_page_field()

    @validates_schema(skip_on_field_errors=False)
    def _together(self, data, **kwargs):
        if data.get("min_level") and not data.get("language"):
            raise ValidationError(
                _("A minimum level needs a language (the 'language' parameter)."), "min_level"
            )
        start, end = data.get("available_from"), data.get("available_to")
        if start and end and start > end:
            raise ValidationError(
                _("The end of the window must not be before its start."), "available_to"
            )


class ExpertThemeSchema(AnswerSchema):
    slug = fields.String(required=True)
    depth = fields.String(required=True, metadata={"enum": list(DEPTHS)})


class ExpertLanguageSchema(AnswerSchema):
    code = fields.String(required=True)
    level = fields.String(required=True, metadata={"enum": list(LEVELS)})


class ExpertSummarySchema(AnswerSchema):
    """One roster row: who, status, since when, themes, languages, countries."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)
    status = fields.String(required=True, metadata={"enum": [s.value for s in Status]})
    joined_on = fields.String(required=True, allow_none=True, metadata={"format": "date"})
    themes = fields.List(fields.Nested(ExpertThemeSchema), required=True)
    languages = fields.List(fields.Nested(ExpertLanguageSchema), required=True)
    countries = fields.List(fields.String(), required=True)
    regions = fields.List(fields.String(), required=True)
    url = fields.String(required=True)


class UnavailabilitySchema(AnswerSchema):
    start = fields.String(metadata={"format": "date"})
    end = fields.String(metadata={"format": "date"})
    note = fields.String(allow_none=True)


def _text(**kwargs):
    return fields.String(required=True, allow_none=True, **kwargs)


def _moment():
    return fields.String(required=True, allow_none=True, metadata={"format": "date-time"})


class ExpertSchema(ExpertSummarySchema):
    """The whole profile as its owner and staff may read it (no CV text, no vetting notes)."""

    first_name = fields.String(required=True)
    last_name = fields.String(required=True)
    email = _text()
    phone = _text()
    nationality = _text()
    employer = _text()
    employer_type = _text()
    position = _text()
    years_experience = fields.Integer(required=True, allow_none=True)
    biography = _text()
    days_per_year = fields.Integer(required=True, allow_none=True)
    submitted_at = _moment()
    consent_at = _moment()
    has_cv = fields.Boolean(required=True)
    cv_uploaded_at = _moment()
    unavailability = fields.List(fields.Nested(UnavailabilitySchema), required=True)
    updated_at = fields.String(required=True, metadata={"format": "date-time"})


class ExpertPageSchema(AnswerSchema):
    """One page of the roster."""

    items = fields.List(fields.Nested(ExpertSummarySchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class ThemeLabelsSchema(AnswerSchema):
    en = fields.String(required=True)
    fr = fields.String(required=True)
    es = fields.String(required=True)


class ThemeSchema(AnswerSchema):
    """A theme's slug (the roster's `theme` filter) and its label in each language."""

    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    label = fields.String(required=True, metadata={"description": "In the request's language."})
    labels = fields.Nested(ThemeLabelsSchema, required=True)


class ThemeListSchema(AnswerSchema):
    items = fields.List(fields.Nested(ThemeSchema), required=True)
    total = fields.Integer(required=True)
