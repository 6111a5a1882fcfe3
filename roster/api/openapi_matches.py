"""The matches part of the OpenAPI description (routes in roster/api/matches.py)."""

from roster.api.openapi_schemas import NULLABLE_STRING, STRING

_LEVEL = {"type": "string", "enum": ["A1", "A2", "B1", "B2", "C1", "C2", "native"]}
_CRITERION = {
    "type": "string",
    "enum": ["text", "themes", "languages", "geography", "evaluation", "training", "workload"],
}
_EVIDENCE = {
    "type": "object",
    "required": ["key"],
    "properties": {"key": STRING, "have": NULLABLE_STRING, "want": NULLABLE_STRING},
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


MATCH_SCHEMAS = {
    "MatchRequest": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "maxLength": 10000},
            "themes": {"type": "array", "items": STRING, "maxItems": 50},
            "languages": {
                "type": "array",
                "maxItems": 50,
                "items": {
                    "type": "object",
                    "required": ["code"],
                    "properties": {"code": STRING, "min_level": {**_LEVEL, "default": "B2"}},
                },
            },
            "country": {"type": ["string", "null"], "description": "ISO 3166 alpha-2 code."},
            "start": {"type": ["string", "null"], "format": "date"},
            "end": {"type": ["string", "null"], "format": "date"},
            "k": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
        },
    },
    "MatchReason": {
        "type": "object",
        "required": ["criterion", "score", "weight", "matched", "missing", "passages"],
        "properties": {
            "criterion": _CRITERION,
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "weight": {"type": "number", "minimum": 0, "maximum": 1},
            "known": {"type": "boolean"},
            "matched": {"type": "array", "items": _EVIDENCE},
            "missing": {"type": "array", "items": _EVIDENCE},
            "terms": {"type": "array", "items": STRING},
            "passages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"text": STRING, "score": {"type": "number"}},
                },
            },
            "explanation": {"type": "array", "items": STRING},
        },
    },
    "MatchList": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["expert_id", "name", "score", "confidence", "reasons"],
                    "properties": {
                        "expert_id": {"type": "integer"},
                        "name": STRING,
                        "score": {"type": "number", "minimum": 0, "maximum": 1},
                        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                        "reasons": {"type": "array", "items": _ref("MatchReason")},
                    },
                },
            },
            "eligible": {"type": "integer", "description": "Experts meeting the requirements."},
        },
    },
}


def match_paths(query, json_answer, error, signed_in, unauthorized) -> dict:
    """The matches routes; the helpers come from openapi.py so that every part reads alike."""
    action_id = {"name": "action_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    k = query(
        "k", "How many experts, best first.", MATCH_SCHEMAS["MatchRequest"]["properties"]["k"]
    )
    return {
        "/api/v1/matches": {
            "post": {
                "operationId": "matchExperts",
                "summary": "Approved experts ranked for a request, with reasons (staff only).",
                "security": signed_in,
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("MatchRequest")}},
                },
                "responses": {
                    "200": json_answer("The best experts first.", "MatchList"),
                    "400": error(
                        "Not a JSON object, a wrong type, an unknown theme, language, level or "
                        "country, a bad date, start after end, or k outside 1..100; "
                        "`error.field` names the field."
                    ),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                },
            }
        },
        "/api/v1/actions/{action_id}/matches": {
            "get": {
                "operationId": "matchExpertsForAction",
                "summary": "Approved experts ranked for an Action's themes, languages, country, "
                "dates and text (staff only).",
                "security": signed_in,
                "parameters": [action_id, k],
                "responses": {
                    "200": json_answer("The best experts first.", "MatchList"),
                    "400": error("k outside 1..100 or an unknown parameter."),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                    "404": error("No such Action."),
                },
            }
        },
    }
