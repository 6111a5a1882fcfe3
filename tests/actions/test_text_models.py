"""The text models in the app: vectors stored per text, encoded once (build-index resumes after
an interruption, a restart reads them back), a new profile ranked on words until the background
thread has read it, and reasons that say which model judged the text."""

import os

import pytest
import sqlalchemy as sa
from flask import current_app

import matching
from roster.actions import ranking
from roster.actions.models import TextEmbedding
from roster.actions.ranking import embeddings, encoding
from roster.actions.ranking import reasons as rs
from roster.extensions import db

pytestmark = [
    pytest.mark.semantic,
    pytest.mark.skipif(
        not matching.semantic_available() and os.environ.get("CI", "").lower() != "true",
        reason="semantic extra not installed: pip install -e '.[semantic]'",
    ),
]

BIOS = [
    "Conducted refugee status determination interviews for asylum seekers.",
    "Trained police officers to identify victims of human trafficking.",
    "Produced migration statistics from the census and household surveys.",
    "Improved migrants' access to primary health care and insurance.",
]
QUERY = ranking.Query(text="Interviews of people seeking international protection")


@pytest.fixture
def models_on(app):
    """The app with the text models on; encoding only where a test asks for it."""
    app.config.update(MATCH_SEMANTIC=True, MATCH_ENCODE_BACKGROUND=False)
    app.extensions.pop("roster_index", None)
    yield app
    index = app.extensions.pop("roster_index", None)
    if index is not None and index.background is not None:
        index.background.join(60)


@pytest.fixture
def experts(models_on, make):
    return [make.expert(biography=bio, cv_text="") for bio in BIOS]


def stored() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(TextEmbedding))


def said(reason) -> str:
    """The reason's sentences about the text model, in English."""
    with current_app.test_request_context():
        return " ".join(rs.judged_by(reason))


def text_reason(match):
    return next(r for r in match.reasons if r.criterion == "text")


def test_a_new_index_ranks_on_words_until_its_texts_are_encoded(experts):
    result = ranking.rank(QUERY, 4)
    assert ranking.text_models_state()["pending"] == len(BIOS)
    reason = text_reason(result.matches[0])
    assert any(e.key == "meaning" for e in reason.missing)  # not read by the models yet
    assert "Judged on words in common only" in said(reason)

    count, _path = ranking.build_index()
    assert count == len(BIOS)
    assert ranking.text_models_state()["pending"] == 0
    # One row per text and model: the English model reads these English texts too.
    assert stored() == len(BIOS) * len(matching.text_models())
    top = ranking.rank(QUERY, 4).matches[0]
    assert top.expert_id == str(experts[0].id)
    assert any(e.key == "meaning" for e in text_reason(top).matched)
    assert "Close in meaning" in said(text_reason(top))


def test_build_index_resumes_after_an_interruption(experts, monkeypatch):
    monkeypatch.setattr(encoding, "BATCH", 1)
    seen = []

    def interrupted(done, total, seconds):
        seen.append((done, total))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ranking.build_index(encoded=interrupted)
    assert seen == [(1, len(BIOS))]
    assert stored() == len(matching.text_models())  # the first text, stored as it was done

    resumed = []
    ranking.build_index(encoded=lambda done, total, s: resumed.append((done, total)))
    assert resumed[-1] == (len(BIOS) - 1, len(BIOS) - 1)  # only the texts not stored yet
    assert stored() == len(BIOS) * len(matching.text_models())


def test_a_restart_or_a_new_worker_reads_the_vectors_instead_of_encoding(models_on, experts):
    ranking.build_index()
    before = stored()
    # A restart: a new index in this process loads the saved one, vectors included.
    models_on.extensions.pop("roster_index", None)
    index = ranking.roster_index()
    assert index.warm()
    assert index.matcher.pending_texts() == []
    # A worker without the saved file builds anew and reads every vector from the store.
    for path in index.paths():
        path.unlink()
    models_on.extensions.pop("roster_index", None)
    index = ranking.roster_index()
    with index.use():
        pass
    assert index.stats["builds"] == 1
    assert index.matcher.pending_texts() == []
    assert encoding.encode_step(index) == 0  # nothing left to encode
    assert stored() == before


def test_an_edited_profile_is_encoded_in_the_background(experts, models_on):
    ranking.build_index()
    models_on.config["MATCH_ENCODE_BACKGROUND"] = True
    models_on.extensions.pop("roster_index", None)
    experts[1].biography = "Assessed the reception conditions of asylum seekers at the border."
    db.session.commit()
    index = ranking.roster_index()
    ranking.rank(QUERY, 4)  # loads the saved index, applies the edit, starts the thread
    index.background.join(120)
    assert not index.background.running
    assert index.matcher.pending_texts() == []
    key = matching.text_key(experts[1].biography)
    assert set(embeddings.load([key], matching.text_models())[key]) == set(matching.text_models())


def test_a_request_in_a_language_no_profile_is_written_in_says_so(experts):
    ranking.build_index()
    russian = "Интервью с лицами, ищущими убежища"  # noqa: RUF001
    result = ranking.rank(ranking.Query(text=russian), 4)
    reason = text_reason(result.matches[0])
    assert [e.want for e in reason.missing if e.key == "language"] == ["ru"]
    assert "compared across languages" in said(reason)


def test_flask_build_index_shows_the_encoding_progress(models_on, experts):
    result = models_on.test_cli_runner().invoke(args=["build-index"])
    assert result.exit_code == 0, result.output
    assert f"Text models: {len(BIOS)}/{len(BIOS)} texts encoded" in result.output
    assert stored() == len(BIOS) * len(matching.text_models())
    again = models_on.test_cli_runner().invoke(args=["build-index"])
    assert "texts encoded" not in again.output  # every vector was stored: nothing to redo


def test_while_another_worker_encodes_this_one_reads_its_vectors(models_on, experts, tmp_path):
    import fcntl

    models_on.config.update(MATCH_ENCODE_BACKGROUND=True, MATCH_INDEX_DIR=str(tmp_path / "ix"))
    models_on.extensions.pop("roster_index", None)
    (tmp_path / "ix").mkdir()
    with (tmp_path / "ix" / "encoding.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # the other worker holds the encoding lock
        index = ranking.roster_index()
        ranking.rank(QUERY, 4)
        index.background.join(30)
        assert len(index.matcher.pending_texts()) == len(BIOS)  # this one did not encode
        # The other worker stores its vectors; the next look at the store attaches them.
        texts = index.matcher.pending_texts()
        keys = [matching.text_key(t) for t in texts]
        embeddings.save(dict(zip(keys, matching.encode_texts(texts), strict=True)))
        index.background.checked_at = 0.0
        ranking.rank(QUERY, 4)
        assert index.matcher.pending_texts() == []
        fcntl.flock(held, fcntl.LOCK_UN)
