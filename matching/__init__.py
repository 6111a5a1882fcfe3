"""Rank roster experts against a request, with absolute scores and reasons.

A library with no web or database import: numpy, scipy and scikit-learn only,
plus the optional ``semantic`` extra for multilingual text.
"""

from .matcher import Matcher, NotFittedError
from .scoring import DEFAULT_WEIGHTS
from .team import Cover, Team
from .types import (
    CRITERIA,
    DEPTHS,
    LEVELS,
    SIGNALS,
    Evidence,
    Expert,
    Failure,
    Match,
    Passage,
    Reason,
    Request,
)

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "DEPTHS",
    "LEVELS",
    "SIGNALS",
    "Cover",
    "Evidence",
    "Expert",
    "Failure",
    "Match",
    "Matcher",
    "NotFittedError",
    "Passage",
    "Reason",
    "Request",
    "Team",
]
