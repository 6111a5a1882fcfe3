"""The matches' schemas: the request to rank for, and the ranked experts with their reasons.

Bad input answers 400 naming the field (languages[0].min_level), never 500.
"""

import pycountry
from flask_babel import _
from flask_babel import lazy_gettext as _l
from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    post_load,
    validate,
    validates,
    validates_schema,
)

from roster.actions import ranking
from roster.api.schemas.common import (
    AnswerSchema,
    Choice,
    Day,
    QuerySchema,
    WholeNumber,
    known_language,
    known_themes,
)

MAX_K = 100
MAX_TEXT = 10_000
MAX_ITEMS = 50
_DAY = _l("Give a date as YYYY-MM-DD.")
_LANGUAGES = _l('Give a list such as [{"code": "es", "min_level": "B2"}].')
_TEXT = _l("Give a text of at most %(n)d characters.", n=MAX_TEXT)
_OBJECT = _l('Give an object such as {"code": "es", "min_level": "B2"}.')
_COUNTRY = _l("Unknown country code; give an ISO 3166 alpha-2 code such as CR.")


def _k(**kwargs):
    return WholeNumber(1, MAX_K, load_default=10, description="How many experts.", **kwargs)


class LanguageWantedSchema(Schema):
    """A language the expert must speak, at a minimum level."""

    class Meta:
        unknown = EXCLUDE

    error_messages = {"type": _OBJECT}
    code = fields.String(
        required=True, error_messages={"invalid": _OBJECT, "null": _OBJECT, "required": _OBJECT}
    )
    min_level = Choice(
        ranking.LEVELS,
        _l("Unknown level; use one of %(levels)s.", levels=", ".join(ranking.LEVELS)),
        load_default="B2",
    )

    @validates("code")
    def _known(self, value: str, **kwargs):
        known_language(value.strip().lower())

    @post_load
    def _lower(self, data, **kwargs):
        return {**data, "code": data["code"].strip().lower()}


class MatchRequestSchema(Schema):
    """What to rank the approved experts for: every field is optional."""

    error_messages = {
        "type": _l('Send a JSON object such as {"text": "...", "themes": [...]}.'),
        "unknown": _l("Unknown field."),
    }
    text = fields.String(
        allow_none=True,
        validate=validate.Length(max=MAX_TEXT, error=_TEXT),
        error_messages={"invalid": _TEXT},
    )
    themes = fields.List(
        fields.String(error_messages={"invalid": _l("Give a list of theme slugs.")}),
        allow_none=True,
        validate=validate.Length(
            max=MAX_ITEMS, error=_l("Give at most %(n)d themes.", n=MAX_ITEMS)
        ),
        error_messages={"invalid": _l("Give a list of theme slugs.")},
    )
    languages = fields.List(
        fields.Nested(LanguageWantedSchema),
        allow_none=True,
        validate=validate.Length(max=MAX_ITEMS, error=_LANGUAGES),
        error_messages={"invalid": _LANGUAGES},
    )
    country = fields.String(
        allow_none=True,
        error_messages={"invalid": _COUNTRY},
        metadata={"description": "ISO 3166 alpha-2 code."},
    )
    start = Day(_DAY, allow_none=True)
    end = Day(_DAY, allow_none=True)
    k = _k(allow_none=True)

    @validates("themes")
    def _known_themes(self, value, **kwargs):
        if value:
            known_themes(value)

    @validates("languages")
    def _each_once(self, value, **kwargs):
        seen = set()
        for i, item in enumerate(value or []):
            code = item.get("code")
            if code in seen:
                raise ValidationError({i: [_("Each language once, please.")]})
            seen.add(code)

    @validates("country")
    def _known_country(self, value, **kwargs):
        if value is not None and pycountry.countries.get(alpha_2=value.upper()) is None:
            raise ValidationError(str(_COUNTRY))

    @validates_schema
    def _dates(self, data, **kwargs):
        start, end = data.get("start"), data.get("end")
        if end is not None and start is None:
            raise ValidationError(_("An end date needs a start date."), "start")
        if start and end and end < start:
            raise ValidationError(_("The end date must not be before the start date."), "end")

    @post_load
    def _query(self, data, **kwargs) -> dict:
        """The ranking's query and k."""
        languages = {i["code"]: i["min_level"] for i in data.get("languages") or []}
        query = ranking.Query(
            text=data.get("text") or "",
            themes=list(dict.fromkeys(data.get("themes") or [])),
            languages=languages,
            country=data["country"].upper() if data.get("country") else None,
            start=data.get("start"),
            end=data.get("end") or data.get("start"),
        )
        return {"query": query, "k": data.get("k") or 10}


class ActionMatchesQuery(QuerySchema):
    """How many experts to rank for an Action."""

    k = _k()


class EvidenceSchema(AnswerSchema):
    key = fields.String(required=True)
    have = fields.String(allow_none=True)
    want = fields.String(allow_none=True)


class PassageSchema(AnswerSchema):
    text = fields.String()
    score = fields.Float()


class MatchReasonSchema(AnswerSchema):
    """Why an expert ranks where they do on one criterion."""

    criterion = fields.String(required=True, metadata={"enum": list(ranking.CRITERIA)})
    score = fields.Float(required=True, validate=validate.Range(0, 1))
    weight = fields.Float(required=True, validate=validate.Range(0, 1))
    known = fields.Boolean()
    matched = fields.List(fields.Nested(EvidenceSchema), required=True)
    missing = fields.List(fields.Nested(EvidenceSchema), required=True)
    terms = fields.List(fields.String())
    passages = fields.List(fields.Nested(PassageSchema), required=True)
    explanation = fields.List(fields.String())


class MatchSchema(AnswerSchema):
    expert_id = fields.Integer(required=True)
    name = fields.String(required=True)
    score = fields.Float(required=True, validate=validate.Range(0, 1))
    confidence = fields.Float(required=True, validate=validate.Range(0, 1))
    reasons = fields.List(fields.Nested(MatchReasonSchema), required=True)


class MatchListSchema(AnswerSchema):
    """The best experts first."""

    items = fields.List(fields.Nested(MatchSchema), required=True)
    eligible = fields.Integer(metadata={"description": "Experts meeting the requirements."})
