"""The communities' schemas: the list of communities and a community's threads."""

from marshmallow import fields

from roster.api.schemas.common import AnswerSchema, QuerySchema, Text, page_field, per_page_field


class CommunitiesQuery(QuerySchema):
    """No filter: the caller's communities (and, for an expert, the open ones)."""


class ThreadsQuery(QuerySchema):
    q = Text(200, description="Only threads with a visible post or a title holding these words.")
    page = page_field()
    per_page = per_page_field()


class LocalisedSchema(AnswerSchema):
    en = fields.String(allow_none=True)
    fr = fields.String(allow_none=True)
    es = fields.String(allow_none=True)


class CommunitySchema(AnswerSchema):
    id = fields.Integer()
    name = fields.String(metadata={"description": "In the language asked for, else English."})
    names = fields.Nested(LocalisedSchema)
    descriptions = fields.Nested(LocalisedSchema, metadata={"description": "Markdown, as written."})
    open = fields.Boolean(metadata={"description": "Open to every expert, or members only."})
    members = fields.Integer()
    role = fields.String(
        allow_none=True,
        metadata={"enum": ["member", "moderator", None], "description": "The caller's role."},
    )
    url = fields.String(metadata={"format": "uri"})
    threads_url = fields.String()


class CommunityListSchema(AnswerSchema):
    """The communities the caller may read."""

    communities = fields.List(fields.Nested(CommunitySchema), required=True)
    count = fields.Integer(required=True)


class ThreadSchema(AnswerSchema):
    id = fields.Integer()
    title = fields.String()
    language = fields.String(allow_none=True)
    author = fields.String(allow_none=True, metadata={"description": "As members see it."})
    created_at = fields.String(metadata={"format": "date-time"})
    last_post_at = fields.String(metadata={"format": "date-time"})
    locked = fields.Boolean()
    posts = fields.Integer()
    url = fields.String(metadata={"format": "uri"})


class ThreadPageSchema(AnswerSchema):
    """One page of a community's threads, latest activity first."""

    community = fields.Integer(required=True)
    items = fields.List(fields.Nested(ThreadSchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)
