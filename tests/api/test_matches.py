"""POST /api/v1/matches and GET /api/v1/actions/<id>/matches: the contract, the 400s that
name the field, and who may call them."""

from datetime import date

import pytest
from flask import g

from roster.actions import ranking
from roster.actions.states import AssignmentState
from tests.actions import helpers as h


@pytest.fixture
def roster(db, make):
    make.country("CR", "latam")
    lucia = make.expert(
        first_name="Lucía",
        last_name="Ferrer",
        themes={"trafficking": "senior"},
        languages={"es": "native"},
        countries={"CR": "latam"},
        biography="Prosecutor for trafficking cases in Central America.",
    )
    jonas = make.expert(
        first_name="Jonas",
        last_name="Berg",
        themes={"trafficking": "working"},
        languages={"es": "B1"},
        biography="Labour inspections.",
    )
    return lucia, jonas


@pytest.fixture
def post(client):
    def _post(body, token=None, **kw):
        g.pop("_login_user", None)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return client.post("/api/v1/matches", json=body, headers=headers, **kw)

    return _post


@pytest.fixture
def staff_token(make, token_for):
    return token_for(make.staff())


REQUEST = {
    "text": "Counter-trafficking prosecutor",
    "themes": ["trafficking"],
    "languages": [{"code": "es", "min_level": "B2"}],
    "country": "CR",
    "start": "2021-11-01",
    "end": "2021-11-05",
    "k": 5,
}


def test_post_matches_answers_ranked_items_with_structured_reasons(post, roster, staff_token):
    lucia, _ = roster
    response = post(REQUEST, staff_token)
    assert response.status_code == 200
    body = response.get_json()
    [item] = body["items"]  # Jonas speaks Spanish at B1 only
    assert (item["expert_id"], item["name"]) == (lucia.id, "Lucía Ferrer")
    assert 0 < item["score"] <= 1 and 0 < item["confidence"] <= 1
    reasons = {r["criterion"]: r for r in item["reasons"]}
    assert {"text", "themes", "languages", "geography"} <= set(reasons)
    assert reasons["themes"]["matched"] == [{"key": "trafficking", "have": "senior", "want": None}]
    assert reasons["languages"]["matched"] == [{"key": "es", "have": "native", "want": "B2"}]
    assert reasons["geography"]["matched"][0] == {"key": "CR", "have": "country", "want": None}
    assert reasons["text"]["passages"][0]["text"].startswith("Prosecutor for trafficking")
    for reason in item["reasons"]:
        assert set(reason) >= {"criterion", "score", "weight", "matched", "missing", "passages"}
    assert "Has senior expertise in Trafficking." in reasons["themes"]["explanation"]
    assert body["eligible"] == 1


def test_the_api_ranks_as_the_library_does(post, roster, staff_token):
    query = ranking.Query(text="trafficking prosecutor", themes=["trafficking"])
    expected = ranking.rank(query, 10).matches
    body = post({"text": "trafficking prosecutor", "themes": ["trafficking"]}, staff_token)
    items = body.get_json()["items"]
    assert [i["expert_id"] for i in items] == [int(m.expert_id) for m in expected]
    assert [i["score"] for i in items] == [round(m.score, 4) for m in expected]


def test_action_matches_use_the_actions_request(api_get, db, make, roster, staff_token):
    lucia, _ = roster
    action = h.action(
        db, make, country="CR", region="latam", themes=["trafficking"], languages=["es"]
    )
    response = api_get(f"/api/v1/actions/{action.id}/matches?k=1", staff_token)
    assert response.status_code == 200
    assert [i["expert_id"] for i in response.get_json()["items"]] == [lucia.id]
    assert api_get("/api/v1/actions/999/matches", staff_token).status_code == 404
    for bad in ("k=0", "k=101", "k=abc", "sort=name"):
        response = api_get(f"/api/v1/actions/{action.id}/matches?{bad}", staff_token)
        assert response.status_code == 400, bad
        assert response.get_json()["error"]["field"] == bad.split("=")[0]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"text": 12}, "text"),
        ({"themes": "trafficking"}, "themes"),
        ({"themes": ["no-such-theme"]}, "themes"),
        ({"languages": [{"code": "es", "min_level": "B7"}]}, "languages[0].min_level"),
        ({"languages": [{"code": "xx"}]}, "languages[0].code"),
        ({"languages": ["es"]}, "languages[0]"),
        ({"languages": {"es": "B2"}}, "languages"),
        ({"country": "ZZ"}, "country"),
        ({"start": "2021-13-01"}, "start"),
        ({"end": 20211105}, "end"),
        ({"start": "2021-11-05", "end": "2021-11-01"}, "end"),
        ({"start": None, "end": "2021-11-01"}, "start"),
        ({"k": 0}, "k"),
        ({"k": 101}, "k"),
        ({"k": "ten"}, "k"),
        ({"k": True}, "k"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_input_answers_400_naming_the_field(post, roster, staff_token, change, field):
    response = post({**REQUEST, **change}, staff_token)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "bad_request" and error["field"] == field
    assert list(error["parameters"]) == [field]
    assert field in error["message"]


@pytest.mark.parametrize("body", [None, "not json", [1, 2]])
def test_a_body_that_is_not_a_json_object_answers_400(client, staff_token, body):
    g.pop("_login_user", None)
    headers = {"Authorization": f"Bearer {staff_token}"}
    if body is None:
        response = client.post(
            "/api/v1/matches", data="{oops", headers=headers, content_type="application/json"
        )
    else:
        response = client.post("/api/v1/matches", json=body, headers=headers)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_only_staff_may_ask(post, api_get, make, token_for, roster):
    assert post(REQUEST).status_code == 401
    expert_token = token_for(make.user())
    response = post(REQUEST, expert_token)
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "forbidden"
    assert api_get("/api/v1/actions/1/matches", expert_token).status_code == 403


def test_dates_filter_out_unavailable_experts(post, db, make, roster, staff_token):
    lucia, jonas = roster
    other = h.action(db, make)
    h.assignment(db, lucia, other, state=AssignmentState.ACCEPTED, start_on=date(2021, 11, 2))
    body = {**REQUEST, "languages": []}
    ids = [i["expert_id"] for i in post(body, staff_token).get_json()["items"]]
    assert ids == [jonas.id]
