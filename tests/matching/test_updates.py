"""update/remove are visible in the next rank without a refit; save/load round-trips."""

import pickle

import pytest

from matching import Matcher, Request
from tests.matching.builders import expert, fit


def test_update_adds_a_new_expert(roster):
    m = fit(roster)
    m.update(expert("new", texts=["Diaspora engagement and remittances."]))
    assert len(m) == 5 and "new" in m.ids_
    assert m.rank(Request(text="diaspora remittances"), k=1)[0].expert_id == "new"


def test_update_replaces_an_existing_expert(roster):
    m = fit(roster)
    m.update(expert("data", texts=["Environmental migration and climate displacement."]))
    assert len(m) == 4
    ranked = m.rank(Request(text="climate displacement"), k=None)
    assert ranked[0].expert_id == "data"
    assert [x.expert_id for x in ranked].count("data") == 1
    assert m.rank(Request(themes={"migration-data"}), k=1)[0].reason("themes").score == 0


def test_remove_hides_the_expert(roster):
    m = fit(roster)
    m.remove("asylum")
    assert "asylum" not in [x.expert_id for x in m.rank(Request(text="asylum"), k=None)]
    assert len(m) == 3
    with pytest.raises(KeyError):
        m.remove("asylum")
    with pytest.raises(KeyError):
        m.explain(Request(), "asylum")


def test_many_updates_trigger_compaction_and_stay_correct(roster):
    m = fit(roster, compact_ratio=0.0)
    for i in range(30):
        m.update(
            expert(f"n{i}", texts=[f"asylum reception case {i}"], themes={"asylum": "working"})
        )
    assert m.lexical_.delta_rows == 0
    ranked = m.rank(Request(text="asylum procedures refugee status"), k=None)
    assert ranked[0].expert_id == "asylum"
    assert len(ranked) == 34


def test_update_then_new_theme_and_language_are_indexed(roster):
    m = fit(roster)
    m.update(expert("kid", themes={"migrant-children": "senior"}, languages={"kk": "native"}))
    (match,) = m.rank(Request(themes={"migrant-children"}, languages={"kk": "C1"}))
    assert match.expert_id == "kid" and match.reason("themes").score == 1.0


def test_save_load_and_pickle_round_trip(roster, tmp_path):
    m = fit(roster)
    m.update(expert("new", texts=["asylum"]))
    path = tmp_path / "matcher.pkl"
    m.save(path)
    loaded = Matcher.load(path)
    req = Request(text="asylum border", themes={"asylum"})
    assert loaded.rank(req, k=None) == m.rank(req, k=None)
    assert pickle.loads(pickle.dumps(m)).ids_ == m.ids_  # noqa: S301 - our own bytes
