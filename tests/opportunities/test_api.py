"""GET /api/v1/opportunities: an expert's token gets the calls that fit them, ranked, with
score and reasons; a staff token gets every call with its interest count."""

from roster.auth.models import PartnerFocalPoint, Role
from roster.opportunities.models import CallStatus
from tests.actions import helpers as h
from tests.opportunities import helpers as oh


def test_an_expert_gets_the_calls_that_fit_ranked_with_reasons(api_get, db, make, token_for):
    make.theme("trafficking")
    children = oh.call(db, make, title="Child protection trainer", languages={"ru": "B2"})
    trafficking = oh.call(db, make, title="Counter-trafficking", themes=("trafficking",))
    french = oh.call(db, make, title="Trainer in French", languages={"fr": "B2"})
    user = make.user()
    expert = make.expert(user=user, themes={"children": "senior"}, languages={"ru": "C1"})
    oh.interest(db, children, expert, note="Available in May.")

    response = api_get("/api/v1/opportunities", token_for(user))
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["ranked"] is True and body["count"] == 2
    items = body["items"]
    assert [i["id"] for i in items] == [children.id, trafficking.id]
    assert french.id not in [i["id"] for i in items]
    assert items[0]["score"] > items[1]["score"]
    assert {r["criterion"] for r in items[0]["reasons"]} >= {"themes", "languages"}
    assert items[0]["languages"] == [{"code": "ru", "min_level": "B2"}]
    assert items[0]["interest"]["note"] == "Available in May."
    assert items[1]["interest"] is None
    assert "interest_count" not in items[0]


def test_staff_get_every_call_with_its_interest_count(api_get, db, make, token_for):
    open_call = oh.call(db, make, title="Open call")
    closed = oh.call(db, make, title="Closed call", status=CallStatus.CLOSED)
    for _ in range(2):
        oh.interest(db, open_call, make.expert())
    response = api_get("/api/v1/opportunities", token_for(make.staff()))
    assert response.status_code == 200
    counts = {i["title"]: i["interest_count"] for i in response.get_json()["items"]}
    assert counts == {"Open call": 2, "Closed call": 0}
    assert all("score" not in i for i in response.get_json()["items"])
    assert closed.id in [i["id"] for i in response.get_json()["items"]]


def test_the_rest_are_refused_with_a_json_error(api_get, db, make, token_for):
    oh.call(db, make)
    anonymous = api_get("/api/v1/opportunities")
    assert anonymous.status_code == 401 and "error" in anonymous.get_json()
    focal = make.user(role=Role.PARTNER)
    db.session.add(PartnerFocalPoint(user_id=focal.id, partner_id=h.partner(db, make).id))
    db.session.commit()
    refused = api_get("/api/v1/opportunities", token_for(focal))
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden"
    unknown = api_get("/api/v1/opportunities?status=open", token_for(make.staff()))
    assert unknown.status_code == 400 and "status" in str(unknown.get_json()["error"])


def test_an_applicant_gets_no_ranking(api_get, make, token_for):
    user = make.user()
    make.expert(user=user, status="applied")
    body = api_get("/api/v1/opportunities", token_for(user)).get_json()
    assert body == {"items": [], "count": 0, "ranked": False}


def test_the_openapi_document_describes_the_operation(api_get):
    spec = api_get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/opportunities"]["get"]
    assert operation["operationId"] == "listOpportunities"
    assert {"200", "401", "403"} <= set(operation["responses"])
    schemas = spec["components"]["schemas"]
    item = schemas["Opportunity"]["properties"]
    assert {"score", "reasons", "interest_count", "deadline"} <= set(item)
