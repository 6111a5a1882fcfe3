"""Several processes over one database (gunicorn workers): each app keeps its own index, and
a change made through one is in the other's next ranking, without a restart."""

import time

import pytest
import sqlalchemy as sa
from flask import g

from roster import create_app
from roster.actions import ranking
from roster.auth.models import User
from roster.auth.user_sessions import open_session
from roster.experts.models import Status
from roster.extensions import db
from tests.builders import Builders

pytestmark = pytest.mark.slow

SPANISH = ranking.Query(themes=["trafficking"], languages={"es": "B2"})


@pytest.fixture
def workers(database_url, _pg_schema, tmp_path):
    """Two apps over the same database (a file on SQLite), each with its own instance folder."""
    url = database_url or f"sqlite:///{tmp_path / 'shared.db'}"
    apps = [
        create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "INSTANCE_DIR": tmp_path / name,
                "UPLOAD_DIR": tmp_path / name / "uploads",
                "OUTBOX_DIR": tmp_path / name / "outbox",
            }
        )
        for name in ("one", "two")
    ]
    if database_url is None:
        with apps[0].app_context():
            db.create_all()
    yield apps
    for app in apps:
        with app.app_context():
            db.session.remove()
            if database_url is not None and app is apps[0]:
                tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
                with db.engine.begin() as conn:
                    conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            db.engine.dispose()


def ranked_in(app) -> list[int]:
    with app.app_context():
        return [int(m.expert_id) for m in ranking.rank(SPANISH, 20).matches]


def signed_in_client(app, user_id: int):
    client = app.test_client()
    cookie_id = open_session(db.session.get(User, user_id))  # a server-side session row
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = cookie_id
        session["_fresh"] = True
        session["_tfa"] = True  # signed in with the second factor, as staff must be
        session["_auth_at"] = session["_seen_at"] = time.time()
    return client


def test_an_edit_through_one_worker_is_seen_by_the_others_next_ranking(workers):
    one, two = workers
    with one.app_context():
        make = Builders(db)
        user = make.user()
        staff = make.staff()
        expert = make.expert(user=user, themes={"trafficking": "senior"}, languages={"es": "B1"})
        applicant = make.expert(
            status=Status.APPLIED, themes={"trafficking": "working"}, languages={"es": "C1"}
        )
        ids = (user.id, staff.id, expert.id, expert.version, applicant.id)
    user_id, staff_id, expert_id, version, applicant_id = ids
    assert ranked_in(two) == []  # the second worker builds its index now

    with one.app_context():
        response = signed_in_client(one, user_id).post(
            f"/experts/{expert_id}/edit/languages",
            data={"version": str(version), "languages-0-code": "es", "languages-0-level": "C1"},
        )
        assert response.status_code == 302
        g.pop("_login_user", None)
    assert ranked_in(two) == [expert_id]

    with one.app_context():
        response = signed_in_client(one, staff_id).post(
            f"/experts/{applicant_id}/vet", data={"decision": "approve"}
        )
        assert response.status_code == 302
    assert sorted(ranked_in(two)) == sorted([expert_id, applicant_id])
    with two.app_context():
        assert ranking.roster_index().stats["builds"] == 1  # caught up, never rebuilt
