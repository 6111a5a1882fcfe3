"""The optional multilingual backend: runs only where the `semantic` extra is installed."""

import os

import pytest

from matching import Request, semantic_available
from tests.matching.builders import expert, fit

pytestmark = [
    pytest.mark.semantic,
    # Skipped on a newcomer's machine without the extra; CI installs it, so there it must run.
    pytest.mark.skipif(
        not semantic_available() and os.environ.get("CI", "").lower() != "true",
        reason="semantic extra not installed: pip install -e '.[semantic]'",
    ),
]

PROFILES = [
    expert(
        "asylum", texts=["Conducted refugee status determination interviews for asylum seekers."]
    ),
    expert("trafficking", texts=["Trained police to identify victims of human trafficking."]),
    expert("data", texts=["Produced migration statistics from the census and household surveys."]),
    expert("health", texts=["Improved migrants' access to primary health care and insurance."]),
]


@pytest.fixture(scope="module")
def matcher():
    return fit(PROFILES, semantic=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entretiens pour la détermination du statut de réfugié", "asylum"),
        ("Identificación de víctimas de trata de personas", "trafficking"),
        ("Estatísticas de migração a partir do censo", "data"),
        ("Доступ мигрантов к медицинской помощи", "health"),
    ],
)
def test_cross_lingual_request_finds_the_english_profile(matcher, text, expected):
    top = matcher.rank(Request(text=text), k=1)[0]
    assert top.expert_id == expected
    assert top.reason("text").passages  # points at the closest text even without shared words


def test_semantic_scores_stay_absolute_and_survive_save_load(matcher, tmp_path):
    req = Request(text="asylum interviews")
    before = [(m.expert_id, m.score) for m in matcher.rank(req, k=None)]
    assert all(0 <= s <= 1 for _, s in before)
    matcher.save(tmp_path / "m.pkl")
    loaded = type(matcher).load(tmp_path / "m.pkl")
    assert [(m.expert_id, m.score) for m in loaded.rank(req, k=None)] == before
    loaded.update(expert("new", texts=["Conducted refugee status determination interviews."]))
    assert "new" in [m.expert_id for m in loaded.rank(req, k=None)]


def test_auto_uses_the_semantic_backend_when_installed():
    assert fit(PROFILES[:1], semantic="auto").semantic_ is not None
    assert fit(PROFILES[:1], semantic=False).semantic_ is None
