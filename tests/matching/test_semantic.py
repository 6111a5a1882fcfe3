"""The optional multilingual backend: runs only where the `semantic` extra is installed."""

import hashlib
import os

import numpy as np
import pytest

from matching import (
    Evidence,
    Matcher,
    Request,
    encode_texts,
    semantic_available,
    text_key,
    text_models,
)
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who can count how many people moved abroad?", "data"),
        ("Spotting people forced into exploitation by criminal networks", "trafficking"),
    ],
)
def test_an_english_request_in_other_words_finds_the_profile_by_meaning(matcher, text, expected):
    assert fit(PROFILES).rank(Request(text=text), k=1)[0].score == 0  # no word in common
    top = matcher.rank(Request(text=text), k=1)[0]
    assert top.expert_id == expected
    reason = top.reason("text")
    assert Evidence("meaning", "english") in reason.matched  # the English model judged it
    assert Evidence("words") not in reason.matched


def test_a_cross_lingual_pair_is_judged_by_the_multilingual_model(matcher):
    top = matcher.rank(Request(text="Entretiens pour la détermination du statut de réfugié"), k=1)
    assert Evidence("meaning", "multilingual") in top[0].reason("text").matched


def test_texts_encoded_later_rank_on_words_until_their_vectors_arrive(matcher):
    later = Matcher(semantic=True, encode="later").fit(PROFILES)
    request = Request(text="Who can count how many people moved abroad?")
    assert sorted(later.pending_texts()) == sorted(t for e in PROFILES for t in e.texts)
    waiting = later.rank(request, k=1)[0]
    assert waiting.score == 0
    assert Evidence("meaning") in waiting.reason("text").missing  # not read yet: said so
    pending = later.pending_texts()
    vectors = dict(zip(map(text_key, pending), encode_texts(pending), strict=True))
    assert later.add_vectors(vectors) == len(pending)
    assert later.pending_texts() == []
    now, then = later.rank(request, k=None), matcher.rank(request, k=None)
    assert [m.expert_id for m in now] == [m.expert_id for m in then]
    assert [m.score for m in now] == pytest.approx([m.score for m in then], abs=1e-6)


def test_a_long_text_is_read_in_passages_and_judged_by_its_closest(matcher):
    filler = " ".join(f"Chaired meeting number {i} of the steering committee." for i in range(60))
    long_cv = filler + " Produced migration statistics from the census and household surveys."
    m = Matcher(semantic=True).fit([expert("long", texts=[long_cv]), *PROFILES[:2]])
    from matching import _minilm

    assert len(_minilm.MiniLM().pieces([long_cv])[0]) > 2  # several passages
    top = m.rank(Request(text="Who can count how many people moved abroad?"), k=1)[0]
    assert top.expert_id == "long"


def test_vectors_are_keyed_by_the_texts_hash_and_the_models_version():
    assert text_key("abc") == hashlib.sha256(b"abc").hexdigest()
    (vectors,) = encode_texts(["Trained police officers on trafficking."])
    assert set(vectors) == set(text_models())
    for array in vectors.values():
        assert array.ndim == 2
        assert np.allclose(np.linalg.norm(array, axis=1), 1.0, atol=1e-3)
