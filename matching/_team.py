"""Teams: greedy marginal coverage of the request's themes and languages."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _criteria as cr
from . import _scoring as sc
from ._profiles import Profiles
from ._types import Expert, Match, Request

# Gain floor: once everything is covered, the best remaining score still decides.
_FLOOR = 0.05


@dataclass(frozen=True)
class Cover:
    """Who on the team brings one requested theme or language, at what depth or level."""

    kind: str  # "theme" or "language"
    key: str
    expert_id: str | None
    have: str | None
    want: str | None
    value: float


@dataclass(frozen=True)
class Team:
    """Proposed members (as matches, with reasons) and how they cover the request."""

    members: tuple[Match, ...]
    coverage: tuple[Cover, ...]
    covered: float  # mean coverage value over requested items, in [0, 1]


def coverage_matrix(p: Profiles, request: Request, rows: np.ndarray) -> np.ndarray:
    """Value of each candidate for each requested item (themes, then languages)."""
    blocks = [np.zeros((len(rows), 0), np.float32)]
    if request.themes:
        blocks.append(sc.theme_matrix(p, request, rows))
    if request.languages:
        values = sc.language_matrix(p, request, rows)
        level = sc.language_levels(p, request, rows)
        want = np.array([cr.level_rank(v) for v in request.languages.values()])
        blocks.append(np.where(level >= want, values, 0.0))  # below the minimum covers nothing
    return np.concatenate(blocks, axis=1).astype(np.float32)


def greedy_team(scores: np.ndarray, cover: np.ndarray, size: int):
    """Pick ``size`` candidates maximising score x (marginal coverage gain + floor)."""
    # Returns the chosen indices and, per requested item, who covers it best (-1: nobody)
    # and that value: the caller turns them into a Team.
    n_items = cover.shape[1]
    have = np.zeros(n_items, np.float32)
    owner = np.full(n_items, -1)
    chosen: list[int] = []
    for _ in range(min(size, len(scores))):
        gain = (np.maximum(cover, have) - have).sum(axis=1) / max(n_items, 1)
        objective = scores * (gain + _FLOOR)
        objective[chosen] = -1.0
        best = int(np.argmax(objective))
        better = cover[best] > have
        owner[better] = best
        have = np.maximum(have, cover[best])
        chosen.append(best)
    return chosen, owner, have


def coverage(request: Request, owners: list[Expert | None], have: np.ndarray):
    """Who brings each requested item (``owners`` follows the items) and the mean covered."""
    items = [("theme", t, w) for t, w in request.themes.items()]
    items += [("language", k, v) for k, v in request.languages.items()]
    out = []
    for j, (kind, key, want) in enumerate(items):
        expert = owners[j]
        if expert is None:
            out.append(Cover(kind, key, None, None, want, 0.0))
            continue
        level = (expert.themes if kind == "theme" else expert.languages).get(key)
        out.append(Cover(kind, key, expert.id, level, want, float(have[j])))
    covered = float(have.mean()) if len(have) else 1.0
    return tuple(out), covered
