"""An expert says they are interested in a call, with a note, or withdraws it, while the call
takes interest; staff see it, and Find experts marks and may weigh it."""

import re

import sqlalchemy as sa

from roster.opportunities.models import CallStatus, Interest
from tests.opportunities import helpers as oh

ROW = re.compile(r'data-expert-id="(\d+)" data-score="([0-9.]+)"')


def _expert(make, name, **profile):
    user = make.user(email=f"{name.lower()}@example.org")
    return user, make.expert(user=user, first_name=name, last_name="Roster", **profile)


def _interests(db):
    db.session.expire_all()
    return db.session.scalars(sa.select(Interest)).all()


def test_interest_with_a_note_changed_then_withdrawn(client, db, make, login):
    call = oh.call(db, make)
    user, expert = _expert(make, "Ana")
    login(user)
    url = f"/opportunities/{call.id}"
    assert "I am interested" in client.get(url).text
    response = client.post(f"{url}/interest", data={"interest-note": "Ran this in 2019."})
    assert response.status_code == 302
    [interest] = _interests(db)
    assert interest.expert_id == expert.id and interest.note == "Ran this in 2019."
    page = client.get(url).text
    assert "You expressed interest" in page and "Ran this in 2019." in page
    assert "Withdraw my interest" in page
    assert "You are interested" in client.get("/opportunities/").text

    client.post(f"{url}/interest", data={"interest-note": "Free in May too."})
    assert [i.note for i in _interests(db)] == ["Free in May too."]
    too_long = client.post(f"{url}/interest", data={"interest-note": "x" * 2001})
    assert too_long.status_code == 400 and 'id="interest-note-error"' in too_long.text
    assert [i.note for i in _interests(db)] == ["Free in May too."]

    assert client.post(f"{url}/withdraw", data={}).status_code == 302
    assert _interests(db) == []
    assert "Experts interested (0)" in _staff_view(client, make, login, call)


def _staff_view(client, make, login, call) -> str:
    login(make.staff())
    return client.get(f"/opportunities/calls/{call.id}").text


def test_interest_only_while_the_call_takes_it(client, db, make, login):
    call = oh.call(db, make)
    user, expert = _expert(make, "Ana")
    oh.interest(db, call, expert, note="First note")
    login(user)
    url = f"/opportunities/{call.id}"
    call.deadline = oh.ahead(-1)  # the deadline passed: the team is choosing
    db.session.commit()
    assert "The deadline has passed" in client.get(url).text
    client.post(f"{url}/interest", data={"interest-note": "Changed"})
    client.post(f"{url}/withdraw", data={})
    assert [i.note for i in _interests(db)] == ["First note"]

    call.deadline, call.status = oh.ahead(10), CallStatus.CLOSED
    db.session.commit()
    client.post(f"{url}/interest", data={"interest-note": "Changed"})
    client.post(f"{url}/withdraw", data={})
    assert [i.note for i in _interests(db)] == ["First note"]
    # Someone who never answered a closed call does not see it at all.
    stranger, _ = _expert(make, "Ben")
    login(stranger)
    assert client.get(url).status_code == 404
    assert client.post(f"{url}/interest", data={}).status_code == 404


def test_only_experts_answer_calls(client, db, make, login):
    call = oh.call(db, make)
    for user in (make.staff(), make.admin()):
        login(user)
        assert client.post(f"/opportunities/{call.id}/interest", data={}).status_code == 403
        assert client.get("/opportunities/").status_code == 403
    assert _interests(db) == []


def _rank(client, action, activity, **args):
    html = client.get(
        f"/actions/{action.id}/activities/{activity.id}/find-experts",
        query_string={"run": "1", "themes": "children", **args},
    ).text
    return html, [int(i) for i, _s in ROW.findall(html)]


def test_find_experts_marks_the_interested_and_can_weigh_interest(client, db, make, login):
    activity = oh.activity(db, make)
    action = activity.action
    call = oh.call(db, make, on=activity)
    _, senior = _expert(make, "Senior", themes={"children": "senior"})
    _, working = _expert(make, "Working", themes={"children": "working"})
    oh.interest(db, call, working, note="I speak Kazakh too.")
    login(make.staff())

    html, order = _rank(client, action, activity)
    assert order == [senior.id, working.id]
    rows = html.split('class="card mb-3 match-row"')[1:]
    assert "interested" not in rows[0]
    assert "interested" in rows[1] and "I speak Kazakh too." in rows[1]
    assert call.title in rows[1]

    html, order = _rank(client, action, activity, interest_weight="100")
    assert order == [working.id, senior.id]
    assert re.search(r'id="interest_weight"[^>]*value="100"', html)
    _, order = _rank(client, action, activity, interest_weight="0")
    assert order == [senior.id, working.id]
    refused = client.get(
        f"/actions/{action.id}/activities/{activity.id}/find-experts",
        query_string={"run": "1", "interest_weight": "101"},
    )
    assert refused.status_code == 400 and 'id="interest_weight-error"' in refused.text


def test_an_interested_expert_below_the_first_rows_is_named(client, db, make, login):
    activity = oh.activity(db, make)
    call = oh.call(db, make, on=activity)
    for n in range(3):
        _expert(make, f"Senior{n}", themes={"children": "senior"})
    _, late = _expert(make, "Late", themes={})
    oh.interest(db, call, late)
    login(make.staff())
    html, order = _rank(client, activity.action, activity, k="2")
    assert late.id not in order
    assert "Also interested in a call of this Action" in html and "Late Roster" in html
    _, order = _rank(client, activity.action, activity, k="2", interest_weight="100")
    assert order[0] == late.id


def test_the_calls_find_experts_link_ranks_for_the_calls_own_requirements(client, db, make, login):
    """The call asks for Russian at C1 and trafficking: its link carries both, so an expert
    without Russian is left out and the activity's own themes give way to the call's."""
    activity = oh.activity(db, make)
    call = oh.call(db, make, on=activity, themes=("trafficking",), languages={"ru": "C1"})
    _, speaker = _expert(make, "Speaker", themes={"trafficking": "working"}, languages={"ru": "C2"})
    _, other = _expert(make, "Other", themes={"children": "senior"}, languages={"en": "C2"})
    login(make.staff())
    page = client.get(f"/opportunities/calls/{call.id}").text
    [href] = re.findall(r'href="([^"]*find-experts[^"]*)"', page)
    href = href.replace("&amp;", "&")
    assert "languages-0-code=ru" in href and "languages-0-level=C1" in href
    assert "themes=trafficking" in href and "themes=children" not in href
    html = client.get(href).text
    order = [int(i) for i, _s in ROW.findall(html)]
    assert order == [speaker.id] and other.id not in order
    assert re.search(r'<input checked[^>]*name="themes"[^>]*value="trafficking"', html)
    assert not re.search(r'<input checked[^>]*name="themes"[^>]*value="children"', html)
