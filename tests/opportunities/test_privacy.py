"""An expert's interests in calls: in "Download my data", and gone with an erasure."""

import sqlalchemy as sa

from roster.opportunities.models import Interest, OpportunityPreference
from tests.opportunities import helpers as oh


def test_my_data_holds_my_interests_and_threshold_only(client, db, make, login):
    call = oh.call(db, make, title="Child protection trainer")
    user = make.user()
    expert = make.expert(user=user)
    oh.interest(db, call, expert, note="My own note")
    oh.interest(db, oh.call(db, make, title="Someone else's"), make.expert(), note="Not mine")
    login(user)
    client.post("/opportunities/threshold", data={"threshold": "65"})
    data = client.get("/experts/me/data.json").get_json()
    [mine] = data["interests"]
    assert mine["call"]["title"] == "Child protection trainer" and mine["note"] == "My own note"
    assert mine["outcome"] is None and mine["expressed_at"]
    assert data["opportunity_threshold"] == 65
    assert "Not mine" not in str(data)


def test_erasure_removes_the_persons_interests(client, db, make, login):
    call = oh.call(db, make)
    user = make.user()
    expert = make.expert(user=user, first_name="Gone")
    kept = make.expert(first_name="Stays")
    oh.interest(db, call, expert, note="Private note")
    oh.interest(db, call, kept)
    login(user)
    client.post("/opportunities/threshold", data={"threshold": "65"})
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    login(make.staff())
    assert client.post(f"/experts/{expert.id}/erase").status_code == 302
    db.session.expire_all()
    left = db.session.scalars(sa.select(Interest)).all()
    assert [i.expert_id for i in left] == [kept.id]
    assert db.session.get(OpportunityPreference, expert.id) is None
    page = client.get(f"/opportunities/calls/{call.id}").text
    assert "Experts interested (1)" in page and "Private note" not in page
