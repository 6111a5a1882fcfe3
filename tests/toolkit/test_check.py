"""The knowledge check: scoring, pass mark, feedback on each answer, retries."""

import re

import sqlalchemy as sa

from roster.toolkit.progress_models import Attempt
from roster.toolkit.services import grade
from tests.toolkit.conftest import answers, version


def test_feedback_is_shown_for_each_answer(client, login, make, make_module):
    module = make_module(questions=2, pass_mark=100)
    login(make.user())
    en = version(module, "en")
    data = answers(en)
    wrong = next(c for c in en.questions[1].choices if not c.is_correct)
    data[f"q{en.questions[1].id}"] = str(wrong.id)
    page = client.post("/toolkit/online-facilitation/en/check", data=data).get_data(as_text=True)
    assert "Not passed yet: 50%" in page
    assert "en good 1" in page and "en bad 2" in page
    assert "en good 2" not in page  # feedback belongs to the answer given
    assert "Try again" in page


def test_unanswered_question_keeps_the_answers_given(client, db, login, make, make_module):
    module = make_module(questions=2)
    login(make.user())
    en = version(module, "en")
    first = en.questions[0]
    chosen = first.choices[1]
    response = client.post(
        "/toolkit/online-facilitation/en/check", data={f"q{first.id}": str(chosen.id)}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Choose an answer." in page
    checked = re.findall(r"<input[^>]*checked[^>]*>", page)
    assert len(checked) == 1 and f'value="{chosen.id}"' in checked[0]
    assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0


def test_a_choice_from_another_question_is_refused(client, db, login, make, make_module):
    module = make_module(questions=2)
    login(make.user())
    en = version(module, "en")
    data = answers(en)
    data[f"q{en.questions[0].id}"] = data[f"q{en.questions[1].id}"]
    page = client.post("/toolkit/online-facilitation/en/check", data=data).get_data(as_text=True)
    assert "Passed" not in page
    assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0


def test_retries_are_kept_and_the_best_score_shown(client, db, login, make, make_module):
    module = make_module()
    login(make.user())
    en = version(module, "en")
    client.post("/toolkit/online-facilitation/en/check", data=answers(en, right=False))
    client.post("/toolkit/online-facilitation/en/check", data=answers(en))
    attempts = db.session.scalars(sa.select(Attempt).order_by(Attempt.id)).all()
    assert [(a.score, a.passed) for a in attempts] == [(0, False), (100, True)]
    page = client.get("/toolkit/online-facilitation/?lang=en").get_data(as_text=True)
    assert "best score 100%" in page


def test_pass_mark_boundary(make_module):
    module = make_module(questions=4, pass_mark=75)
    en = version(module, "en")
    right = {q.id: next(c.id for c in q.choices if c.is_correct) for q in en.questions}
    wrong = {q.id: next(c.id for c in q.choices if not c.is_correct) for q in en.questions}
    three = {**right, en.questions[0].id: wrong[en.questions[0].id]}
    two = {**three, en.questions[1].id: wrong[en.questions[1].id]}
    assert (grade(en, three, 75).score, grade(en, three, 75).passed) == (75, True)
    assert (grade(en, two, 75).score, grade(en, two, 75).passed) == (50, False)
    assert grade(en, {}, 75).correct == 0


def test_a_version_without_questions_has_no_check(client, login, make, make_module):
    make_module(questions=0)
    login(make.user())
    assert client.get("/toolkit/online-facilitation/en/check").status_code == 404


def test_the_verdict_is_said_once_even_when_the_feedback_starts_with_one(
    client, db, login, make, make_module
):
    # Text written before the rule (or typed by an author) may still start with its own verdict.
    module = make_module(questions=1)
    en = version(module, "en")
    right = next(c for c in en.questions[0].choices if c.is_correct)
    right.feedback = "Right: a producer admits people."
    db.session.commit()
    login(make.user())
    page = client.post("/toolkit/online-facilitation/en/check", data=answers(en)).get_data(
        as_text=True
    )
    assert "A producer admits people." in page
    assert "Right: a producer" not in page
    assert len(re.findall(r"\bRight\.", page)) == 1  # the page's own verdict
