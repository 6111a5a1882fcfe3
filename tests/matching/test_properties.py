"""Property tests: scores in [0, 1], k respected, order non-increasing."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from matching import DEPTHS, LEVELS, Expert, Request
from tests.matching.builders import fit

WORDS = ["asylum", "border", "trafficking", "data", "return", "health", "labour", "children"]
THEMES = ["asylum", "trafficking", "diaspora"]
LANGS = ["en", "fr", "es"]
text = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
day = st.integers(0, 60).map(lambda d: date(2026, 1, 1) + timedelta(days=d))


@st.composite
def experts(draw):
    n = draw(st.integers(1, 8))
    out = []
    for i in range(n):
        start = draw(day)
        out.append(
            Expert(
                id=f"e{i}",
                texts=draw(st.lists(text, max_size=3)),
                themes=draw(st.dictionaries(st.sampled_from(THEMES), st.sampled_from(DEPTHS))),
                languages=draw(st.dictionaries(st.sampled_from(LANGS), st.sampled_from(LEVELS))),
                countries=draw(st.sets(st.sampled_from(["CR", "BJ", "PA"]))),
                unavailable=draw(st.lists(st.just((start, start + timedelta(days=5))), max_size=1)),
                signals=draw(
                    st.dictionaries(st.sampled_from(["evaluation", "workload"]), st.floats(0, 1))
                ),
            )
        )
    return out


requests = st.builds(
    Request,
    text=text,
    themes=st.sets(st.sampled_from(THEMES)),
    languages=st.dictionaries(st.sampled_from(LANGS), st.sampled_from(LEVELS), max_size=1),
    country=st.sampled_from([None, "CR", "SN"]),
    start=st.one_of(st.none(), day),
    min_available=st.sampled_from([0.0, 0.5, 1.0]),
)


@settings(max_examples=40, deadline=None)
@given(experts(), requests, st.one_of(st.none(), st.integers(0, 10)))
def test_rank_invariants(roster, request, k):
    m = fit(roster)
    ranked = m.rank(request, k=k)
    everyone = m.rank(request, k=None)
    assert k is None or len(ranked) <= k
    assert len(ranked) == (len(everyone) if k is None else min(k, len(everyone)))
    scores = [x.score for x in ranked]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert all(0.0 <= x.confidence <= 1.0 for x in ranked)
    assert scores == sorted(scores, reverse=True)
    for x in ranked:
        assert m.explain(request, x.expert_id).eligible
        assert abs(sum(r.contribution for r in x.reasons) - x.score) < 1e-4
