"""The OpenAPI document, generated from the schemas that read the requests, stays true to
the app's URL map, valid, and describes the answers as they are."""

import re

import pytest

from roster.api.schemas.experts import RosterQuery

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def spec(client):
    """The document as the app serves it."""
    return client.get("/api/v1/openapi.json").json


def _operations(path_item: dict) -> dict:
    return {method: op for method, op in path_item.items() if method in METHODS}


def _api_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or rule.endpoint == "main.healthz":
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            methods = {m.lower() for m in rule.methods} - {"head", "options"}
            yield path, methods


def test_openapi_describes_every_api_route(app, spec):
    described = spec["paths"]
    for path, methods in _api_rules(app):
        assert path in described, f"{path} is missing from the document"
        missing = methods - set(_operations(described[path]))
        assert not missing, f"{path}: methods {missing} are not described"


def test_openapi_describes_no_route_that_does_not_exist(app, spec):
    routes = dict(_api_rules(app))
    for path, path_item in spec["paths"].items():
        assert path in routes, f"{path} is described but the app has no such route"
        assert set(_operations(path_item)) <= routes[path]


def test_openapi_path_parameters_are_declared(spec):
    for path, path_item in spec["paths"].items():
        names = set(re.findall(r"{([^}]+)}", path))
        shared = [p for p in path_item.get("parameters", []) if p["in"] == "path"]
        for operation in _operations(path_item).values():
            own = [p for p in operation.get("parameters", []) if p["in"] == "path"]
            assert {p["name"] for p in shared + own} == names, path


def test_openapi_every_reference_resolves(spec):
    text = repr(spec)
    for ref in set(re.findall(r"#/components/schemas/(\w+)", text)):
        assert ref in spec["components"]["schemas"], ref


def test_openapi_lists_every_roster_filter(spec):
    """The parameters are the fields of the schema that reads them: one description."""
    listed = {p["name"] for p in spec["paths"]["/api/v1/experts"]["get"]["parameters"]}
    assert listed == set(RosterQuery().fields)


def test_openapi_every_operation_is_described(spec):
    for path, path_item in spec["paths"].items():
        for method, operation in _operations(path_item).items():
            assert operation.get("summary") and operation.get("operationId"), (path, method)
            assert "200" in operation["responses"], (path, method)


def test_openapi_error_answers_use_error_schema(spec):
    for path, path_item in spec["paths"].items():
        for method, operation in _operations(path_item).items():
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (path, method, status)


def test_openapi_security(spec):
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {"type": "http", "scheme": "bearer"}
    assert schemes["sessionCookie"]["in"] == "cookie"
    assert spec["security"] == [{"bearerToken": []}, {"sessionCookie": []}]
    public = {
        path
        for path, path_item in spec["paths"].items()
        for op in _operations(path_item).values()
        if op.get("security") == []
    }
    assert public == {"/api/v1/themes", "/api/v1/openapi.json", "/healthz"}


def test_openapi_served_publicly(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json["openapi"].startswith("3.1")


def test_openapi_document_is_valid(spec):
    from openapi_spec_validator import validate

    validate(spec)


def test_no_other_documentation_urls(app):
    """flask-smorest serves nothing of its own: the document is /api/v1/openapi.json."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert not {e for e in endpoints if e.startswith("api-docs")}


def _conforms(body, schema_name, spec):
    from jsonschema import Draft202012Validator

    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(body)]
    assert not errors, f"{schema_name}: {errors}"


def test_answers_match_their_schemas(client, login, make, spec):
    from datetime import date

    from roster.experts.models import Unavailability

    expert = make.expert(
        themes={"asylum": "senior"},
        languages={"fr": "C2"},
        countries={"BJ": "west-africa"},
        employer_type="academia",
        years_experience=3,
    )
    expert.unavailability.append(Unavailability(start=date(2026, 1, 1), end=date(2026, 1, 9)))
    make.db.session.commit()
    login(make.staff())
    _conforms(client.get("/api/v1/experts").json, "ExpertPage", spec)
    _conforms(client.get(f"/api/v1/experts/{expert.id}").json, "Expert", spec)
    _conforms(client.get("/api/v1/themes").json, "ThemeList", spec)
    _conforms(client.get("/healthz").json, "Health", spec)
    _conforms(client.get("/api/v1/experts?page=x").json, "Error", spec)
    _conforms(client.get("/api/v1/experts/0").json, "Error", spec)


def test_action_answers_match_their_schemas(client, login, make, db, spec):
    from tests.actions import helpers

    action = helpers.action(db, make, themes=("asylum",))
    helpers.activity(db, action)
    helpers.assignment(db, make.expert(), action)
    login(make.staff())
    _conforms(client.get("/api/v1/actions").json, "ActionPage", spec)
    _conforms(client.get(f"/api/v1/actions/{action.id}").json, "Action", spec)
    _conforms(client.post(f"/api/v1/actions/{action.id}/status", json=[]).json, "Error", spec)
