"""Hard requirements filter, and explain says which failed."""

from datetime import date

from matching import Failure, Request
from tests.matching.builders import fit


def ids(matches):
    return [m.expert_id for m in matches]


def test_language_below_minimum_is_filtered(roster):
    m = fit(roster)
    ranked = m.rank(Request(languages={"es": "C1"}), k=None)
    assert ids(ranked) == ["asylum"]


def test_unknown_language_filters_everyone(roster):
    assert fit(roster).rank(Request(languages={"ru": "A1"}), k=None) == []


def test_languages_can_be_soft(roster):
    ranked = fit(roster).rank(Request(languages={"es": "C1"}, languages_required=False), k=None)
    assert len(ranked) == len(roster)
    assert ranked[0].expert_id == "asylum"


def test_unavailability_overlap_is_filtered(roster):
    m = fit(roster)
    busy = Request(start=date(2026, 3, 15), end=date(2026, 3, 25))
    assert "asylum" not in ids(m.rank(busy, k=None))
    free = Request(start=date(2026, 3, 21), end=date(2026, 3, 25))
    assert "asylum" in ids(m.rank(free, k=None))


def test_partial_overlap_allowed_by_option(roster):
    m = fit(roster)
    # 6 of 11 days busy: 45% available
    half = Request(start=date(2026, 3, 15), end=date(2026, 3, 25), min_available=0.4)
    assert "asylum" in ids(m.rank(half, k=None))
    most = Request(start=date(2026, 3, 15), end=date(2026, 3, 25), min_available=0.5)
    assert "asylum" not in ids(m.rank(most, k=None))


def test_nationals_of_partner_country_excluded_on_request(roster):
    m = fit(roster)
    assert "trafficking" in ids(m.rank(Request(country="CR"), k=None))
    ranked = m.rank(Request(country="CR", exclude_nationals=True), k=None)
    assert "trafficking" not in ids(ranked)


def test_exclude_ids(roster):
    ranked = fit(roster).rank(Request(exclude_ids={"data", "bare"}), k=None)
    assert set(ids(ranked)) == {"asylum", "trafficking"}


def test_explain_lists_every_failed_requirement(roster):
    m = fit(roster)
    req = Request(
        text="trafficking",
        country="CR",
        exclude_nationals=True,
        languages={"es": "C1"},
        exclude_ids={"trafficking"},
    )
    match = m.explain(req, "trafficking")
    assert not match.eligible
    assert set(match.failures) == {
        Failure("excluded", "trafficking"),
        Failure("national", "CR", "CR", None),
        Failure("language", "es", "B2", "C1"),
    }
    assert match.score > 0  # the score is still reported


def test_explain_availability_failure_and_eligible_case(roster):
    m = fit(roster)
    req = Request(start=date(2026, 3, 10), end=date(2026, 3, 29))
    failure = m.explain(req, "asylum").failures[0]
    assert failure.requirement == "availability"
    assert (failure.have, failure.want) == ("11", "0")
    ok = m.explain(req, "data")
    assert ok.eligible and ok.failures == ()
    assert ok == next(x for x in m.rank(req, k=None) if x.expert_id == "data")


def test_count_eligible_is_the_length_of_the_full_ranking(roster):
    m = fit(roster)
    requests = [
        Request(),
        Request(languages={"es": "C1"}),
        Request(languages={"ru": "A1"}),
        Request(start=date(2026, 3, 15), end=date(2026, 3, 25)),
        Request(start=date(2026, 3, 15), end=date(2026, 3, 25), min_available=0.4),
        Request(country="CR", exclude_nationals=True, text="asylum"),
    ]
    counts = [m.count_eligible(r) for r in requests]
    assert counts == [len(m.rank(r, k=None)) for r in requests]
    assert len(set(counts)) > 2  # the requests do filter differently
