"""Interest in an open call as one more signal of Find experts (staff choose its weight).

The experts who said they are interested come from the opportunities domain through
roster.actions.signals (actions never import it); this module only re-orders a ranking.
"""

from dataclasses import replace

from roster.actions.ranking import service as ranking


def interest_share(query: ranking.Query, weight: int | None) -> float:
    """The part of the score interest makes: its weight (0..100) over all the weights."""
    if not weight:
        return 0.0
    others = sum({**ranking.DEFAULT_WEIGHTS, **(query.weights or {})}.values())
    return (weight / 100) / (others + weight / 100)


def with_interest(query: ranking.Query, matches, interested, weight, k: int) -> list:
    """The ranking with interest as one more criterion: score' = (1 - share) * score, plus
    the share for an interested expert. Interested experts beyond the first k who meet the
    hard requirements are explained and may move in; the others keep their order."""
    share = interest_share(query, weight)
    if not share or not interested:
        return list(matches)
    have = {int(m.expert_id) for m in matches}
    extra = [m for m in ranking.explain(query, sorted(set(interested) - have)) if m.eligible]
    boosted = [
        replace(m, score=(1 - share) * m.score + (share if int(m.expert_id) in interested else 0))
        for m in [*matches, *extra]
    ]
    boosted.sort(key=lambda m: -m.score)
    return boosted[:k]
