"""Rank roster experts against a request, with absolute scores and reasons.

A library with no web or database import: numpy, scipy and scikit-learn only,
plus the optional ``semantic`` extra for multilingual text. Everything public
is here; the modules starting with ``_`` are private.
"""

from ._criteria import SIGNAL_PRIOR
from ._matcher import Matcher, NotFittedError
from ._scoring import DEFAULT_WEIGHTS
from ._semantic import available as semantic_available
from ._semantic import encode_texts, text_key
from ._semantic import models as text_models
from ._team import Cover, Team
from ._types import (
    CRITERIA,
    DEFAULT_MIN_LEVEL,
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
    "DEFAULT_MIN_LEVEL",
    "DEFAULT_WEIGHTS",
    "DEPTHS",
    "LEVELS",
    "SIGNALS",
    "SIGNAL_PRIOR",
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
    "encode_texts",
    "semantic_available",
    "text_key",
    "text_models",
]
