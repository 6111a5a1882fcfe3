"""Reasons: structured per criterion, for the returned experts only."""

from matching import Evidence, Request
from matching import _passages as passages
from matching._passages import sentences
from tests.matching.builders import fit


def test_reasons_say_what_matched_and_what_is_missing(roster):
    m = fit(roster)
    req = Request(
        text="training border officials on asylum procedures",
        themes={"asylum": "senior", "trafficking": None},
        languages={"es": "B2"},
        country="PA",
    )
    top = m.rank(req, k=1)[0]
    assert top.expert_id == "asylum"
    themes = top.reason("themes")
    assert themes.matched == (Evidence("asylum", "senior", "senior"),)
    assert themes.missing == (Evidence("trafficking", None, None),)
    assert themes.score == 0.5 and 0 < themes.weight < 1
    assert top.reason("languages").matched == (Evidence("es", "C1", "B2"),)
    geo = top.reason("geography")
    assert geo.matched == (Evidence("latin-america", "region"),)
    assert geo.missing == (Evidence("PA"),)
    text = top.reason("text")
    assert {"asylum", "procedures", "officials"} <= set(text.terms)
    assert text.passages[0].text.startswith("Trained border officials")
    assert text.passages[0].text_index == 1
    assert top.reason("evaluation").matched == (Evidence("evaluation", "0.90"),)


def test_reasons_sorted_by_contribution_and_weights_sum_to_one(roster):
    top = fit(roster).rank(Request(text="asylum", themes={"asylum"}, country="CR"), k=1)[0]
    contributions = [r.contribution for r in top.reasons]
    assert contributions == sorted(contributions, reverse=True)
    assert abs(sum(r.weight for r in top.reasons) - 1) < 1e-6
    assert abs(sum(contributions) - top.score) < 1e-5


def test_reasons_can_be_skipped(roster):
    ranked = fit(roster).rank(Request(text="asylum"), k=None, reasons=False)
    assert all(m.reasons == () for m in ranked)


def test_text_reasons_are_the_same_when_their_analysis_comes_from_the_cache(roster):
    m = fit(roster)
    req = Request(text="training border officials on asylum procedures")
    passages._caches.clear()
    cold = [r.reason("text") for r in m.rank(req, k=3)]
    assert len(passages._cache_of(m.lexical_).items) > 0  # the texts were kept
    warm = [r.reason("text") for r in m.rank(req, k=3)]
    assert warm == cold and cold[0].passages


def test_passage_cache_drops_the_least_recently_used_beyond_its_budget(roster):
    m = fit(roster)
    texts = ["Asylum procedures for border officials. " * 20, "Labour migration. " * 20, "Visas."]
    found = passages._analyse(texts, m.lexical_)
    lru = passages._LRU(budget=found[0].nbytes + len(texts[0]) + found[2].nbytes + 10)
    lru.put((0, texts[0]), found[0])
    lru.put((0, texts[2]), found[2])
    assert lru.get((0, texts[0])) is found[0]  # now the most recent
    lru.put((0, texts[1]), found[1])
    assert lru.get((0, texts[2])) is None and lru.get((0, texts[0])) is None
    assert lru.size <= lru.budget


def test_sentences_keep_their_mark_and_split_at_line_breaks():
    assert sentences("Asylum. Border: x\n\nVisas!  Done? no;yes") == [
        "Asylum.",
        "Border:",
        "Visas!",
        "Done?",
        "no;yes",
    ]
