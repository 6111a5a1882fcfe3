"""The pruned top-k ranking equals the exhaustive one: same experts, order and scores."""

from datetime import date, timedelta

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import DEPTHS, Expert, Request
from matching import _criteria as cr
from matching import _topk as topk
from matching._latent import LatentIndex
from tests.matching.builders import fit

WORDS = ["asylum", "border", "trafficking", "data", "return", "health", "labour", "children",
         "census", "visa", "refugee", "shelter"]  # fmt: skip
THEMES = ["asylum", "trafficking", "diaspora"]
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@st.composite
def rosters(draw):
    """Experts drawn from a few profiles, some repeated: many exact ties."""
    profiles = draw(st.lists(
        st.tuples(st.lists(text, max_size=3), st.dictionaries(st.sampled_from(THEMES),
                  st.sampled_from(DEPTHS)), st.sets(st.sampled_from(["CR", "BJ"])),
                  st.one_of(st.none(), st.floats(0, 1))),
        min_size=1, max_size=6))  # fmt: skip
    picks = draw(st.lists(st.integers(0, len(profiles) - 1), min_size=1, max_size=40))
    out = []
    for i, j in enumerate(picks):
        texts, themes, countries, evaluation = profiles[j]
        signals = {} if evaluation is None else {"evaluation": evaluation}
        out.append(Expert(id=f"e{i}", texts=texts, themes=themes, countries=countries,
                          signals=signals))  # fmt: skip
    return out


requests = st.builds(
    Request,
    text=text,
    themes=st.sets(st.sampled_from(THEMES)),
    country=st.sampled_from([None, "CR"]),
)


@pytest.fixture
def few_seeds(monkeypatch):
    """Seed with 4k experts only, so small rosters take the pruned path too."""
    monkeypatch.setattr(topk, "SEED_EXTRA", 0)


# the fixture only sets a module constant: nothing to reset between inputs
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rosters(), requests, st.integers(0, 45), st.integers(0, 3))
def test_pruned_top_k_is_the_exhaustive_ranking_cut_at_k(few_seeds, roster, request, k, removed):
    m = fit(roster)
    for e in roster[:removed]:  # a few updates and removals: rows out of order, dead rows
        m.update(Expert(id=e.id, texts=e.texts[::-1], themes=e.themes))
    if removed:
        m.remove(roster[-1].id)
    everyone = m.rank(request, k=None, reasons=False)
    top = m.rank(request, k=k, reasons=False)
    assert [(x.expert_id, x.score) for x in top] == [(x.expert_id, x.score) for x in everyone[:k]]
    # the exhaustive order itself: scores non-increasing, ties in roster (row) order
    rows = [m._row[x.expert_id] for x in everyone]
    keys = [(-x.score, r) for x, r in zip(everyone, rows, strict=True)]
    assert keys == sorted(keys)
    # and every score is the one explain gives for that expert alone
    for x in everyone[:5]:
        assert m.explain(request, x.expert_id).score == x.score


def test_pruning_skips_experts_and_keeps_the_result(few_seeds, monkeypatch):
    rng = np.random.default_rng(3)
    roster = [
        Expert(id=f"e{i}", texts=[" ".join(rng.choice(WORDS, 6))],
               themes={THEMES[i % 3]: "senior"}, countries={"CR"} if i % 4 else set())
        for i in range(300)
    ]  # fmt: skip
    m = fit(roster)
    request = Request(text="asylum refugee shelter", themes={"asylum"}, country="CR")
    scored = []
    best = topk.best

    def counting(rows, exact, k, *args, **kw):
        return best(rows, lambda sub: scored.append(len(sub)) or exact(sub), k, *args, **kw)

    monkeypatch.setattr(topk, "best", counting)
    top = m.rank(request, k=5)
    everyone = m.rank(request, k=None)
    assert [x.expert_id for x in top] == [x.expert_id for x in everyone[:5]]
    assert [x.score for x in top] == [x.score for x in everyone[:5]]
    assert sum(scored) < len(roster) / 2  # most experts never had their text scored in full


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 60), st.integers(0, 70), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_best_equals_a_full_sort(n, k, levels, seed):
    rng = np.random.default_rng(seed)
    rows = np.sort(rng.choice(1000, n, replace=False))
    totals = (rng.integers(0, levels + 1, n) / levels).astype(np.float32)  # many ties
    upper = totals + rng.uniform(0, 0.5, n).astype(np.float32)
    tighter = (totals + upper) / 2
    guess = rng.uniform(0, 1, n).astype(np.float32)  # a bad guess still gives the right answer
    exact = dict(zip(rows.tolist(), totals.tolist(), strict=True))

    def score(sub):
        return np.array([exact[r] for r in sub.tolist()], np.float32)

    got = topk.best(rows, score, k, guess, upper, lambda idx: tighter[idx], seeds=3)
    want = topk.first(rows, totals, k)
    assert got[0].tolist() == want[0].tolist()
    assert got[1].tolist() == want[1].tolist()
    order = sorted(range(n), key=lambda i: (-totals[i], rows[i]))[:k]
    assert want[0].tolist() == rows[order].tolist()


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 30), st.integers(1, 6), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_top_mean_is_the_mean_of_the_best_texts(n, width, k, seed):
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, width + 1, n)
    slots = np.full((n, width), -1, np.int64)
    start = 0
    for i, c in enumerate(counts.tolist()):
        slots[i, :c] = np.arange(start, start + c)
        start += c
    values = rng.choice([0.0, 0.25, 0.5, 1.0, rng.uniform()], start).astype(np.float32)
    scores = np.append(values, np.float32(0))
    got = cr.top_mean(scores, slots, counts, k)
    for i, c in enumerate(counts.tolist()):
        best = np.sort(scores[slots[i, :c]])[::-1][:k]
        assert got[i] == pytest.approx(best.sum() / max(min(c, k), 1), abs=1e-6)
    # a row's figure is its own: any subset of rows gives the same values, bit for bit
    pick = rng.permutation(n)[: n // 2]
    assert np.array_equal(cr.top_mean(scores, slots[pick], counts[pick], k), got[pick])


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_latent_cosines_of_a_few_rows_equal_the_full_pass(dtype):
    rng = np.random.default_rng(0)
    latent = LatentIndex(8, dtype=dtype).fit(sp.random(300, 40, 0.2, "csr", rng=rng))
    for n in (5000, 4500, 30):  # parts of the vectors, as fit and updates leave them
        latent.add(sp.random(n, 40, 0.2, "csr", rng=rng))
    assert len(latent._parts) > 1
    cols = np.array([1, 5, 9, 30])
    z = latent.request(cols, rng.uniform(0.1, 1, 4).astype(np.float32))
    full = latent.cosines(z)
    rows = rng.permutation(len(full))[:300]
    assert np.array_equal(latent.cosines(z, rows), full[rows])


def test_unavailable_experts_stay_out_of_the_pruned_top_k(few_seeds):
    busy = (date(2026, 3, 1), date(2026, 3, 30))
    roster = [Expert(id=f"e{i}", texts=["asylum refugee shelter"],
                     unavailable=[busy] if i % 2 else []) for i in range(40)]  # fmt: skip
    m = fit(roster)
    request = Request(text="asylum", start=busy[0], end=busy[0] + timedelta(days=3))
    top = m.rank(request, k=3)
    assert [x.expert_id for x in top] == ["e0", "e2", "e4"]  # a tie: roster order
