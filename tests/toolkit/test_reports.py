"""Staff figures match what learners did; CSV export; signals for profiles and the matcher."""

import csv
import io
from datetime import timedelta

import sqlalchemy as sa

from roster.core.time import utcnow
from roster.toolkit.progress_models import Progress
from roster.toolkit.services import completed_modules_by_expert, completed_modules_for
from tests.toolkit.conftest import answers, version


def complete(client, module, lang="en"):
    for pos in (1, 2, 3):
        client.post(f"/toolkit/{module.slug}/{lang}/{pos}/read")
    client.post(f"/toolkit/{module.slug}/{lang}/check", data=answers(version(module, lang)))


def scenario(client, db, login, make, make_module):
    """Three learners on one module: completed (in French), in progress, stalled."""
    module = make_module()
    other = make_module(slug="webinars")
    done = login(make.user(email="done@example.org"))
    expert = make.expert(user=done, first_name="Ana", last_name="Lima")
    complete(client, module, "fr")
    complete(client, other, "en")
    login(make.user(email="going@example.org"))
    client.post(f"/toolkit/{module.slug}/en/1/read")
    stalled = login(make.user(email="stalled@example.org"))
    client.post(f"/toolkit/{module.slug}/en/1/read")
    progress = db.session.scalar(sa.select(Progress).filter_by(user_id=stalled.id))
    progress.last_activity_at = utcnow() - timedelta(days=45)
    db.session.commit()
    return module, other, expert


def test_completion_by_module_matches_what_was_done(client, db, login, make, make_module):
    module, _other, _ = scenario(client, db, login, make, make_module)
    login(make.staff())
    page = client.get("/toolkit/reports/").get_data(as_text=True)
    row = page.split(f"/toolkit/reports/modules/{module.id}")[1].split("</tr>")[0]
    cells = [c.split("<")[0].strip() for c in row.split('<td class="text-end">')[1:]]
    assert cells == ["3", "1", "1", "1", "33%"]  # started, completed, in progress, stalled, rate
    totals = page.split("<tfoot>")[1].split("</tfoot>")[0]
    assert [c.split("<")[0].strip() for c in totals.split('<td class="text-end">')[1:]] == [
        "4",
        "2",
        "1",
        "1",
        "50%",
    ]
    assert "js/toolkit-chart.js" in page and 'data-toolkit-chart="completion-table"' in page
    detail = client.get(f"/toolkit/reports/modules/{module.id}").get_data(as_text=True)
    assert "Ana Lima" in detail and "going@example.org" in detail
    assert detail.count(">Stalled</span>") == 1 and detail.count(">Completed</span>") == 1


def test_completion_by_expert(client, db, login, make, make_module):
    scenario(client, db, login, make, make_module)
    login(make.staff())
    page = client.get("/toolkit/reports/people").get_data(as_text=True)
    ana = page.split("Ana Lima")[1].split("</tr>")[0]
    assert [c.split("<")[0].strip() for c in ana.split('<td class="text-end">')[1:]][:2] == [
        "2",
        "2",
    ]
    assert "stalled@example.org" in page


def test_csv_export(client, db, login, make, make_module):
    module, _, _ = scenario(client, db, login, make, make_module)
    login(make.staff())
    response = client.get("/toolkit/reports/export.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    mine = {(r["email"], r["module"]): r for r in rows}
    assert len(rows) == 4
    done = mine[("done@example.org", module.slug)]
    assert (done["status"], done["completed_language"], done["best_score"]) == (
        "completed",
        "fr",
        "100",
    )
    assert done["name"] == "Ana Lima" and done["sections_read"] == "3"
    assert mine[("stalled@example.org", module.slug)]["status"] == "stalled"
    assert mine[("going@example.org", module.slug)]["status"] == "in_progress"


def test_csv_cells_cannot_become_formulas(client, db, login, make, make_module):
    module = make_module()
    user = login(make.user())
    make.expert(user=user, first_name="=HYPERLINK(1)", last_name="x")
    client.post(f"/toolkit/{module.slug}/en/1/read")
    login(make.staff())
    text = client.get("/toolkit/reports/export.csv").get_data(as_text=True)
    assert "'=HYPERLINK(1) x" in text


def test_signals_for_profiles_and_matcher(client, db, login, make, make_module):
    module, other, expert = scenario(client, db, login, make, make_module)
    assert completed_modules_by_expert() == {expert.id: {module.slug, other.slug}}
    completed = completed_modules_for(expert.user_id)
    assert {m.slug for m, _cert in completed} == {module.slug, other.slug}


def test_completed_partial_renders_for_a_profile(app, db, make, make_module, client, login):
    from flask import render_template

    _module, _, expert = scenario(client, db, login, make, make_module)
    with app.test_request_context():
        html = render_template(
            "toolkit/_completed.html", completed=completed_modules_for(expert.user_id)
        )
    assert "Toolkit modules completed" in html and "Animation en ligne" in html
