"""What the API's schemas share: one rule per kind of value (numbers, codes, slugs), the
query-string reading, and the error and health answers."""

import pycountry
import sqlalchemy as sa
from flask_babel import _
from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, ValidationError, fields, pre_load, validate
from werkzeug.datastructures import MultiDict

from roster.core.numbers import parse_int
from roster.extensions import db
from roster.i18n import country_codes
from roster.taxonomy.models import Region, Theme

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


def _described(kwargs: dict) -> dict:
    # description="..." becomes the OpenAPI description of the parameter or property.
    if "description" in kwargs:
        kwargs["metadata"] = {
            **kwargs.get("metadata", {}),
            "description": kwargs.pop("description"),
        }
    return kwargs


class WholeNumber(fields.Integer):
    """A whole number within bounds, written with ASCII digits (in a query string, or a JSON
    number or string): the one rule for page, per_page, k, years and thresholds."""

    def __init__(self, low: int, high: int, message=None, **kwargs):
        message = message or _l("Give a whole number from %(low)d to %(high)d.", low=low, high=high)
        super().__init__(
            strict=True,
            validate=validate.Range(low, high, error=message),
            error_messages={"invalid": message, "null": message},
            **_described(kwargs),
        )

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            # int() reads Arabic-Indic or full-width digits and fails on "²": the app's one
            # rule (ASCII digits only) decides, as on the pages.
            value = parse_int(value)
            if value is None:
                raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class Text(fields.String):
    """A string cut to `max_length` (as the staff pages do), optionally upper- or lower-cased."""

    def __init__(self, max_length: int | None = None, case: str | None = None, **kwargs):
        super().__init__(**_described(kwargs))
        self.max_length, self.case = max_length, case

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        text = text.upper() if self.case == "upper" else text.lower() if self.case else text
        return text[: self.max_length] if self.max_length else text


class Choice(fields.String):
    """One of `values`, optionally matched whatever its case; the document lists them."""

    def __init__(self, values, error, ignore_case: bool = False, **kwargs):
        self.values = list(values)
        self.ignore_case = ignore_case
        kwargs.setdefault("error_messages", {"invalid": error, "null": error, "required": error})
        super().__init__(validate=validate.OneOf(self.values, error=error), **_described(kwargs))

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if self.ignore_case:
            return {v.lower(): v for v in self.values}.get(text.lower(), text)
        return text


class Day(fields.Date):
    """A date as YYYY-MM-DD."""

    def __init__(self, message=None, **kwargs):
        message = message or _l("Enter a date as YYYY-MM-DD.")
        super().__init__(error_messages={"invalid": message}, **_described(kwargs))


def page_field():
    """The page of a list asked for, from 1."""
    return WholeNumber(1, 100_000, load_default=1, description="Page, from 1.")


def per_page_field():
    """The size of a page, 1..100."""
    return WholeNumber(1, MAX_PER_PAGE, load_default=DEFAULT_PER_PAGE, description="Per page.")


class QuerySchema(Schema):
    """A query string read strictly: an unknown or repeated parameter is a 400, so that a
    typo never silently widens the list a program receives. Empty values count as absent,
    and `lang` (the language of messages, read by the locale selector) is always allowed."""

    strict = True

    @pre_load
    def _from_query_string(self, args, **kwargs):
        if not isinstance(args, MultiDict):
            return args
        data, bad = {}, {}
        for name in args:
            values = [value.strip() for value in args.getlist(name)]
            field = self.fields.get(name)
            if field is None:
                if self.strict and name != "lang":
                    bad[name] = _("Unknown parameter.")
            elif isinstance(field, fields.List):
                data[name] = [value for value in values if value]
            elif len(values) > 1 and self.strict:
                bad[name] = _("Give this parameter at most once.")
            elif values[0]:
                data[name] = values[0]
        if bad:
            raise ValidationError(bad)
        return data


def known_language(code: str) -> None:
    """An ISO 639 code (two or three letters) that pycountry knows."""
    found = (
        pycountry.languages.get(alpha_2=code)
        if len(code) == 2
        else pycountry.languages.get(alpha_3=code)
        if len(code) == 3
        else None
    )
    if found is None:
        raise ValidationError(_("Unknown language code."))


def known_country(code: str) -> None:
    """An ISO 3166 alpha-2 code of the app's country list."""
    if code not in country_codes():
        raise ValidationError(_("Unknown country code."))


def known_region(slug: str) -> None:
    """The slug of a region in the taxonomy."""
    if not db.session.scalar(sa.select(Region.id).where(Region.slug == slug)):
        raise ValidationError(_("Unknown region."))


def known_theme(slug: str) -> None:
    """The slug of a theme in the taxonomy."""
    if not db.session.scalar(sa.select(Theme.id).where(Theme.slug == slug)):
        raise ValidationError(_("Unknown theme."))


def known_themes(slugs: list[str]) -> None:
    """Slugs of themes in the taxonomy, naming those that are not."""
    known = set(db.session.scalars(sa.select(Theme.slug).where(Theme.slug.in_(slugs))))
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise ValidationError(_("Unknown theme: %(slugs)s.", slugs=", ".join(unknown)))


class AnswerSchema(Schema):
    """The shape of an answer: dumped, never loaded, so the document leaves it open to fields
    added later (no additionalProperties: false)."""

    class Meta:
        unknown = EXCLUDE


class ErrorBodySchema(AnswerSchema):
    code = fields.String(required=True, metadata={"examples": ["bad_request", "unauthorized"]})
    message = fields.String(required=True)
    field = fields.String(metadata={"description": "For a 400: the first bad place."})
    parameters = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "For a 400: each bad parameter or field and what is wrong."},
    )


class ErrorSchema(AnswerSchema):
    """The error answer of every 4xx: a code, a message, and the bad places if any."""

    error = fields.Nested(ErrorBodySchema, required=True)


class HealthSchema(AnswerSchema):
    """GET /healthz: whether the app reaches its database."""

    status = fields.String(required=True, validate=validate.OneOf(["ok", "error"]))
    database = fields.String(required=True, validate=validate.OneOf(["ok", "unreachable"]))
