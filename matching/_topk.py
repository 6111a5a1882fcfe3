"""The k best eligible experts, exactly, scoring the text in full only where it can matter.

Max-score pruning at the level of experts. Every criterion but the text is cheap
and computed for everyone; so is each text's lexical cosine (a pass over the
postings of the request's terms). The latent (LSA) cosine and the mean of an
expert's best texts are the dear part. So: the experts guessed best (seeds) are
scored exactly, and the k-th best of them is a floor that the k-th best overall
cannot be under. A bound of every expert's total (its other criteria plus the best
text score anyone could have) drops most experts at once; a tighter bound (its own
closest text, the latent cosine counted as 1) drops most of the rest; the few left
are scored exactly. The result is the exhaustive ranking's first k, ties in roster
order, with the same figures to the last bit (``tests/matching/test_pruning.py``).
"""

from __future__ import annotations

import numpy as np

from . import _scoring as sc

# Bounds are summed in another order than exact totals: this margin covers the rounding.
SLACK = np.float32(1e-5)
# Seeds: the 4k + SEED_EXTRA best guesses, scored exactly to set the floor.
SEED_EXTRA = 64


def first(rows: np.ndarray, totals: np.ndarray, k: int | None):
    """The ``k`` best of ``rows`` (ascending) by ``totals``, best first, ties by row."""
    if k is not None and k < len(rows):
        if k == 0:
            return rows[:0], totals[:0]
        kth = np.partition(totals, len(rows) - k)[len(rows) - k]
        above = np.flatnonzero(totals > kth)
        tied = np.flatnonzero(totals == kth)[: k - len(above)]  # the first rows of a tie
        keep = np.sort(np.concatenate([above, tied]))
        rows, totals = rows[keep], totals[keep]
    order = np.lexsort((rows, -totals))
    return rows[order], totals[order]


def best(rows: np.ndarray, exact, k: int, guess, upper, refine=None, seeds: int | None = None):
    """The ``k`` best of ``rows`` (ascending), best first, with their exact totals.

    ``exact(rows)``: exact totals; ``guess``: any estimate per row, aligned with
    ``rows`` (the seeds are the best guessed); ``upper``: a bound of each row's
    total; ``refine(idx)``: a tighter bound of the totals of ``rows[idx]``, asked
    only for rows the first bound lets through. Equals ``first(rows, exact(rows), k)``.
    """
    if k == 0:
        return rows[:0], np.zeros(0, np.float32)
    if k >= len(rows):
        return first(rows, exact(rows), k)
    n_seeds = min(len(rows), max(seeds or 4 * k + SEED_EXTRA, k))
    seed = np.sort(np.argpartition(-guess, n_seeds - 1)[:n_seeds])
    seed_totals = exact(rows[seed])
    floor = np.partition(seed_totals, n_seeds - k)[n_seeds - k]  # the seeds' k-th best
    reach = upper + SLACK >= floor
    reach[seed] = False
    rest = np.flatnonzero(reach)
    if refine is not None and len(rest):
        rest = rest[refine(rest) + SLACK >= floor]
    if not len(rest):
        return first(rows[seed], seed_totals, k)
    at = np.concatenate([seed, rest])
    totals = np.concatenate([seed_totals, exact(rows[rest])])
    order = np.argsort(at, kind="stable")
    return first(rows[at[order]], totals[order], k)


def select(p, request, active: dict, rows: np.ndarray, k: int | None, text, regions, top: int):
    """The ``k`` best of the eligible expert ``rows`` (all when None), best first.

    ``p``: the ``Profiles``; ``text``: the request's ``TextQuery`` (None when the text
    criterion is inactive); ``top``: texts averaged per expert.
    """
    if k == 0 or not len(rows):
        return rows[:0]
    parts = sc.criterion_scores(
        p, request, active, slice(0, p.n), sc.request_region(request, regions)
    )

    def exact(subset):
        total = np.zeros(len(subset), np.float32)
        for criterion, w in active.items():  # the order ``Matcher._matches`` sums them in
            if criterion == "text":
                part = text.scores(p.slots[subset], p.n_texts[subset], top)
            else:
                part = parts[criterion][subset]
            total += np.float32(w) * part
        return np.clip(total, 0.0, 1.0)

    if text is None or k is None or k >= len(rows):
        return first(rows, exact(rows), k)[0]
    base = np.zeros(p.n, np.float32)  # every criterion but the text
    for criterion, w in active.items():
        if criterion != "text":
            base += np.float32(w) * parts[criterion]
    base = base[rows]
    wt = np.float32(active["text"])

    def refine(idx):
        sub = rows[idx]
        return base[idx] + wt * text.upper(p.slots[sub], p.n_texts[sub])

    guess = base + wt * text.guess(p.slots[:, 0][rows])
    upper = base + wt * np.float32(text.ceiling())
    return best(rows, exact, k, guess, upper, refine)[0]
