"""The JSON schemas of the API's answers, for the OpenAPI description in openapi.py."""

from roster.experts.models import LEVELS, Depth, Status

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
NULLABLE_INT = {"type": ["integer", "null"]}

_THEME_OF_EXPERT = {
    "type": "object",
    "required": ["slug", "depth"],
    "properties": {"slug": STRING, "depth": {"type": "string", "enum": [d.value for d in Depth]}},
}
_LANGUAGE_OF_EXPERT = {
    "type": "object",
    "required": ["code", "level"],
    "properties": {"code": STRING, "level": {"type": "string", "enum": list(LEVELS)}},
}
SUMMARY_FIELDS = {
    "id": {"type": "integer"},
    "name": STRING,
    "status": {"type": "string", "enum": [s.value for s in Status]},
    "joined_on": NULLABLE_DATE,
    "themes": {"type": "array", "items": _THEME_OF_EXPERT},
    "languages": {"type": "array", "items": _LANGUAGE_OF_EXPERT},
    "countries": {"type": "array", "items": STRING},
    "regions": {"type": "array", "items": STRING},
    "url": STRING,
}
DETAIL_FIELDS = {
    **SUMMARY_FIELDS,
    "first_name": STRING,
    "last_name": STRING,
    "email": NULLABLE_STRING,
    "phone": NULLABLE_STRING,
    "nationality": NULLABLE_STRING,
    "employer": NULLABLE_STRING,
    "employer_type": NULLABLE_STRING,
    "position": NULLABLE_STRING,
    "years_experience": NULLABLE_INT,
    "biography": NULLABLE_STRING,
    "days_per_year": NULLABLE_INT,
    "submitted_at": {"type": ["string", "null"], "format": "date-time"},
    "consent_at": {"type": ["string", "null"], "format": "date-time"},
    "has_cv": {"type": "boolean"},
    "cv_uploaded_at": {"type": ["string", "null"], "format": "date-time"},
    "unavailability": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "start": {"type": "string", "format": "date"},
                "end": {"type": "string", "format": "date"},
                "note": NULLABLE_STRING,
            },
        },
    },
    "updated_at": {"type": "string", "format": "date-time"},
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string", "examples": ["bad_request", "unauthorized"]},
                    "message": {"type": "string"},
                    "parameters": {
                        "type": "object",
                        "description": "For a 400: each bad query parameter and what is wrong.",
                        "additionalProperties": STRING,
                    },
                },
            }
        },
    },
    "ExpertSummary": {
        "type": "object",
        "required": list(SUMMARY_FIELDS),
        "properties": SUMMARY_FIELDS,
    },
    "Expert": {"type": "object", "required": list(DETAIL_FIELDS), "properties": DETAIL_FIELDS},
    "ExpertPage": {
        "type": "object",
        "required": ["items", "total", "page", "per_page", "pages"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/ExpertSummary"}},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
        },
    },
    "Theme": {
        "type": "object",
        "required": ["id", "slug", "label", "labels"],
        "properties": {
            "id": {"type": "integer"},
            "slug": STRING,
            "label": {"type": "string", "description": "In the language of the request."},
            "labels": {
                "type": "object",
                "required": ["en", "fr", "es"],
                "properties": {"en": STRING, "fr": STRING, "es": STRING},
            },
        },
    },
    "ThemeList": {
        "type": "object",
        "required": ["items", "total"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Theme"}},
            "total": {"type": "integer"},
        },
    },
    "ModuleList": {
        "type": "object",
        "required": ["modules", "count"],
        "properties": {
            "modules": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "slug": STRING,
                        "title": STRING,
                        "summary": NULLABLE_STRING,
                        "language": STRING,
                        "languages": {"type": "array", "items": STRING},
                        "tags": {"type": "array", "items": STRING},
                        "theme": NULLABLE_STRING,
                        "estimated_minutes": NULLABLE_INT,
                        "pass_mark": NULLABLE_INT,
                        "sections": {"type": "integer"},
                        "questions": {"type": "integer"},
                        "prerequisites": {"type": "array", "items": STRING},
                        "url": {"type": "string", "format": "uri"},
                    },
                },
            },
            "count": {"type": "integer"},
        },
    },
    "ModuleProgressList": {
        "type": "object",
        "required": ["progress"],
        "properties": {
            "progress": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "module": STRING,
                        "title": STRING,
                        "language": STRING,
                        "percent_read": {"type": "number"},
                        "sections_read": {"type": "array"},
                        "last_position": {},
                        "check_passed": {"type": ["boolean", "null"]},
                        "best_score": {"type": ["number", "null"]},
                        "started_at": {"type": "string", "format": "date-time"},
                        "completed_at": {"type": ["string", "null"], "format": "date-time"},
                        "certificate": {
                            "type": ["object", "null"],
                            "properties": {
                                "code": STRING,
                                "verify_url": {"type": "string", "format": "uri"},
                            },
                        },
                    },
                },
            }
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "database"],
        "properties": {
            "status": {"type": "string", "enum": ["ok", "error"]},
            "database": {"type": "string", "enum": ["ok", "unreachable"]},
        },
    },
}
