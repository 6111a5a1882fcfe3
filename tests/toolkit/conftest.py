"""Toolkit fixtures: a module with English and French versions, and a learner."""

import pytest

from roster.toolkit.models import (
    Choice,
    Module,
    ModuleStatus,
    ModuleTag,
    ModuleTranslation,
    Question,
    Section,
)

TEXTS = {
    "en": (
        "Online facilitation",
        "Opening",
        "Breakouts",
        "Closing",
        "Which tool?",
        "Right",
        "Wrong",
    ),
    "fr": (
        "Animation en ligne",
        "Ouverture",
        "Sous-groupes",
        "Clôture",
        "Quel outil ?",
        "Oui",
        "Non",
    ),
}


def build_module(
    db,
    slug="online-facilitation",
    languages=("en", "fr"),
    sections=3,
    questions=2,
    status=ModuleStatus.PUBLISHED,
    pass_mark=50,
    tags=("facilitation", "online-delivery"),
    bodies=None,
) -> Module:
    """A module with the same sections and check in each language."""
    module = Module(slug=slug, status=status, pass_mark=pass_mark, estimated_minutes=20)
    module.tags = [ModuleTag(tag=t) for t in tags]
    for lang in languages:
        title, *heads, qtext, right, wrong = TEXTS[lang]
        tr = ModuleTranslation(language=lang, title=f"{title} {slug}", summary=f"{lang} summary")
        for pos in range(1, sections + 1):
            body = (bodies or {}).get(pos, f"Body **{pos}** in {lang}.")
            tr.sections.append(
                Section(position=pos, title=heads[(pos - 1) % 3], body_markdown=body)
            )
        for qpos in range(1, questions + 1):
            q = Question(position=qpos, text=f"{qtext} {qpos}")
            q.choices = [
                Choice(position=1, text=right, is_correct=True, feedback=f"{lang} good {qpos}"),
                Choice(position=2, text=wrong, is_correct=False, feedback=f"{lang} bad {qpos}"),
            ]
            tr.questions.append(q)
        module.translations.append(tr)
    db.session.add(module)
    db.session.commit()
    return module


@pytest.fixture
def make_module(db):
    """Build a module: make_module(slug=..., languages=..., sections=..., ...)."""
    return lambda **kw: build_module(db, **kw)


def answers(version, right=True) -> dict:
    """Form data answering every question of a version, all right or all wrong."""
    data = {}
    for q in version.questions:
        choice = next(c for c in q.choices if c.is_correct == right)
        data[f"q{q.id}"] = str(choice.id)
    return data


def version(module, lang):
    return next(t for t in module.translations if t.language == lang)
