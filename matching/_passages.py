"""Which terms and sentence of one text made it close to a request.

The request-independent part of a text (its sentences, distinct terms with
their TF-IDF weights, which sentence each occurrence is in) is computed once
and kept in a small LRU per lexical index, bounded in bytes: a ranking
explains the same few experts again and again, so most requests only look
their terms up in the request's and sum a few shares.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from . import _tokens as tk

# A mark then white space, or a line break. One character set first: the regex engine skips
# to it fast (an alternation is tried at every character, four times slower).
_SENTENCE = re.compile(r"[.!?;:\n]\s*")
MAX_CHARS = 200_000  # a text's first characters scanned for passages (bounds a request's work)
CACHE_BYTES = 32 << 20  # per lexical index


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text's sentences and distinct terms, weighted as the index weighs them."""

    sents: list[str]
    cols: np.ndarray  # distinct term columns, ascending (-1: unknown)
    weights: np.ndarray  # tf * idf per distinct term
    norm: float
    counts: np.ndarray  # occurrences per distinct term
    inv: np.ndarray  # distinct term of each occurrence
    which: np.ndarray  # sentence of each occurrence
    spans: np.ndarray  # (start, end) in ``data`` of each distinct term's first occurrence
    data: bytes

    @property
    def nbytes(self) -> int:
        arrays = (self.cols, self.weights, self.counts, self.inv, self.which, self.spans)
        return sum(a.nbytes for a in arrays) + 2 * len(self.data) + 64 * len(self.sents)

    def name(self, i: int) -> str:
        a, b = self.spans[i].tolist()
        return self.data[a:b].decode("utf-8", "replace")


def analyse(lex, texts: list[str]) -> list[Analysis]:
    """The request-independent part of each text's explanation (cached).

    The texts not in the cache are analysed together: a few numpy passes
    over all of them cost about what one text alone did.
    """
    cache = _cache_of(lex)
    version = len(lex.terms_)  # new columns (``add``) may give unknown words a weight
    out = {t: cache.get((version, t)) for t in texts}
    missing = [t for t, found in out.items() if found is None]
    if missing:
        for t, found in zip(missing, _analyse([t[:MAX_CHARS] for t in missing], lex), strict=True):
            cache.put((version, t), found)
            out[t] = found
    return [out[t] for t in texts]


def _analyse(texts: list[str], lex) -> list[Analysis]:
    per_text = [sentences(t) for t in texts]
    n_sents = np.array([len(s) for s in per_text], np.int64)
    sent_start = np.concatenate([[0], np.cumsum(n_sents)])
    flat = [s for sents in per_text for s in sents]
    hashes, which, starts, ends, data = tk.tokenize(flat)  # one "text" per sentence
    cols, idf = lex.weights(hashes)
    owner = np.repeat(np.arange(len(texts)), n_sents)[which] if len(which) else which
    key = (owner.astype(np.int64) << 33) | (cols + 1)  # distinct terms per text, in column order
    ukey, first, inv, counts = np.unique(key, return_index=True, return_inverse=True,
                                         return_counts=True)  # fmt: skip
    tf = (1.0 + np.log(counts)).astype(np.float32) if lex.sublinear_tf else counts
    weights = tf * idf[first]
    ucols = (ukey & ((1 << 33) - 1)) - 1
    tok_at = np.searchsorted(owner, np.arange(len(texts) + 1))
    term_at = np.searchsorted(ukey >> 33, np.arange(len(texts) + 1))
    nul = np.concatenate([[-1], np.flatnonzero(np.frombuffer(data, np.uint8) == 0), [len(data)]])
    out = []
    for i, sents in enumerate(per_text):
        ta, tb, ua, ub = *tok_at[i : i + 2].tolist(), *term_at[i : i + 2].tolist()
        lo = int(nul[sent_start[i]] + 1)  # this text's bytes: its sentences joined by NUL
        hi = int(nul[sent_start[i + 1]]) if n_sents[i] else lo
        w = weights[ua:ub].copy()
        out.append(
            Analysis(
                sents,
                ucols[ua:ub].copy(),
                w,
                float(np.sqrt(w @ w)) or 1.0,
                counts[ua:ub].copy(),
                (inv.ravel()[ta:tb] - ua).astype(np.int32),
                (which[ta:tb] - sent_start[i]).astype(np.int32),
                np.stack([starts[first[ua:ub]], ends[first[ua:ub]]], axis=1) - lo,
                data[lo:hi],
            )
        )
    return out


def explain(a: Analysis, cols: np.ndarray, vals: np.ndarray):
    """Each matched term's share of the text's cosine, and the best sentence.

    Returns (names and shares of the terms with a share, in column order;
    index of the best sentence or -1; its share).
    """
    if not len(a.cols) or not len(cols):
        return [], -1, 0.0
    at = np.minimum(np.searchsorted(cols, a.cols), len(cols) - 1)
    hit = np.flatnonzero((cols[at] == a.cols) & (a.cols >= 0))
    share = a.weights[hit] * vals[at[hit]] / a.norm  # each term's part of the text's cosine
    keep = share > 0
    hit, share = hit[keep], share[keep]
    if not len(hit):
        return [], -1, 0.0
    terms = [(a.name(i), float(s)) for i, s in zip(hit.tolist(), share.tolist(), strict=True)]
    per_use = np.zeros(len(a.cols))
    per_use[hit] = share / a.counts[hit]  # a term's share per occurrence
    shares = np.bincount(a.which, weights=per_use[a.inv], minlength=len(a.sents))
    top = int(np.argmax(shares))
    return terms, top, float(shares[top])


class _LRU:
    """Analyses by (vocabulary size, text), least recently used dropped beyond a byte budget."""

    def __init__(self, budget: int):
        self.budget, self.size = budget, 0
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key, value: Analysis) -> None:
        cost = value.nbytes + len(key[1])
        if cost > self.budget:
            return
        with self.lock:
            old = self.items.pop(key, None)
            if old is not None:
                self.size -= old.nbytes + len(key[1])
            self.items[key] = value
            self.size += cost
            while self.size > self.budget:
                (k, v) = self.items.popitem(last=False)
                self.size -= v.nbytes + len(k[1])


_caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _cache_of(lex) -> _LRU:
    with _caches_lock:
        cache = _caches.get(lex)
        if cache is None:
            cache = _caches[lex] = _LRU(CACHE_BYTES)
        return cache


def sentences(text: str) -> list[str]:
    """Sentences and lines of a text, stripped, without the empty ones.

    Splits after ``.!?;:`` followed by white space, and at line breaks.
    """
    out, last = [], 0
    for found in _SENTENCE.finditer(text):
        a, b = found.span()
        if text[a] == "\n":
            cut = a
        elif b - a > 1:
            cut = a + 1  # the mark stays with its sentence
        else:
            continue  # a mark inside a word or number ("3.5")
        out.append(text[last:cut])
        last = b
    out.append(text[last:])
    return [s for s in map(str.strip, out) if len(s) > 1]
