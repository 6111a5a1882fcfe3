"""Teams: greedy marginal coverage of the request's themes and languages."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import scoring as sc
from .types import Evidence, Match, Request

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

    @property
    def missing(self) -> tuple[Evidence, ...]:
        return tuple(Evidence(c.key, None, c.want) for c in self.coverage if c.expert_id is None)


def coverage_matrix(matcher, request: Request, rows: np.ndarray) -> np.ndarray:
    """Value of each candidate for each requested item (themes, then languages)."""
    p = matcher.profiles_
    blocks = [np.zeros((len(rows), 0), np.float32)]
    if request.themes:
        blocks.append(sc.theme_matrix(p, request, rows))
    if request.languages:
        values = sc.language_matrix(p, request, rows)
        level = sc.language_levels(p, request, rows)
        want = np.array([sc.cr.level_rank(v) for v in request.languages.values()])
        blocks.append(np.where(level >= want, values, 0.0))  # below the minimum covers nothing
    return np.concatenate(blocks, axis=1).astype(np.float32)


def greedy_team(matcher, request: Request, candidates: list[Match], size: int):
    """Pick ``size`` candidates maximising score x (marginal coverage gain + floor)."""
    rows = np.array([matcher._row[m.expert_id] for m in candidates], np.int64)
    scores = np.array([m.score for m in candidates], np.float32)
    cover = coverage_matrix(matcher, request, rows)
    n_items = cover.shape[1]
    have = np.zeros(n_items, np.float32)
    owner = np.full(n_items, -1)
    chosen: list[int] = []
    for _ in range(min(size, len(candidates))):
        gain = (np.maximum(cover, have) - have).sum(axis=1) / max(n_items, 1)
        objective = scores * (gain + _FLOOR)
        objective[chosen] = -1.0
        best = int(np.argmax(objective))
        better = cover[best] > have
        owner[better] = best
        have = np.maximum(have, cover[best])
        chosen.append(best)
    return [candidates[i] for i in chosen], _explain(matcher, request, rows, owner, have)


def _explain(matcher, request, rows, owner, have):
    items = [("theme", t, w) for t, w in request.themes.items()]
    items += [("language", k, v) for k, v in request.languages.items()]
    out = []
    for j, (kind, key, want) in enumerate(items):
        if owner[j] < 0:
            out.append(Cover(kind, key, None, None, want, 0.0))
            continue
        expert = matcher.experts_[int(rows[owner[j]])]
        level = (expert.themes if kind == "theme" else expert.languages).get(key)
        out.append(Cover(kind, key, expert.id, level, want, float(have[j])))
    covered = float(have.mean()) if len(have) else 1.0
    return tuple(out), covered
