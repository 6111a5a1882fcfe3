"""The API described in OpenAPI 3.1, written by hand; a test checks it covers every route."""

import copy

from flask import current_app, jsonify

from roster.api.openapi_actions import ACTION_SCHEMAS, action_paths
from roster.api.openapi_matches import MATCH_SCHEMAS, match_paths
from roster.api.openapi_reports import REPORT_SCHEMAS, report_paths
from roster.api.openapi_schemas import NULLABLE_DATE, SCHEMAS, STRING
from roster.api.params import DEFAULT_PER_PAGE, MAX_PER_PAGE
from roster.api.views import bp, public
from roster.experts.models import LEVELS, Status
from roster.experts.search import SORTS


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json(description: str, schema_ref: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}},
    }


def _query(name: str, description: str, schema: dict, **extra) -> dict:
    return {"name": name, "in": "query", "description": description, "schema": schema, **extra}


PAGE_PARAMETERS = [
    _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
    _query(
        "per_page",
        "Items per page.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
    ),
]

ROSTER_PARAMETERS = [
    _query("q", "Words to find in name, e-mail, employer, position, biography or CV.", STRING),
    _query(
        "theme",
        "A theme slug (see /api/v1/themes); repeat it: the expert must have every theme.",
        {"type": "array", "items": STRING},
        style="form",
        explode=True,
    ),
    _query("language", "ISO 639 language code the expert speaks.", STRING),
    _query(
        "min_level",
        "Lowest level in `language` (needs `language`).",
        {"type": "string", "enum": list(LEVELS)},
    ),
    _query("country", "ISO 3166 alpha-2 code of a country of experience.", STRING),
    _query("region", "Slug of a region: experience in one of its countries.", STRING),
    _query("status", "Vetting status.", {"type": "string", "enum": [s.value for s in Status]}),
    _query("joined_year", "Year the expert was approved.", {"type": "integer"}),
    _query("available_from", "Start of a window the expert must be free in.", NULLABLE_DATE),
    _query("available_to", "End of that window.", NULLABLE_DATE),
    _query(
        "sort", "Order of the list.", {"type": "string", "enum": list(SORTS), "default": "name"}
    ),
    *PAGE_PARAMETERS,
]

_SIGNED_IN = [{"bearerToken": []}, {"sessionCookie": []}]
_UNAUTHORIZED = _error("No session and no valid token (missing, unknown or revoked).")

SPEC = {
    "openapi": "3.1.0",
    "info": {
        "title": "Expert roster API",
        "version": "1",
        "description": (
            "Read the expert roster from other programs. Authenticate with a personal API "
            "token (`Authorization: Bearer <token>`) or a signed-in session. Errors answer "
            '`{"error": {"code": ..., "message": ...}}` with a 4xx status; the language of '
            "messages follows `Accept-Language` or `?lang=en|fr|es`."
        ),
    },
    "paths": {
        "/healthz": {
            "get": {
                "operationId": "health",
                "summary": "Whether the app reaches its database.",
                "security": [],
                "responses": {
                    "200": _json("The app and its database answer.", "Health"),
                    "503": _json("The database is unreachable.", "Health"),
                },
            }
        },
        "/api/v1/experts": {
            "get": {
                "operationId": "listExperts",
                "summary": "The roster, filtered and paginated (staff only).",
                "security": _SIGNED_IN,
                "parameters": ROSTER_PARAMETERS,
                "responses": {
                    "200": _json("One page of experts.", "ExpertPage"),
                    "400": _error("A bad parameter; `error.parameters` names each."),
                    "401": _UNAUTHORIZED,
                    "403": _error("The caller is not staff."),
                },
            }
        },
        "/api/v1/experts/{expert_id}": {
            "get": {
                "operationId": "getExpert",
                "summary": "One expert's profile (staff, or the expert themself).",
                "security": _SIGNED_IN,
                "parameters": [
                    {
                        "name": "expert_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {
                    "200": _json("The profile.", "Expert"),
                    "401": _UNAUTHORIZED,
                    "404": _error(
                        "No such expert, an erased one, or another expert's profile "
                        "asked for by an expert."
                    ),
                },
            }
        },
        "/api/v1/themes": {
            "get": {
                "operationId": "listThemes",
                "summary": "The active themes with their labels (public).",
                "security": [],
                "responses": {"200": _json("Every active theme.", "ThemeList")},
            }
        },
        "/api/v1/modules": {
            "get": {
                "operationId": "listModules",
                "summary": "The toolkit's published modules (any signed-in user).",
                "security": _SIGNED_IN,
                "parameters": [
                    _query(
                        "lang",
                        "Only modules with a version in this language (also the answer's).",
                        {"type": "string", "enum": ["en", "fr", "es"]},
                    ),
                    _query("tag", "Only modules with this tag.", STRING),
                ],
                "responses": {
                    "200": _json("The modules.", "ModuleList"),
                    "400": _error("An unknown language."),
                    "401": _UNAUTHORIZED,
                },
            }
        },
        "/api/v1/me/modules": {
            "get": {
                "operationId": "myModuleProgress",
                "summary": "The caller's progress on each module they started.",
                "security": _SIGNED_IN,
                "responses": {
                    "200": _json("Progress and certificates.", "ModuleProgressList"),
                    "401": _UNAUTHORIZED,
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This description (public).",
                "security": [],
                "responses": {
                    "200": {
                        "description": "The OpenAPI document.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {**SCHEMAS, **ACTION_SCHEMAS},
        "securitySchemes": {
            "bearerToken": {"type": "http", "scheme": "bearer"},
            "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "session"},
        },
    },
}


SPEC["paths"].update(
    action_paths(_query, _json, _error, _SIGNED_IN, _UNAUTHORIZED, PAGE_PARAMETERS)
)
SPEC["paths"].update(match_paths(_query, _json, _error, _SIGNED_IN, _UNAUTHORIZED))
SPEC["components"]["schemas"].update(MATCH_SCHEMAS)
SPEC["paths"].update(report_paths(_query, _json, _error, _SIGNED_IN, _UNAUTHORIZED))
SPEC["components"]["schemas"].update(REPORT_SCHEMAS)


@bp.get("/openapi.json")
@public
def openapi():
    """Describe the API in OpenAPI 3.1 for client generators and readers."""
    spec = copy.deepcopy(SPEC)
    # The cookie's name depends on the deployment (`__Host-` prefixed in production).
    cookie = spec["components"]["securitySchemes"]["sessionCookie"]
    cookie["name"] = current_app.config.get("SESSION_COOKIE_NAME", "session")
    return jsonify(spec)
