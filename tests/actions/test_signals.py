"""matcher_signals: evaluation, workload and training per approved expert, on hand-made data."""

from datetime import date

import pytest

from roster.actions.models import Evaluation
from roster.actions.ranking.signals import DEFAULT_DAYS_PER_YEAR, matcher_signals
from roster.actions.states import AssignmentState
from roster.experts.models import Status
from roster.toolkit.models import Module, ModuleStatus
from roster.toolkit.progress_models import Progress
from tests.actions import helpers as h

S = AssignmentState
TODAY = date(2022, 1, 15)


def test_signals_on_hand_made_data(db, make):
    action = h.action(db, make, start_on=date(2021, 3, 1), end_on=date(2021, 3, 5))
    busy_user = make.user()
    busy = make.expert(user=busy_user, days_per_year=20)
    idle = make.expert()
    make.expert(status=Status.APPLIED)  # not approved: no signals
    done = h.assignment(db, busy, action, state=S.COMPLETED, days=6)
    done.evaluation = Evaluation(rating=5)
    recent = h.assignment(
        db, busy, action, state=S.ACCEPTED, start_on=date(2021, 11, 2), end_on=date(2021, 11, 5)
    )
    recent.evaluation = None
    old = h.assignment(
        db,
        busy,
        action,
        state=S.COMPLETED,
        days=30,
        start_on=date(2020, 1, 2),
        end_on=date(2020, 1, 30),
    )
    old.evaluation = Evaluation(rating=2)
    h.assignment(db, busy, action, state=S.DECLINED, days=10)  # declined: no workload
    modules = [
        Module(slug=f"m{n}", status=ModuleStatus.PUBLISHED if n < 4 else ModuleStatus.DRAFT)
        for n in range(5)
    ]
    db.session.add_all(modules)
    db.session.flush()
    db.session.add(
        Progress(
            user_id=busy_user.id,
            module_id=modules[0].id,
            language="fr",
            completed_at=date(2021, 6, 1),
        )
    )
    db.session.commit()

    signals = matcher_signals(today=TODAY)

    assert set(signals) == {busy.id, idle.id}
    b = signals[busy.id]
    assert b["evaluations"] == 2
    assert b["evaluation"] == pytest.approx(((5 + 2) / 2 - 1) / 4)
    # 6 days completed in March 2021 + 4 days accepted in November; the 2020 one is too old.
    assert b["workload_days"] == 10
    assert b["workload"] == pytest.approx(10 / 20)
    assert (b["modules_completed"], b["training"]) == (1, pytest.approx(1 / 4))
    i = signals[idle.id]
    assert (i["evaluation"], i["workload"], i["training"], i["modules_completed"]) == (
        None,
        0.0,
        0.0,
        0,
    )


def test_workload_is_capped_and_uses_the_default_capacity(db, make):
    action = h.action(db, make, start_on=date(2021, 6, 1), end_on=date(2021, 6, 1))
    expert = make.expert()
    h.assignment(db, expert, action, state=S.COMPLETED, days=DEFAULT_DAYS_PER_YEAR * 2)
    signals = matcher_signals(today=TODAY)
    assert signals[expert.id]["workload"] == 1.0
    assert signals[expert.id]["training"] is None  # no published module at all
