"""The rule book: every transition of requests, Actions and assignments, and who may make it."""

import itertools
from types import SimpleNamespace

import pytest

from roster.actions.states import ActionStatus, AssignmentState, RequestStatus
from roster.actions.workflow import (
    ACTION_TRANSITIONS,
    ASSIGNMENT_TRANSITIONS,
    REQUEST_TRANSITIONS,
    may,
)
from roster.auth.models import Role
from tests.actions import helpers as h

R, A, S = RequestStatus, ActionStatus, AssignmentState
ACTORS = ("owner", "other_expert", "staff", "admin")

# (table, from, to): the actors allowed. Every pair not listed is refused to everyone.
EXPECTED = {
    "request": {
        (R.RECEIVED, R.UNDER_ASSESSMENT): {"staff", "admin"},
        (R.RECEIVED, R.ACCEPTED): {"staff", "admin"},
        (R.RECEIVED, R.DECLINED): {"staff", "admin"},
        (R.UNDER_ASSESSMENT, R.ACCEPTED): {"staff", "admin"},
        (R.UNDER_ASSESSMENT, R.DECLINED): {"staff", "admin"},
        (R.DECLINED, R.UNDER_ASSESSMENT): {"staff", "admin"},
    },
    "action": {
        (A.PLANNED, A.NEEDS_ASSESSMENT): {"staff", "admin"},
        (A.PLANNED, A.IMPLEMENTATION): {"staff", "admin"},
        (A.NEEDS_ASSESSMENT, A.PLANNED): {"staff", "admin"},
        (A.NEEDS_ASSESSMENT, A.IMPLEMENTATION): {"staff", "admin"},
        (A.IMPLEMENTATION, A.NEEDS_ASSESSMENT): {"staff", "admin"},
        (A.IMPLEMENTATION, A.CONCLUDED): {"staff", "admin"},
        (A.CONCLUDED, A.IMPLEMENTATION): {"admin"},
    },
    "assignment": {
        (S.PROPOSED, S.INVITED): {"staff", "admin"},
        (S.DECLINED, S.INVITED): {"staff", "admin"},
        (S.INVITED, S.ACCEPTED): {"owner"},
        (S.INVITED, S.DECLINED): {"owner"},
        (S.ACCEPTED, S.DECLINED): {"owner"},
        (S.ACCEPTED, S.COMPLETED): {"staff", "admin"},
    },
}
TABLES = {
    "request": (REQUEST_TRANSITIONS, RequestStatus),
    "action": (ACTION_TRANSITIONS, ActionStatus),
    "assignment": (ASSIGNMENT_TRANSITIONS, AssignmentState),
}
CASES = [
    (name, source, target, actor)
    for name, (_table, states) in TABLES.items()
    for source, target in itertools.permutations(states, 2)
    for actor in ACTORS
]


def _user(id_: int, role: Role) -> SimpleNamespace:
    return SimpleNamespace(id=id_, role=role, is_authenticated=True)


# The rules only read a user's id, role and sign-in state: plain objects keep the 168 cases fast.
PEOPLE = {
    "owner": _user(1, Role.EXPERT),
    "other_expert": _user(2, Role.EXPERT),
    "staff": _user(3, Role.STAFF),
    "admin": _user(4, Role.ADMIN),
    "expert": SimpleNamespace(user_id=1),
}


@pytest.mark.parametrize(("name", "source", "target", "actor"), CASES)
def test_rule_book(name, source, target, actor):
    table, _states = TABLES[name]
    allowed = actor in EXPECTED[name].get((source, target), set())
    assert may(table, source, target, PEOPLE[actor], PEOPLE["expert"]) is allowed


def test_tables_hold_nothing_more_than_expected():
    for name, (table, _states) in TABLES.items():
        assert set(table) == set(EXPECTED[name])


# The same rules through the pages ---------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "code"), [(Role.EXPERT, 403), (Role.STAFF, 302), (Role.ADMIN, 302)]
)
def test_who_may_assess_a_request(client, db, make, login, role, code):
    req = h.request(db, make)
    login(make.user(role=role))
    response = client.post(f"/actions/requests/{req.id}/assess")
    assert response.status_code == code
    db.session.refresh(req)
    expected = R.UNDER_ASSESSMENT if code == 302 else R.RECEIVED
    assert req.status == expected


def test_signed_out_visitor_cannot_triage(client, db, make):
    req = h.request(db, make)
    before = req.status
    refused = client.post(f"/actions/requests/{req.id}/assess")
    assert refused.status_code == 302 and refused.headers["Location"].startswith("/auth/login")
    db.session.refresh(req)
    assert req.status == before  # nothing changed
    page = client.get("/actions/requests")
    assert page.headers["Location"] == "/auth/login?next=/actions/requests"


@pytest.mark.parametrize(
    ("start", "target", "role", "code", "end"),
    [
        (A.PLANNED, A.NEEDS_ASSESSMENT, Role.STAFF, 302, A.NEEDS_ASSESSMENT),
        (A.NEEDS_ASSESSMENT, A.IMPLEMENTATION, Role.STAFF, 302, A.IMPLEMENTATION),
        (A.IMPLEMENTATION, A.CONCLUDED, Role.STAFF, 302, A.CONCLUDED),
        (A.PLANNED, A.CONCLUDED, Role.STAFF, 409, A.PLANNED),
        (A.CONCLUDED, A.IMPLEMENTATION, Role.STAFF, 409, A.CONCLUDED),
        (A.CONCLUDED, A.IMPLEMENTATION, Role.ADMIN, 302, A.IMPLEMENTATION),
        (A.PLANNED, A.NEEDS_ASSESSMENT, Role.EXPERT, 403, A.PLANNED),
    ],
)
def test_action_status_changes_through_the_page(
    client, db, make, login, start, target, role, code, end
):
    action = h.action(db, make, status=start)
    login(make.user(role=role))
    response = client.post(
        f"/actions/{action.id}/status",
        data={"status-status": target.value, "status-note": "Assessment report approved"},
    )
    assert response.status_code == code
    db.session.refresh(action)
    assert action.status == end
    if code == 302:
        last = max(action.history, key=lambda c: c.id)
        assert (last.from_status, last.to_status) == (start, target)
        assert last.note == "Assessment report approved"
        assert (action.concluded_on is not None) == (target == A.CONCLUDED)
    if code == 409:
        assert "cannot go from" in response.get_data(as_text=True) or "not allowed" in (
            response.get_data(as_text=True)
        )
        assert len(action.history) == 1


def test_status_date_in_the_future_is_refused_and_kept(client, db, make, login):
    action = h.action(db, make, status=A.IMPLEMENTATION)
    login(make.staff())
    response = client.post(
        f"/actions/{action.id}/status",
        data={"status-status": "concluded", "status-on": "2999-01-01", "status-note": "kept"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "cannot be in the future" in page
    assert 'value="2999-01-01"' in page and "kept" in page
    db.session.refresh(action)
    assert action.status == A.IMPLEMENTATION


def test_status_change_on_a_given_date(client, db, make, login):
    action = h.action(db, make, status=A.IMPLEMENTATION)
    login(make.staff())
    client.post(
        f"/actions/{action.id}/status",
        data={"status-status": "concluded", "status-on": "2021-06-30"},
    )
    db.session.refresh(action)
    assert action.concluded_on.isoformat() == "2021-06-30"
    change = next(c for c in action.history if c.to_status == A.CONCLUDED)
    assert change.at.date().isoformat() == "2021-06-30"
