"""Structured criteria as pure functions over numpy arrays, one row per expert.

Depths and levels are small integers (0 = absent). Every function returns a
score in [0, 1] per row, absolute: it depends only on the expert and the
request, never on the rest of the roster.
"""

from __future__ import annotations

import numpy as np

from ._types import DEPTH_RANK, LEVEL_RANK

# Value of holding a theme at depth 0..3; a depth below the one asked is worth half.
DEPTH_VALUE = np.array([0.0, 0.6, 0.8, 1.0], np.float32)
TOP_LEVEL = max(LEVEL_RANK.values())
# Meeting a language minimum exactly is a good fit (0.7); each level above adds to 1.
LANGUAGE_AT_MINIMUM = 0.7
REGION_VALUE = 0.5
# Value of a signal (evaluation, training, workload) an expert has no figure for.
SIGNAL_PRIOR = 0.5


def theme_values(depth: np.ndarray, want: np.ndarray) -> np.ndarray:
    """Per (expert, requested theme) value; ``want`` 0 means any depth."""
    value = DEPTH_VALUE[depth]
    short = (depth > 0) & (depth < want)
    return np.where(short, value * 0.5, value)


def language_values(level: np.ndarray, want: np.ndarray) -> np.ndarray:
    """Per (expert, requested language) value: 0.7 at the minimum, 1 at the top."""
    level = level.astype(np.float32)
    want = want.astype(np.float32)
    span = np.maximum(TOP_LEVEL - want, 1.0)
    above = LANGUAGE_AT_MINIMUM + (1 - LANGUAGE_AT_MINIMUM) * (level - want) / span
    above = np.where(want >= TOP_LEVEL, 1.0, above)
    below = LANGUAGE_AT_MINIMUM * 0.5 * level / np.maximum(want, 1.0)
    return np.where(level >= want, above, below).astype(np.float32)


def geography_values(in_country: np.ndarray, in_region: np.ndarray) -> np.ndarray:
    """The same country above the same region above none."""
    out = np.where(in_region, np.float32(REGION_VALUE), np.float32(0.0))
    out[in_country] = 1.0
    return out


def signal_values(signals: np.ndarray) -> np.ndarray:
    """Evaluation and training count as given; workload is inverted for rotation.

    A missing signal takes the neutral ``SIGNAL_PRIOR``: it neither rewards nor
    punishes a newcomer against the fixed middle of the scale.
    """
    out = signals.astype(np.float32, copy=True)
    out[:, 2] = 1.0 - out[:, 2]
    return np.where(np.isnan(out), np.float32(SIGNAL_PRIOR), out)


def overlap_days(
    starts: np.ndarray, ends: np.ndarray, owners: np.ndarray, n_rows: int, start: int, end: int
) -> np.ndarray:
    """Days of [start, end] each expert row is unavailable (intervals may stack)."""
    days = np.minimum(ends, end) - np.maximum(starts, start) + 1
    hit = np.flatnonzero(days > 0)  # the few intervals that overlap
    total = np.bincount(owners[hit], weights=days[hit], minlength=n_rows)[:n_rows]
    return np.minimum(total, end - start + 1)


def top_mean(scores: np.ndarray, slots: np.ndarray, counts: np.ndarray, k: int) -> np.ndarray:
    """Mean of each expert's ``k`` best text scores (fewer if it has fewer texts).

    ``slots`` holds each expert's text rows, padded with -1; ``scores`` has one
    extra trailing zero that the padding reads, and no negative value. The
    ``k`` best are kept column by column (a small sorting network of elementwise
    max and min): a partition per row costs ten times more. Each expert's value
    depends on its own row only, so any subset of rows gives the same figures.
    """
    width = min(slots.shape[1], int(counts.max(initial=0)))
    n = slots.shape[0]
    best: list[np.ndarray] = []
    low = np.empty(n, np.float32)
    for j in range(width):
        x = scores[slots[:, j]].astype(np.float32, copy=False)
        for b in best:  # insert x: the larger stays, the smaller moves down
            np.minimum(b, x, out=low)
            np.maximum(b, x, out=b)
            x, low = low, x
        if len(best) < k:
            best.append(x)
    total = np.zeros(n, np.float32)
    for b in best:
        total += b
    return total / np.maximum(np.minimum(counts, k), 1).astype(np.float32)


def depth_rank(name: str | None) -> int:
    return 0 if name is None else DEPTH_RANK[name]


def level_rank(name: str | None) -> int:
    return 0 if name is None else LEVEL_RANK[name]
