"""The modules shipped with the app: complete, bilingual, loadable and takeable."""

import pytest
import sqlalchemy as sa
from markupsafe import escape

from roster.toolkit.content import load_toolkit_content, module_folders
from roster.toolkit.models import Module, ModuleStatus
from roster.toolkit.textformat import parse_quiz, parse_version
from tests.toolkit.conftest import answers, version

SLUGS = {
    "online-facilitation",
    "interactive-webinar",
    "needs-assessment",
    "peer-exchange",
    "activity-reporting",
}


@pytest.mark.parametrize("folder", module_folders(), ids=lambda f: f.name)
def test_each_module_is_complete_in_english_and_french(folder):
    shapes = {}
    for lang in ("en", "fr"):
        text = parse_version((folder / f"{lang}.md").read_text(encoding="utf-8"))
        quiz = parse_quiz((folder / f"{lang}.quiz.md").read_text(encoding="utf-8"))
        assert text.title and len(text.summary) > 40
        assert 4 <= len(text.sections) <= 6
        assert all(len(s.body) > 300 for s in text.sections)
        assert 5 <= len(quiz) <= 8
        assert all(c.feedback for q in quiz for c in q.choices)
        shapes[lang] = (len(text.sections), len(quiz))
    assert shapes["en"] == shapes["fr"]
    for extra in folder.glob("*.quiz.md"):  # other languages (es) must match too
        lang = extra.name.split(".")[0]
        text = parse_version((folder / f"{lang}.md").read_text(encoding="utf-8"))
        assert (len(text.sections), len(parse_quiz(extra.read_text(encoding="utf-8")))) == (
            shapes["en"]
        )


def test_the_five_modules_are_shipped():
    assert {f.name for f in module_folders()} == SLUGS


def test_loading_is_idempotent_and_keeps_edits(db):
    assert load_toolkit_content(db.session) == 5
    db.session.commit()
    module = db.session.scalar(sa.select(Module).filter_by(slug="needs-assessment"))
    module.estimated_minutes = 99
    db.session.commit()
    assert load_toolkit_content(db.session) == 0
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Module.id))) == 5
    assert module.estimated_minutes == 99
    webinar = db.session.scalar(sa.select(Module).filter_by(slug="interactive-webinar"))
    assert [m.slug for m in webinar.prerequisites] == ["online-facilitation"]
    assert all(m.status == ModuleStatus.PUBLISHED for m in db.session.scalars(sa.select(Module)))


def test_seed_command(runner, db):
    result = runner.invoke(args=["seed-toolkit"])
    assert result.exit_code == 0, result.output
    assert "5 module(s) added." in result.output
    again = runner.invoke(args=["seed-toolkit"])
    assert "0 module(s) added." in again.output


def test_a_shipped_module_can_be_completed_in_french(client, db, login, make):
    load_toolkit_content(db.session)
    db.session.commit()
    module = db.session.scalar(sa.select(Module).filter_by(slug="online-facilitation"))
    login(make.user())
    fr = version(module, "fr")
    for section in fr.sections:
        page = client.get(f"/toolkit/online-facilitation/fr/{section.position}")
        assert str(escape(section.title)) in page.get_data(as_text=True)
        client.post(f"/toolkit/online-facilitation/fr/{section.position}/read")
    page = client.post("/toolkit/online-facilitation/fr/check", data=answers(fr)).get_data(
        as_text=True
    )
    assert "Passed: 100%" in page and "See my certificate" in page


@pytest.mark.parametrize("folder", module_folders(), ids=lambda f: f.name)
def test_no_shipped_feedback_repeats_the_verdict_the_page_gives(folder):
    # The check page says "Right." / "Exact." / "Correcto." itself before the feedback.
    for quiz_file in folder.glob("*.quiz.md"):
        for q in parse_quiz(quiz_file.read_text(encoding="utf-8")):
            for c in q.choices:
                first = c.feedback.split()[0].rstrip(":.").lower()
                assert first not in {"right", "exact", "correct", "correcto"}, (
                    quiz_file.name,
                    c.feedback,
                )
