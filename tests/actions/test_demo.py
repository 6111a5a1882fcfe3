"""The demo seed reproduces the seed's 2021: 11 Actions implemented, 2 concluded, 30
activities, four awareness-session requests of which three became Actions."""

import random

import sqlalchemy as sa

from roster.actions.figures import (
    activities_in_year,
    became_action,
    concluded_in_year,
    implemented_in_year,
    requests_in_year,
)
from roster.actions.models import Action, Assignment, Request
from roster.actions.states import AssignmentState, RequestSource
from roster.demo.actions import seed_actions


def _count(db, stmt) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))


def _seed(db):
    added = seed_actions(db.session, random.Random("test"))
    db.session.commit()
    return added


def test_seed_reproduces_the_year_2021(db):
    _seed(db)
    implemented = db.session.scalars(implemented_in_year(2021)).all()
    assert len(implemented) == 11
    assert {a.code for a in implemented} >= {"KZ-2021-01", "MU-2021-01", "ZM-2021-01"}
    assert "BJ-2019-01" not in {a.code for a in implemented}  # concluded in 2020
    assert "UZ-2021-01" not in {a.code for a in implemented}  # accepted late, starts 2022
    assert [a.code for a in db.session.scalars(concluded_in_year(2021))] == [
        "CR-2020-01",
        "ZM-2021-01",
    ]
    assert _count(db, activities_in_year(2021)) == 30
    session = requests_in_year(2021, RequestSource.AWARENESS_SESSION)
    assert _count(db, session) == 4
    assert _count(db, became_action(session)) == 3
    central_asia = {r.country_code for r in db.session.scalars(session)}
    assert central_asia == {"KZ", "KG", "TJ", "UZ"}
    assert _count(db, became_action(requests_in_year(2021))) == 8


def test_seed_is_idempotent(db):
    assert _seed(db) > 0
    before = (
        db.session.scalar(sa.select(sa.func.count(Action.id))),
        db.session.scalar(sa.select(sa.func.count(Request.id))),
    )
    assert _seed(db) == 0
    after = (
        db.session.scalar(sa.select(sa.func.count(Action.id))),
        db.session.scalar(sa.select(sa.func.count(Request.id))),
    )
    assert before == after


def test_seed_staffs_actions_with_fitting_experts(db, make):
    demo_user = make.user(email="expert@example.org")
    demo = make.expert(
        user=demo_user, themes={"trafficking": "senior", "migrant-children": "senior"}
    )
    fitting = [
        make.expert(
            themes={"border-management": "senior", "migration-health": "working"},
            languages={"en": "C1", "fr": "B2"},
        )
        for _ in range(3)
    ]
    _seed(db)
    zm = db.session.scalar(sa.select(Action).where(Action.code == "ZM-2021-01"))
    assert zm.assignments and {a.expert_id for a in zm.assignments} <= {e.id for e in fitting}
    assert all(a.state == AssignmentState.COMPLETED and a.days for a in zm.assignments)
    mine = db.session.scalars(sa.select(Assignment).where(Assignment.expert_id == demo.id)).all()
    assert sorted(a.state.value for a in mine) == ["accepted", "completed", "invited"]
