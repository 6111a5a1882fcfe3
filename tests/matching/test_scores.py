"""Scores: absolute, in [0, 1], neutral on unspecified criteria, weights and confidence."""

import pytest

from matching import SIGNAL_PRIOR, SIGNALS, Expert, Request
from tests.matching.builders import expert, fit


def score_of(matches, expert_id):
    return next(m.score for m in matches if m.expert_id == expert_id)


def test_structured_score_does_not_depend_on_the_rest_of_the_roster(roster):
    req = Request(themes={"asylum"}, languages={"en": "B2"}, country="CR")
    alone = fit(roster[:1]).rank(req)[0].score
    crowd = fit(roster + [expert(f"x{i}", themes={"asylum": "working"}) for i in range(20)])
    assert score_of(crowd.rank(req, k=None), "asylum") == pytest.approx(alone)


def test_text_score_stable_under_updates_of_others(roster):
    m = fit(roster)
    req = Request(text="asylum procedures for border officials")
    before = score_of(m.rank(req, k=None), "asylum")
    m.update(expert("new", texts=["asylum asylum asylum border"]))
    m.remove("data")
    assert score_of(m.rank(req, k=None), "asylum") == pytest.approx(before)


def test_unspecified_criteria_are_neutral(roster):
    m = fit(roster)
    plain = m.rank(Request(themes={"migration-data"}), k=None)
    richer = [
        e if e.id != "data" else Expert(**{**e.__dict__, "languages": {"ru": "native"}})
        for e in roster
    ]
    again = fit(richer).rank(Request(themes={"migration-data"}), k=None)
    assert score_of(again, "data") == pytest.approx(score_of(plain, "data"))
    assert {r.criterion for r in plain[0].reasons} == {
        "themes",
        "evaluation",
        "training",
        "workload",
    }


def test_perfect_fit_on_all_specified_criteria_scores_one():
    e = expert(
        "p",
        themes={"asylum": "senior"},
        languages={"es": "native"},
        countries={"CR"},
        signals={"evaluation": 1.0, "training": 1.0, "workload": 0.0},
    )
    (match,) = fit([e]).rank(Request(themes={"asylum"}, languages={"es": "C1"}, country="CR"))
    assert match.score == pytest.approx(1.0)
    assert match.confidence == pytest.approx(1.0)


def test_depth_and_level_order_the_scores():
    experts = [
        expert(d, themes={"asylum": d}, languages={"es": lvl})
        for d, lvl in [("working", "B2"), ("experienced", "C1"), ("senior", "C2")]
    ]
    ranked = fit(experts).rank(Request(themes={"asylum"}, languages={"es": "B2"}))
    assert [m.expert_id for m in ranked] == ["senior", "experienced", "working"]
    assert ranked[0].score > ranked[1].score > ranked[2].score


def test_geography_country_above_region_above_none(roster):
    m = fit(roster, weights={"text": 0, "evaluation": 0, "training": 0, "workload": 0})
    ranked = m.rank(Request(country="CR"), k=None)
    assert score_of(ranked, "asylum") == 1.0  # worked in CR
    assert score_of(ranked, "trafficking") == 1.0  # national of CR
    far = m.rank(Request(country="PA"), k=None)
    assert score_of(far, "trafficking") == 1.0
    assert score_of(far, "asylum") == 0.5  # CR is in the same region
    assert score_of(far, "data") == 0.0


def test_missing_profile_data_lowers_confidence_not_invents_agreement(roster):
    ranked = fit(roster).rank(Request(themes={"asylum"}, country="CR"), k=None)
    bare = next(m for m in ranked if m.expert_id == "bare")
    full = next(m for m in ranked if m.expert_id == "asylum")
    # no agreement invented: the request's criteria score 0; only the neutral
    # signal prior remains (a newcomer is not punished for having no evaluation yet)
    assert bare.reason("themes").score == 0.0 and bare.reason("geography").score == 0.0
    signal_weight = sum(r.weight for r in bare.reasons if r.criterion in SIGNALS)
    assert bare.score == pytest.approx(SIGNAL_PRIOR * signal_weight)
    assert bare.confidence == 0.0
    assert full.confidence == 1.0
    assert not bare.reason("themes").known


def test_missing_signal_is_neutral_between_good_and_poor():
    base = {"themes": {"asylum": "senior"}}
    experts = [
        expert("good", signals={"evaluation": 0.9}, **base),
        expert("new", **base),
        expert("poor", signals={"evaluation": 0.2}, **base),
    ]
    ranked = fit(experts).rank(Request(themes={"asylum"}), k=None)
    assert [m.expert_id for m in ranked] == ["good", "new", "poor"]
    new = ranked[1]
    assert new.reason("evaluation").score == SIGNAL_PRIOR and not new.reason("evaluation").known
    assert new.confidence < ranked[0].confidence


def test_signals_nobody_has_are_inactive():
    experts = [expert("a", themes={"asylum": "senior"}), expert("b", themes={"asylum": "working"})]
    (top, _) = fit(experts).rank(Request(themes={"asylum"}), k=None)
    assert {r.criterion for r in top.reasons} == {"themes"}
    assert top.score == pytest.approx(1.0) and top.confidence == pytest.approx(1.0)


def test_higher_workload_lowers_the_score():
    base = {"themes": {"asylum": "senior"}}
    experts = [
        expert("busy", signals={"workload": 0.9}, **base),
        expert("free", signals={"workload": 0.1}, **base),
    ]
    ranked = fit(experts).rank(Request(themes={"asylum"}), k=None)
    assert [m.expert_id for m in ranked] == ["free", "busy"]


def test_weights_per_call_and_validation(roster):
    m = fit(roster)
    req = Request(text="census data", themes={"asylum"})
    assert m.rank(req, k=1, weights={"themes": 0.6})[0].expert_id == "asylum"
    assert m.rank(req, k=1, weights={"themes": 0})[0].expert_id == "data"
    with pytest.raises(ValueError, match="unknown criterion"):
        m.rank(req, weights={"color": 1})


def test_text_compares_each_text_not_only_their_concatenation():
    hobbies = " ".join(f"gardening{i} cooking{i} sailing{i}" for i in range(30))
    focused = expert(
        "focused",
        texts=["Return and reintegration counselling for migrants.", "Member of a choir."],
    )
    diluted = expert("diluted", texts=[f"{hobbies} return reintegration counselling {hobbies}"])
    m = fit([focused, diluted])
    ranked = m.rank(Request(text="return and reintegration counselling"))
    assert ranked[0].expert_id == "focused"
    assert ranked[0].reason("text").passages[0].text_index == 0


def test_fit_is_deterministic(roster):
    req = Request(text="asylum and trafficking of migrants", themes={"asylum"})
    a = [(m.expert_id, m.score) for m in fit(roster).rank(req, k=None)]
    b = [(m.expert_id, m.score) for m in fit(list(roster)).rank(req, k=None)]
    assert a == b


def test_request_only_text_and_experts_only_texts_rank_well():
    experts = [
        expert("a", texts=["Human trafficking victims identification."]),
        expert("b", texts=["Diaspora engagement and remittances."]),
        expert("c", texts=["Climate change and disaster displacement."]),
    ]
    m = fit(experts)
    assert m.rank(Request(text="remittances of the diaspora"))[0].expert_id == "b"
    assert m.rank(Request(text="displacement after a disaster"))[0].expert_id == "c"
