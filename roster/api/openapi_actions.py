"""The Actions part of the OpenAPI description (routes in roster/api/actions.py)."""

from roster.actions.states import ActionStatus, ActivityFormat, ActivityKind, AssignmentState
from roster.api.openapi_schemas import NULLABLE_DATE, NULLABLE_INT, NULLABLE_STRING, STRING

_STATUS = {"type": "string", "enum": [s.value for s in ActionStatus]}
_DATETIME = {"type": ["string", "null"], "format": "date-time"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


ACTION_SUMMARY_FIELDS = {
    "id": {"type": "integer"},
    "code": STRING,
    "title": STRING,
    "status": _STATUS,
    "country": NULLABLE_STRING,
    "region": NULLABLE_STRING,
    "themes": {"type": "array", "items": STRING},
    "languages": {"type": "array", "items": STRING},
    "partners": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": STRING},
        },
    },
    "start_on": NULLABLE_DATE,
    "end_on": NULLABLE_DATE,
    "concluded_on": NULLABLE_DATE,
    "url": STRING,
}

ACTION_SCHEMAS = {
    "ActionSummary": {
        "type": "object",
        "required": list(ACTION_SUMMARY_FIELDS),
        "properties": ACTION_SUMMARY_FIELDS,
    },
    "ActionPage": {
        "type": "object",
        "required": ["items", "total", "page", "per_page", "pages"],
        "properties": {
            "items": {"type": "array", "items": _ref("ActionSummary")},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
        },
    },
    "Action": {
        "type": "object",
        "required": [*ACTION_SUMMARY_FIELDS, "history", "activities", "team"],
        "properties": {
            **ACTION_SUMMARY_FIELDS,
            "summary": NULLABLE_STRING,
            "allowed_statuses": {"type": "array", "items": _STATUS},
            "history": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "from": {"type": ["string", "null"]},
                        "to": _STATUS,
                        "at": _DATETIME,
                        "note": NULLABLE_STRING,
                    },
                },
            },
            "activities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "title": STRING,
                        "kind": {"type": "string", "enum": [k.value for k in ActivityKind]},
                        "format": {"type": "string", "enum": [f.value for f in ActivityFormat]},
                        "start_on": NULLABLE_DATE,
                        "end_on": NULLABLE_DATE,
                        "place": NULLABLE_STRING,
                        "participants": NULLABLE_INT,
                        "notes": NULLABLE_STRING,
                    },
                },
            },
            "team": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "expert": {
                            "type": "object",
                            "properties": {"id": {"type": "integer"}, "name": STRING},
                        },
                        "activity_id": NULLABLE_INT,
                        "state": {"type": "string", "enum": [s.value for s in AssignmentState]},
                        "role": NULLABLE_STRING,
                        "days": {"type": ["number", "null"]},
                        "start_on": NULLABLE_DATE,
                        "end_on": NULLABLE_DATE,
                        "invited_at": _DATETIME,
                        "answered_at": _DATETIME,
                    },
                },
            },
            "documents": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "kind": STRING,
                        "title": NULLABLE_STRING,
                        "filename": STRING,
                    },
                },
            },
        },
    },
    "ActionStatusChange": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": _STATUS, "note": {"type": "string", "maxLength": 2000}},
    },
}


def action_paths(query, json_answer, error, signed_in, unauthorized, page_parameters) -> dict:
    """The Actions routes; the helpers come from openapi.py so that every part reads alike."""
    action_id = {"name": "action_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    return {
        "/api/v1/actions": {
            "get": {
                "operationId": "listActions",
                "summary": "The Actions, filtered and paginated (staff only).",
                "security": signed_in,
                "parameters": [
                    query("q", "Words to find in the code, title or summary.", STRING),
                    query("status", "Status of the Action.", _STATUS),
                    query("region", "Region slug.", STRING),
                    query("country", "ISO 3166 alpha-2 country code.", STRING),
                    query("theme", "Theme slug.", STRING),
                    query("year", "A year the Action ran in.", {"type": "integer"}),
                    *page_parameters,
                ],
                "responses": {
                    "200": json_answer("One page of Actions.", "ActionPage"),
                    "400": error("A bad parameter; `error.parameters` names it."),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                },
            }
        },
        "/api/v1/actions/{action_id}": {
            "get": {
                "operationId": "getAction",
                "summary": "One Action with its history, activities and team (staff only).",
                "security": signed_in,
                "parameters": [action_id],
                "responses": {
                    "200": json_answer("The Action.", "Action"),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                    "404": error("No such Action."),
                },
            }
        },
        "/api/v1/actions/{action_id}/status": {
            "post": {
                "operationId": "changeActionStatus",
                "summary": "Move an Action to another status (staff only).",
                "security": signed_in,
                "parameters": [action_id],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("ActionStatusChange")}},
                },
                "responses": {
                    "200": json_answer("The Action after the change.", "Action"),
                    "400": error("Not a JSON object, an unknown status or a bad note."),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                    "404": error("No such Action."),
                    "409": error("The Action cannot move to that status from its current one."),
                },
            }
        },
    }
