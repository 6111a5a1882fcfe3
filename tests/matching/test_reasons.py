"""Reasons: structured per criterion, for the returned experts only."""

from matching import Evidence, Request
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


def test_summary_is_structured_for_translation(roster):
    top = fit(roster).rank(Request(themes={"asylum"}, languages={"fr": "A2"}), k=1)[0]
    summary = top.summary
    assert summary["criteria"]["themes"]["matched"] == ["asylum"]
    assert summary["criteria"]["languages"]["matched"] == ["fr"]
