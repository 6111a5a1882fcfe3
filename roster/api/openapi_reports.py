"""OpenAPI entries of the reports' routes (roster/api/reports.py), merged in openapi.py."""

_INT = {"type": "integer"}
_CODES = {"type": "array", "items": {"type": "string"}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


_CELL = {
    "type": "object",
    "required": ["experts", "demand", "gap"],
    "properties": {
        "experts": {**_INT, "description": "Approved experts available in the window."},
        "demand": {**_INT, "description": "Actions and open requests in that cell, all years."},
        "gap": {"type": "boolean", "description": "Fewer experts than the threshold."},
    },
}

_GAP = {
    "type": "object",
    "required": ["theme", "column", "experts", "demand"],
    "properties": {
        "theme": {"type": "string"},
        "column": {"type": "string", "description": "A region slug or a language code."},
        "experts": _INT,
        "demand": _INT,
    },
}

REPORT_SCHEMAS = {
    "YearReport": {
        "type": "object",
        "required": [
            "year",
            "actions_implemented",
            "actions_concluded",
            "activities",
            "experts_joined",
            "requests_received",
            "requests_became_actions",
            "partner_countries",
        ],
        "properties": {
            "year": _INT,
            "actions_implemented": {**_INT, "description": "Actions active in the year."},
            "actions_concluded": {**_INT, "description": "Actions concluded in the year."},
            "activities": {**_INT, "description": "Activities that started in the year."},
            "experts_joined": {**_INT, "description": "Approved in the year, erased included."},
            "requests_received": _INT,
            "requests_became_actions": {
                **_INT,
                "description": "Of the year's requests, those accepted as an Action (any year).",
            },
            "partner_countries": {**_CODES, "description": "ISO codes of the year's Actions."},
            "long_standing_partner_countries": {
                **_CODES,
                "description": "Of those, countries with an Action before the year.",
            },
            "new_partner_countries": _CODES,
            "awareness_sessions": {
                "type": "object",
                "properties": {
                    "requests_received": _INT,
                    "requests_became_actions": _INT,
                    "sessions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "first_request_on": {"type": "string", "format": "date"},
                                "requests_received": _INT,
                                "requests_became_actions": _INT,
                                "countries": _CODES,
                            },
                        },
                    },
                },
            },
            "regions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "region": {"type": "string", "description": "Slug; empty for none."},
                        "label": {"type": "string"},
                        "actions_implemented": _INT,
                        "activities": _INT,
                        "countries": _CODES,
                    },
                },
            },
        },
    },
    "CoverageReport": {
        "type": "object",
        "required": ["available_from", "available_to", "threshold", "themes", "gaps"],
        "properties": {
            "available_from": {"type": "string", "format": "date"},
            "available_to": {"type": "string", "format": "date"},
            "threshold": _INT,
            "min_level": {"type": "string", "description": "Lowest level counted per language."},
            "experts_available": _INT,
            "themes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "theme": {"type": "string"},
                        "label": {"type": "string"},
                        "regions": {"type": "object", "additionalProperties": _CELL},
                        "languages": {"type": "object", "additionalProperties": _CELL},
                    },
                },
            },
            "gaps": {
                "type": "object",
                "properties": {
                    "regions": {"type": "array", "items": _GAP},
                    "languages": {"type": "array", "items": _GAP},
                },
            },
        },
    },
}


def report_paths(query, json_answer, error, signed_in, unauthorized) -> dict:
    """The reports' routes; the helpers come from openapi.py so that every part reads alike."""
    date = {"type": "string", "format": "date"}
    return {
        "/api/v1/reports/years/{year}": {
            "get": {
                "operationId": "getYearReport",
                "summary": "The figures of one year, as the year in review gives them (staff).",
                "security": signed_in,
                "parameters": [{"name": "year", "in": "path", "required": True, "schema": _INT}],
                "responses": {
                    "200": json_answer("The year's figures.", "YearReport"),
                    "400": error("A year outside 1990-2100."),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                    "404": error("Not a year (e.g. a negative number)."),
                },
            }
        },
        "/api/v1/reports/coverage": {
            "get": {
                "operationId": "getCoverageReport",
                "summary": "Available experts per theme and region / language, with gaps (staff).",
                "security": signed_in,
                "parameters": [
                    query("available_from", "Start of the window (default today).", date),
                    query("available_to", "End of the window (default its start).", date),
                    query(
                        "threshold",
                        "A cell with fewer experts is a gap.",
                        {"type": "integer", "minimum": 1, "maximum": 50, "default": 2},
                    ),
                ],
                "responses": {
                    "200": json_answer("The coverage.", "CoverageReport"),
                    "400": error("A bad parameter; `error.parameters` names it."),
                    "401": unauthorized,
                    "403": error("The caller is not staff."),
                },
            }
        },
    }
