"""Finding experts: the bridge from the roster to the matching library, and its pages.

The service API below is what the rest of the app uses; the modules behind it load the
roster as the library's Experts (loading), keep one index current per process (index), read
the optional signals (signals) and put the library's reasons into words (reasons, standing).
"""

from roster.actions.ranking.service import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    LEVELS,
    Query,
    Ranking,
    WhyNot,
    action_query,
    build_index,
    rank,
    roster_index,
    suggest_team,
    text_models_state,
    why_not,
)

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "LEVELS",
    "Query",
    "Ranking",
    "WhyNot",
    "action_query",
    "build_index",
    "rank",
    "roster_index",
    "suggest_team",
    "text_models_state",
    "why_not",
]
