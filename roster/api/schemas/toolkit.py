"""The toolkit's schemas: the catalog's filters, the modules and the learner's progress."""

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from roster.api.schemas.common import AnswerSchema, Choice, QuerySchema

LANGUAGES = ("en", "fr", "es")


class ModulesQuery(QuerySchema):
    """The catalog's filters; other parameters are ignored, as they always were."""

    strict = False
    lang = Choice(
        LANGUAGES,
        _l("Unknown language code."),
        description="Only modules with a version in it (also the answer's).",
    )
    tag = fields.String(metadata={"description": "Only modules with this tag."})


class ModuleSchema(AnswerSchema):
    slug = fields.String()
    title = fields.String()
    summary = fields.String(allow_none=True)
    language = fields.String()
    languages = fields.List(fields.String())
    tags = fields.List(fields.String())
    theme = fields.String(allow_none=True)
    estimated_minutes = fields.Integer(allow_none=True)
    pass_mark = fields.Integer(allow_none=True)
    sections = fields.Integer()
    questions = fields.Integer()
    prerequisites = fields.List(fields.String())
    url = fields.String(metadata={"format": "uri"})


class ModuleListSchema(AnswerSchema):
    """The published modules."""

    modules = fields.List(fields.Nested(ModuleSchema), required=True)
    count = fields.Integer(required=True)


class CertificateSchema(AnswerSchema):
    code = fields.String()
    verify_url = fields.String(metadata={"format": "uri"})


class ModuleProgressSchema(AnswerSchema):
    module = fields.String()
    title = fields.String()
    language = fields.String()
    percent_read = fields.Integer()
    sections_read = fields.List(fields.Integer())
    last_position = fields.Integer()
    check_passed = fields.Boolean(allow_none=True)
    best_score = fields.Integer(allow_none=True)
    started_at = fields.String(metadata={"format": "date-time"})
    completed_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    certificate = fields.Nested(CertificateSchema, allow_none=True)


class ModuleProgressListSchema(AnswerSchema):
    """The caller's progress on each module they started, with certificates."""

    progress = fields.List(fields.Nested(ModuleProgressSchema), required=True)
