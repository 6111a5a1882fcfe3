"""GET /api/v1/actions (filters, pagination, 400s), GET /api/v1/actions/<id>, the status
change (409 on an illegal move), and who may call them."""

from datetime import date

import pytest

from roster.actions.models import Evaluation
from roster.actions.states import ActionStatus, AssignmentState
from roster.auth.models import ApiToken
from tests.actions import helpers as h


@pytest.fixture
def data(db, make):
    kz = h.action(
        db,
        make,
        code="KZ-2021-01",
        themes=["migrant-children"],
        status=ActionStatus.IMPLEMENTATION,
        start_on=date(2021, 12, 1),
        end_on=date(2023, 6, 30),
    )
    md = h.action(
        db,
        make,
        country="MD",
        region="eu-neighbourhood",
        code="MD-2021-01",
        themes=["border-management"],
        start_on=date(2021, 3, 10),
        end_on=date(2022, 12, 31),
    )
    h.activity(db, kz, start_on=date(2021, 12, 14), title="Launch", notes="Almaty launch")
    expert = make.expert(first_name="Lucía", last_name="Ferrer")
    a = h.assignment(db, expert, kz, state=AssignmentState.COMPLETED, days=3)
    a.evaluation = Evaluation(rating=5, comment="Never in the API")
    db.session.commit()
    return kz, md


@pytest.fixture
def bearer(db, make):
    token, secret = ApiToken.issue(make.staff(), "tests")
    db.session.add(token)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def test_list_contract(client, data, bearer):
    response = client.get("/api/v1/actions", headers=bearer)
    assert response.status_code == 200
    body = response.json
    assert set(body) >= {"items", "total", "page", "per_page"}
    assert (body["total"], body["page"], body["per_page"]) == (2, 1, 25)
    kz = next(i for i in body["items"] if i["code"] == "KZ-2021-01")
    assert kz["region"] == "asia" and kz["country"] == "KZ"
    assert kz["status"] == "implementation" and kz["themes"] == ["migrant-children"]
    assert kz["start_on"] == "2021-12-01"


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("status=implementation", {"KZ-2021-01"}),
        ("region=eu-neighbourhood", {"MD-2021-01"}),
        ("country=KZ", {"KZ-2021-01"}),
        ("theme=border-management", {"MD-2021-01"}),
        ("year=2021", {"KZ-2021-01", "MD-2021-01"}),
        ("year=2023", {"KZ-2021-01"}),
    ],
)
def test_list_filters(client, data, bearer, query, codes):
    body = client.get(f"/api/v1/actions?{query}", headers=bearer).json
    assert {i["code"] for i in body["items"]} == codes


def test_pagination(client, data, bearer):
    body = client.get("/api/v1/actions?per_page=1&page=2", headers=bearer).json
    assert (body["total"], body["page"], body["per_page"], len(body["items"])) == (2, 2, 1, 1)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("year=twenty", "year"),
        ("status=finished", "status"),
        ("region=atlantis", "region"),
        ("country=XX", "country"),
        ("country=KAZ", "country"),
        ("theme=cooking", "theme"),
        ("per_page=500", "per_page"),
        ("page=0", "page"),
        ("colour=blue", "colour"),
        ("status=planned&status=concluded", "status"),
    ],
)
def test_bad_parameters_answer_400(client, data, bearer, query, name):
    response = client.get(f"/api/v1/actions?{query}", headers=bearer)
    assert response.status_code == 400
    error = response.json["error"]
    assert error["code"] == "bad_request" and name in error["message"]


def test_detail_has_activities_and_team_but_no_evaluation(client, data, bearer):
    kz, _md = data
    response = client.get(f"/api/v1/actions/{kz.id}", headers=bearer)
    body = response.json
    assert body["code"] == "KZ-2021-01"
    assert [a["title"] for a in body["activities"]] == ["Launch"]
    assert body["activities"][0]["notes"] == "Almaty launch"
    [member] = body["team"]
    assert member["expert"]["name"] == "Lucía Ferrer"
    assert (member["state"], member["days"]) == ("completed", 3.0)
    assert "Never in the API" not in response.get_data(as_text=True)
    assert body["allowed_statuses"] == ["needs_assessment", "concluded"]


def test_unknown_action_is_a_json_404(client, data, bearer):
    response = client.get("/api/v1/actions/9999", headers=bearer)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_signed_out_is_401_and_experts_403(client, make, login, data):
    response = client.get("/api/v1/actions")
    assert response.status_code == 401 and response.json["error"]["code"] == "unauthorized"
    login(make.user())
    for url in ("/api/v1/actions", f"/api/v1/actions/{data[0].id}"):
        response = client.get(url)
        assert response.status_code == 403 and response.json["error"]["code"] == "forbidden"


def test_status_change_and_illegal_move(client, db, data, bearer):
    kz, md = data
    ok = client.post(
        f"/api/v1/actions/{kz.id}/status", json={"status": "concluded"}, headers=bearer
    )
    assert ok.status_code == 200 and ok.json["status"] == "concluded"
    illegal = client.post(
        f"/api/v1/actions/{md.id}/status", json={"status": "concluded"}, headers=bearer
    )
    assert illegal.status_code == 409
    assert illegal.json["error"]["code"] == "conflict"
    db.session.refresh(md)
    assert md.status == ActionStatus.PLANNED


@pytest.mark.parametrize(
    "body", [None, [], {"status": "finished"}, {"status": "concluded", "note": 5}]
)
def test_status_change_bad_body_is_400(client, data, bearer, body):
    kz, _md = data
    response = client.post(f"/api/v1/actions/{kz.id}/status", json=body, headers=bearer)
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad_request"
