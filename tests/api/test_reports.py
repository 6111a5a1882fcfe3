"""API: the year's figures and the coverage, for staff only, with JSON errors."""

from datetime import date

import pytest

from roster.actions.states import RequestSource, RequestStatus
from tests.actions import helpers as h
from tests.reports.builders import A, action, d


@pytest.fixture
def spec(client):
    """The OpenAPI document as the app serves it."""
    return client.get("/api/v1/openapi.json").json


def _conforms(body, schema_name, spec):
    from jsonschema import Draft202012Validator

    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(body)]
    assert not errors, f"{schema_name}: {errors}"


@pytest.fixture
def data(db, make):
    spanning = action(
        db,
        make,
        "KZ-2021-01",
        [(d(2021, 4, 1), A.IMPLEMENTATION), (d(2022, 2, 1), A.CONCLUDED)],
        concluded_on=d(2022, 2, 1),
    )
    h.activity(db, spanning, start_on=d(2021, 6, 1))
    old = action(
        db,
        make,
        "BJ-2019-01",
        [(d(2019, 5, 1), A.IMPLEMENTATION)],
        country="BJ",
        region="west-africa",
    )
    h.activity(db, old, start_on=d(2021, 2, 2))
    late = h.request(
        db,
        make,
        received_on=d(2021, 12, 20),
        status=RequestStatus.ACCEPTED,
        source=RequestSource.AWARENESS_SESSION,
    )
    late.action = spanning
    h.request(db, make, received_on=d(2021, 3, 3))
    make.expert(joined_on=date(2021, 2, 1), themes={"asylum": "senior"}, countries={"KZ": "asia"})
    db.session.commit()


def test_year_figures(api_get, token_for, make, data, spec):
    token = token_for(make.staff())
    response = api_get("/api/v1/reports/years/2021", token)
    assert response.status_code == 200
    body = response.json
    _conforms(body, "YearReport", spec)
    assert {
        k: body[k] for k in ("year", "actions_implemented", "actions_concluded", "activities")
    } == {
        "year": 2021,
        "actions_implemented": 2,
        "actions_concluded": 0,
        "activities": 2,
    }
    assert body["experts_joined"] == 1
    assert (body["requests_received"], body["requests_became_actions"]) == (2, 1)
    assert body["partner_countries"] == ["BJ", "KZ"]
    assert body["long_standing_partner_countries"] == ["BJ"]
    assert body["new_partner_countries"] == ["KZ"]
    assert body["awareness_sessions"]["requests_became_actions"] == 1
    assert {r["region"]: r["actions_implemented"] for r in body["regions"]} == {
        "asia": 1,
        "west-africa": 1,
    }
    following = api_get("/api/v1/reports/years/2022", token).json
    # Both still run in 2022 (BJ-2019-01 never concluded); KZ-2021-01 concluded in it.
    assert (following["actions_implemented"], following["actions_concluded"]) == (2, 1)
    assert following["requests_became_actions"] == 0


def test_coverage(api_get, token_for, make, data, spec):
    token = token_for(make.staff())
    body = api_get("/api/v1/reports/coverage?threshold=1", token).json
    _conforms(body, "CoverageReport", spec)
    assert body["threshold"] == 1 and body["min_level"] == "B2"
    assert body["available_from"] == date.today().isoformat()
    asylum = next(t for t in body["themes"] if t["theme"] == "asylum")
    assert asylum["regions"]["asia"] == {"experts": 1, "demand": 0, "gap": False}
    assert asylum["languages"]["en"]["gap"] is True
    window = api_get(
        "/api/v1/reports/coverage?available_from=2030-01-01&available_to=2030-01-31", token
    )
    assert window.json["available_to"] == "2030-01-31"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/reports/years/0", 400),
        ("/api/v1/reports/years/1800", 400),
        ("/api/v1/reports/years/99999999999999999999", 404),  # beyond any id or year
        ("/api/v1/reports/years/-5", 404),
        ("/api/v1/reports/years/abc", 404),
        ("/api/v1/reports/coverage?threshold=0", 400),
        ("/api/v1/reports/coverage?threshold=x", 400),
        ("/api/v1/reports/coverage?available_from=2021-13-01", 400),
        ("/api/v1/reports/coverage?available_from=2021-02-01&available_to=2021-01-01", 400),
        ("/api/v1/reports/coverage?colour=red", 400),
    ],
)
def test_bad_input_answers_json_errors(api_get, token_for, make, path, status, spec):
    response = api_get(path, token_for(make.staff()))
    assert response.status_code == status
    assert response.is_json
    _conforms(response.json, "Error", spec)
    assert response.json["error"]["message"]


@pytest.mark.parametrize("path", ["/api/v1/reports/years/2021", "/api/v1/reports/coverage"])
def test_only_staff(api_get, token_for, make, path):
    anonymous = api_get(path)
    assert anonymous.status_code == 401 and anonymous.json["error"]["code"] == "unauthorized"
    expert = api_get(path, token_for(make.user()))
    assert expert.status_code == 403 and expert.is_json
    assert api_get(path, token_for(make.admin())).status_code == 200


def test_session_users_may_call_it_too(client, login, make):
    login(make.staff())
    assert client.get("/api/v1/reports/years/2021").json["year"] == 2021
