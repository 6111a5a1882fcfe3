"""Opportunities for you: the open calls ranked for the expert's profile by the matching
library, with its reasons; a call whose hard requirements they miss is not theirs to see."""

import re

import pytest

from roster.opportunities.models import OpportunityPreference
from tests.opportunities import helpers as oh

CARD = re.compile(r'data-call-id="(\d+)" data-score="([0-9.]+)"')


def ranked(html: str) -> list[tuple[int, float]]:
    return [(int(i), float(s)) for i, s in CARD.findall(html)]


@pytest.fixture
def calls(db, make):
    """A call on migrant children and one on trafficking, both asking for Russian."""
    make.theme("trafficking")
    children = oh.call(db, make, title="Child protection trainer", languages={"ru": "B2"})
    trafficking = oh.call(
        db,
        make,
        title="Counter-trafficking trainer",
        themes=("trafficking",),
        languages={"ru": "B2"},
        expected="Victim identification for labour inspectors.",
    )
    return children, trafficking


def expert_user(make, first_name, **profile):
    user = make.user(email=f"{first_name.lower()}@example.org")
    expert = make.expert(user=user, first_name=first_name, **profile)
    return user, expert


def test_each_expert_sees_the_calls_ranked_for_their_own_profile(client, make, login, calls):
    children, trafficking = calls
    ana, _ = expert_user(make, "Ana", themes={"children": "senior"}, languages={"ru": "C1"})
    ben, _ = expert_user(make, "Ben", themes={"trafficking": "senior"}, languages={"ru": "C1"})

    login(ana)
    page = client.get("/opportunities/").text
    order = ranked(page)
    assert [i for i, _ in order] == [children.id, trafficking.id]
    assert order[0][1] > order[1][1]
    # The reasons are Find experts' own, in words.
    assert "Themes" in page and "Languages" in page and "match-reasons" in page

    login(ben)
    assert [i for i, _ in ranked(client.get("/opportunities/").text)] == [
        trafficking.id,
        children.id,
    ]


def test_a_call_asking_for_a_language_the_expert_lacks_is_not_theirs(
    client, db, make, login, calls
):
    children, _ = calls
    french = oh.call(db, make, title="Trainer in French", languages={"fr": "B2"})
    user, _ = expert_user(make, "Ana", themes={"children": "senior"}, languages={"ru": "C1"})
    login(user)
    page = client.get("/opportunities/").text
    assert french.id not in [i for i, _ in ranked(page)]
    assert children.id in [i for i, _ in ranked(page)]
    assert client.get(f"/opportunities/{french.id}").status_code == 404
    assert client.post(f"/opportunities/{french.id}/interest", data={}).status_code == 404
    assert client.get(f"/opportunities/{children.id}").status_code == 200

    # French at a level below the one asked for is not enough either; at B2 it is.
    low, _ = expert_user(make, "Lea", languages={"fr": "B1"})
    login(low)
    assert client.get(f"/opportunities/{french.id}").status_code == 404
    fluent, _ = expert_user(make, "Luc", languages={"fr": "B2"})
    login(fluent)
    assert french.id in [i for i, _ in ranked(client.get("/opportunities/").text)]


def test_a_profile_not_yet_approved_is_told_why_it_sees_no_call(client, make, login, calls):
    user = make.user(email="applicant@example.org")
    make.expert(user=user, status="applied", languages={"ru": "C1"})
    login(user)
    page = client.get("/opportunities/").text
    assert ranked(page) == [] and "once your profile is approved" in page
    assert client.get(f"/opportunities/{calls[0].id}").status_code == 404


def test_a_closed_or_past_call_leaves_the_list(client, db, make, login, calls):
    children, trafficking = calls
    trafficking.deadline = oh.ahead(-1)
    db.session.commit()
    user, _ = expert_user(make, "Ana", languages={"ru": "C1"})
    login(user)
    assert [i for i, _ in ranked(client.get("/opportunities/").text)] == [children.id]
    assert client.get(f"/opportunities/{trafficking.id}").status_code == 404


def test_the_expert_sets_the_digests_threshold(client, db, make, login):
    user, expert = expert_user(make, "Ana")
    login(user)
    assert 'value="50"' in client.get("/opportunities/").text  # the default
    for bad in ("0", "101", "fifty", ""):
        response = client.post("/opportunities/threshold", data={"threshold": bad})
        assert response.status_code == 400 and 'id="threshold-error"' in response.text, bad
    assert db.session.get(OpportunityPreference, expert.id) is None
    response = client.post("/opportunities/threshold", data={"threshold": "70"})
    assert response.status_code == 302
    assert db.session.get(OpportunityPreference, expert.id).digest_threshold == 70
    assert 'value="70"' in client.get("/opportunities/").text
