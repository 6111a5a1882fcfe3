"""One request's text against the indexes: exact scores of chosen experts, bounds for all.

Every text gets its lexical cosine (the postings of the request's terms only, a
small share of the index) and, with the ``semantic`` extra, its multilingual
cosine. The latent (LSA) cosine, a dense read of every text's vector, is worked
out only for the experts asked for. Each figure of a text or an expert depends on
that row alone, so scoring a few experts gives exactly what a full pass gives.
"""

from __future__ import annotations

import numpy as np

from . import _criteria as cr
from . import _language
from . import _scoring as sc

CHUNK = 1 << 16  # experts scored at a time: bounds the temporaries of a full pass


class TextQuery:
    """The request's terms, and its cosines with every text that a pass over postings gives."""

    def __init__(self, lex, semantic, text: str):
        self.cols, self.vals = lex.query(text)
        self.known = float(self.vals @ self.vals)  # the request's weight the vocabulary knows
        self.lexical = lex.scores(self.cols, self.vals, pad=1)  # a trailing 0 for padding
        self._latent = lex.latent_
        self._z = None
        if self._latent is not None and len(self.cols):
            self._z = self._latent.request(self.cols, self.vals)
        self.semantic = None  # a _semantic.SemanticQuery: closeness, share, judge per row
        if semantic is not None:
            self.semantic = semantic.query(text, self.known, _language.detect(text))

    def closeness(self, rows: np.ndarray) -> np.ndarray:
        """Closeness in [0, 1] of text ``rows``, plus a trailing 0 for padding."""
        latent = None if self._z is None else self._latent.cosines(self._z, rows)
        s = self.semantic
        semantic = None if s is None else (s.close[rows], s.share[rows])
        return sc.text_closeness(self.lexical[rows], latent, semantic, self.known)

    def experts(self, slots: np.ndarray, counts: np.ndarray, top: int):
        """Text score of the experts with these slot rows (mean of their ``top`` best texts).

        Returns the scores, and per expert the closeness of each of its texts.
        """
        valid = slots >= 0
        rows = slots[valid]  # a text belongs to one expert: no row twice
        local = np.full(slots.shape, len(rows), np.int64)  # padding reads the trailing 0
        local[valid] = np.arange(len(rows))
        per_text = self.closeness(rows)
        return cr.top_mean(per_text, local, counts, top), per_text, local

    def scores(self, slots: np.ndarray, counts: np.ndarray, top: int) -> np.ndarray:
        """Text scores of many experts, a chunk at a time."""
        out = np.empty(len(counts), np.float32)
        for a in range(0, len(counts), CHUNK):
            out[a : a + CHUNK] = self.experts(slots[a : a + CHUNK], counts[a : a + CHUNK], top)[0]
        return out

    def bound(self, lexical: np.ndarray, close: np.ndarray | None = None) -> np.ndarray:
        """An upper bound of a text score, given a bound of its texts' lexical cosine (and,
        with the semantic models, of their closeness).

        A mean of the best texts is at most the best one; the blend increases with
        each of its parts; the latent cosine is at most 1.
        """
        latent = None if self._z is None else np.float32(1.0)
        plain = sc.text_closeness(lexical, latent, None, self.known)[:-1]
        if self.semantic is None:
            return plain
        # A row's blend (1 - s) * words + s * model, s in [0, max share], is at most the
        # larger of its two ends, each increasing in its parts.
        s = np.float32(self.semantic.max_share)
        return np.maximum(plain, (1 - s) * plain + s * close)

    def upper(self, slots: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """An upper bound of the text score of the experts with these slot rows."""
        width = min(slots.shape[1], int(counts.max(initial=0)))
        close = None if self.semantic is None else _row_max(self.semantic.close, slots, width)
        return self.bound(_row_max(self.lexical, slots, width), close)

    def ceiling(self) -> float:
        """An upper bound of every expert's text score."""
        close = None if self.semantic is None else np.array([self.semantic.close.max(initial=0)])
        return float(self.bound(np.array([self.lexical.max()]), close)[0])

    def guess(self, first: np.ndarray) -> np.ndarray:
        """A quick estimate (not a bound) of text scores from the first text row of each expert."""
        close = None if self.semantic is None else self.semantic.close[first]
        return self.bound(self.lexical[first], close)


def _row_max(values: np.ndarray, slots: np.ndarray, width: int) -> np.ndarray:
    """Each row's largest value over its slots (padding -1 reads the last value: still a bound)."""
    out = np.zeros(len(slots), np.float32)
    for j in range(width):
        np.maximum(out, values[slots[:, j]], out=out)
    return out
