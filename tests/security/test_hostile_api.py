"""Hostile strings in every string parameter and body field the API describes.

The places are read from `/api/v1/openapi.json` at collection: every query or path
parameter of type string (or array of strings) and every string property of a JSON request
body. Each place gets each hostile string of tests/security/hostile.py, with staff's and an
expert's Bearer tokens, everything else valid. The answer is a 2xx with a JSON body or a 4xx
with the JSON error body (`{"error": {"code", "message"}}`), never a 5xx; a string the API
accepts into a write is stored as sent and comes back unchanged in the JSON it answers.
"""

import json

import flask
import pytest

from roster import create_app
from roster.auth.models import ApiToken
from tests.security.hostile import HOSTILE, HostileWorld, find_stored, stored_forms
from tests.test_permissions import _fast_hash as fast_hash

SPEC_PATH = "/api/v1/openapi.json"
# POST operations that compute an answer and store nothing of the body.
COMPUTES_ONLY = {"/api/v1/matches"}
# Valid values for path parameters and required fields, from the world.
PATH_VALUES = {
    "action_id": lambda w: w.action.id,
    "expert_id": lambda w: w.expert.id,
    "community_id": lambda w: w.community.id,  # closed; the owner (the expert's token) is in it
    "year": lambda w: 2021,
}


def _spec() -> dict:
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return app.test_client().get(SPEC_PATH).get_json()


SPEC = _spec()


def _resolve(schema: dict) -> dict:
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        return SPEC["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema


def _is_string(schema: dict) -> bool:
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "array" in kinds:
        return _is_string(_resolve(schema.get("items", {})))
    return "string" in kinds


def _places() -> list[tuple[str, str, str, str]]:
    """(method, path, where, name) for every string parameter and body property."""
    out = []
    for path, operations in SPEC["paths"].items():
        for method, op in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            for param in op.get("parameters", []):
                if _is_string(_resolve(param.get("schema", {}))) and param["in"] == "query":
                    out.append((method.upper(), path, "query", param["name"]))
            content = op.get("requestBody", {}).get("content", {}).get("application/json")
            if content:
                body = _resolve(content["schema"])
                for name, prop in body.get("properties", {}).items():
                    if _is_string(_resolve(prop)):
                        out.append((method.upper(), path, "body", name))
    return out


PLACES = _places()


def _body_template(method: str, path: str) -> dict:
    """A valid body: each required property's first enum value or a plain string."""
    op = SPEC["paths"][path][method.lower()]
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    schema = _resolve(content["schema"])
    body = {}
    for name in schema.get("required", []):
        prop = _resolve(schema["properties"][name])
        body[name] = prop.get("enum", ["text"])[0]
    return body


def _enum(method: str, path: str, name: str) -> list:
    op = SPEC["paths"][path][method.lower()]
    schema = _resolve(op["requestBody"]["content"]["application/json"]["schema"])
    return _resolve(schema["properties"][name]).get("enum", [])


def _value_for(method: str, path: str, where: str, name: str, value: str):
    """The value as the place takes it: a list for array-typed places."""
    op = SPEC["paths"][path][method.lower()]
    if where == "query":
        schema = next(p["schema"] for p in op["parameters"] if p["name"] == name)
    else:
        body = _resolve(op["requestBody"]["content"]["application/json"]["schema"])
        schema = body["properties"][name]
    return [value] if "array" in str(_resolve(schema).get("type")) else value


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


@pytest.fixture(autouse=True)
def _hash_each_password_once(monkeypatch):
    monkeypatch.setattr("roster.auth.models.generate_password_hash", fast_hash)


@pytest.fixture
def tokens(db, make):
    """The world, and a Bearer secret for staff and for the expert who owns a profile."""
    world = HostileWorld(make, db)
    for name in ("expert", "other", "assignment", "activity", "partner_request"):
        getattr(world, name)
    secrets = {}
    for role in ("staff", "owner"):
        token, secret = ApiToken.issue(getattr(world, role), "hostile")
        db.session.add(token)
        secrets[role] = secret
    db.session.commit()
    return world, secrets


def test_the_places_are_found():
    """The description yields query parameters and body fields (else nothing is attacked)."""
    wheres = {where for _m, _p, where, _n in PLACES}
    assert wheres == {"query", "body"}, PLACES
    assert len(PLACES) >= 15


@pytest.mark.parametrize(
    ("method", "path", "where", "name"), PLACES, ids=[f"{m} {p} {w}:{n}" for m, p, w, n in PLACES]
)
def test_hostile_strings_in_the_api(client, db, tokens, method, path, where, name):
    """Every hostile string, as staff and as an expert: JSON 2xx or JSON 4xx, never a 5xx."""
    world, secrets = tokens
    url = path.format(**{k: f(world) for k, f in PATH_VALUES.items() if "{" + k + "}" in path})
    problems, accepted = [], []
    for role, secret in secrets.items():
        for label, value in HOSTILE.items():
            sent = _value_for(method, path, where, name, value)
            body = _body_template(method, path)
            query = {}
            if where == "query":
                query[name] = sent
            else:
                body[name] = sent
            flask.g.pop("_login_user", None)
            headers = {"Authorization": f"Bearer {secret}"}
            statuses = (
                _enum(method, path, "status") if "status" in body and name != "status" else [None]
            )
            for status in statuses:  # a status change needs a status the Action can move to
                if status is not None:
                    body["status"] = status
                response = client.open(
                    url,
                    method=method,
                    query_string=query,
                    headers=headers,
                    json=body if method != "GET" else None,
                )
                if response.status_code != 409:
                    break
                flask.g.pop("_login_user", None)
            where_ = f"{role} {method} {url} {name}={label}"
            if response.status_code >= 500:
                problems.append(f"{where_}: server error {response.status_code}")
                continue
            if not response.is_json:
                problems.append(f"{where_}: {response.status_code} is not JSON")
                continue
            answer = response.get_json()
            if response.status_code >= 400:
                if not isinstance(answer.get("error"), dict) or "message" not in answer["error"]:
                    problems.append(f"{where_}: a {response.status_code} without an error body")
                continue
            accepted.append(label)
            if method != "GET" and path not in COMPUTES_ONLY:
                if not find_stored(db, value):
                    problems.append(f"{where_}: accepted, but not stored as sent")
                if not stored_forms(value) & set(_strings(answer)):
                    problems.append(f"{where_}: accepted, but the answer does not show it")
            assert json.dumps(answer)  # the answer is valid JSON whatever went in
    assert not problems, "\n".join(problems)
    if where == "body" and name != "status" and path not in COMPUTES_ONLY:
        assert accepted, f"{method} {path}: no hostile {name} was accepted: nothing was checked"
