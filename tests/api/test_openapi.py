"""The OpenAPI description stays true to the app's URL map."""

import re

from roster.api.openapi import SPEC


def _api_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or rule.endpoint == "main.healthz":
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            methods = {m.lower() for m in rule.methods} - {"head", "options"}
            yield path, methods


def test_openapi_describes_every_api_route(app):
    described = SPEC["paths"]
    for path, methods in _api_rules(app):
        assert path in described, f"{path} is missing from roster/api/openapi.py"
        missing = methods - set(described[path])
        assert not missing, f"{path}: methods {missing} are not described"


def test_openapi_describes_no_route_that_does_not_exist(app):
    routes = dict(_api_rules(app))
    for path, operations in SPEC["paths"].items():
        assert path in routes, f"{path} is described but the app has no such route"
        assert set(operations) <= routes[path]


def test_openapi_path_parameters_are_declared(app):
    for path, operations in SPEC["paths"].items():
        names = set(re.findall(r"{([^}]+)}", path))
        for operation in operations.values():
            declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert declared == names, path


def test_openapi_every_reference_resolves():
    text = repr(SPEC)
    for ref in set(re.findall(r"#/components/schemas/(\w+)", text)):
        assert ref in SPEC["components"]["schemas"], ref


def test_openapi_lists_every_roster_filter():
    from roster.api.params import FILTER_PARAMS, PAGE_PARAMS

    listed = {p["name"] for p in SPEC["paths"]["/api/v1/experts"]["get"]["parameters"]}
    assert listed == set(FILTER_PARAMS) | set(PAGE_PARAMS)


def test_openapi_error_answers_use_error_schema():
    for path, operations in SPEC["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (path, method, status)


def test_openapi_served_publicly(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json["openapi"].startswith("3.1")
    assert response.json["paths"].keys() == SPEC["paths"].keys()


def test_openapi_document_is_valid():
    from openapi_spec_validator import validate

    validate(SPEC)


def _conforms(body, schema_name):
    from jsonschema import Draft202012Validator

    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": SPEC["components"]}
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(body)]
    assert not errors, f"{schema_name}: {errors}"


def test_answers_match_their_schemas(client, login, make):
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
    _conforms(client.get("/api/v1/experts").json, "ExpertPage")
    _conforms(client.get(f"/api/v1/experts/{expert.id}").json, "Expert")
    _conforms(client.get("/api/v1/themes").json, "ThemeList")
    _conforms(client.get("/healthz").json, "Health")
    _conforms(client.get("/api/v1/experts?page=x").json, "Error")
    _conforms(client.get("/api/v1/experts/0").json, "Error")


def test_action_answers_match_their_schemas(client, login, make, db):
    from tests.actions import helpers

    action = helpers.action(db, make, themes=("asylum",))
    helpers.activity(db, action)
    helpers.assignment(db, make.expert(), action)
    login(make.staff())
    _conforms(client.get("/api/v1/actions").json, "ActionPage")
    _conforms(client.get(f"/api/v1/actions/{action.id}").json, "Action")
    _conforms(client.post(f"/api/v1/actions/{action.id}/status", json=[]).json, "Error")
