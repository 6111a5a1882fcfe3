"""Lexical text backend: TF-IDF over every text of every expert, term-major blocks.

Each text is one row. Rows are stored in blocks of at most 65,536 texts, each
block term-major (the postings of a term are contiguous) with 2-byte row
numbers and float16 weights: 4 bytes per stored weight. A request touches
only the postings of its own terms. Terms are 48-bit hashes (``_tokens``).

IDF and the stop words (terms in more than ``max_df`` of the texts) are
estimated at fit from the first ``idf_sample`` texts; later texts, at fit or
by ``add``, are weighted with them, and their unseen terms take the IDF of an
unseen word, the value a request already gives them in its norm. Below
``idf_sample`` texts the fit is exact. Rows added by ``add`` wait in a small
row-major delta until ``compact`` turns it into a block.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from . import _tokens as tk
from ._latent import LatentIndex
from ._postings import Block, top_per_row

BLOCK_ROWS = 1 << tk.DOC_BITS
_BLOCK_BYTES = 8_000_000  # characters tokenised at once: bounds the tokeniser's temporaries
MIN_LATENT_TEXTS = 200  # fewer texts than this: no latent space (too noisy)


class LexicalIndex:
    """TF-IDF cosine between a request and each text, absolute per pair.

    The request's words unseen at fit still count in its norm (with the
    largest IDF), so a request mostly in another vocabulary is not inflated.
    """

    def __init__(
        self,
        *,
        sublinear_tf=True,
        max_df=0.5,
        min_df=1,
        max_terms=256,
        idf_sample=100_000,
        latent_dims=0,
        latent_sample=20_000,
        latent_dtype=np.float32,
    ):
        self.sublinear_tf = sublinear_tf
        self.max_df = max_df
        self.min_df = min_df
        self.max_terms = max_terms
        self.idf_sample = idf_sample
        self.latent_dims = latent_dims
        self.latent_sample = latent_sample
        self.latent_dtype = latent_dtype

    def fit(self, texts) -> LexicalIndex:
        """Index an iterable of texts (consumed once, in batches)."""
        return self.fit_batches([list(texts)])

    def fit_batches(self, batches) -> LexicalIndex:
        """Index texts given as an iterable of lists, each list a run of rows."""
        self.blocks_: list[Block] = []
        self.terms_ = np.zeros(0, np.uint64)  # column -> term id
        self.idf_ = np.zeros(0, np.float32)
        self._extra: dict[int, int] = {}
        self._n_rows = 0
        self.idf_fitted_ = False
        self.latent_ = None
        self._buf, self._buf_rows = [], 0
        pending: list[tuple] = []  # counted batches waiting for the IDF
        seen = 0
        for batch in batches:
            for part in _split(batch):
                pending.append((*tk.count(part), len(part)))
                seen += len(part)
            if seen >= self.idf_sample or self.idf_fitted_:
                if not self.idf_fitted_:
                    self._fit_idf(pending)
                self._append_blocks(pending)
                pending = []
        if pending or not self.idf_fitted_:
            if not self.idf_fitted_:
                self._fit_idf(pending)
            self._append_blocks(pending)
        self._seal()
        self.delta_ = sp.csr_matrix((0, len(self.idf_)), dtype=np.float32)
        self._pending: list[sp.csr_matrix] = []
        return self

    def _fit_idf(self, counted) -> None:
        # document frequencies batch by batch (terms come sorted), then merged
        parts = [_runs(c[0]) for c in counted]
        vocab, where = np.unique(np.concatenate([v for v, _ in parts] or [[]]).astype(np.uint64),
                                 return_inverse=True)  # fmt: skip
        df = np.bincount(where.ravel(), weights=np.concatenate([d for _, d in parts] or [[]]),
                         minlength=len(vocab)).astype(np.int64)  # fmt: skip
        n = max(sum(c[3] for c in counted), 1)
        idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        stop = (df > self.max_df * n) if n >= 20 else np.zeros(len(vocab), bool)
        idf[stop | (df < self.min_df)] = 0.0  # known, weightless: stop words
        self.terms_, self.idf_ = vocab, idf
        self._extra = {}
        self._resort()
        self.oov_idf_ = float(np.log(1.0 + n) + 1.0)
        self.idf_fitted_ = True

    def columns(self, terms: np.ndarray, grow: bool = False) -> np.ndarray:
        """Columns of term ids; -1 for unknown ones (new columns with ``grow``)."""
        cols = np.full(len(terms), -1, np.int64)
        st = self._sorted_terms
        if len(st) and len(terms):
            at = np.minimum(np.searchsorted(st, terms), len(st) - 1)
            hit = st[at] == terms
            cols[hit] = self._sorted[at[hit]]
        miss = np.flatnonzero(cols < 0)
        if len(miss) and (self._extra or grow):
            new = []
            for i, t in zip(miss.tolist(), terms[miss].tolist(), strict=True):
                c = self._extra.get(t)
                if c is None and grow:
                    c = self._extra[t] = len(self.terms_) + len(new)
                    new.append(t)
                if c is not None:
                    cols[i] = c
            if new:  # unseen words: the IDF a request already gives them
                self.terms_ = np.concatenate([self.terms_, np.array(new, np.uint64)])
                unseen = np.full(len(new), self.oov_idf_, np.float32)
                self.idf_ = np.concatenate([self.idf_, unseen])
                if len(self._extra) > 4096:
                    self._resort()
        return cols

    def _resort(self) -> None:
        self._sorted = np.argsort(self.terms_, kind="stable")
        self._sorted_terms = self.terms_[self._sorted]
        self._extra = {}

    def _weigh(self, term, doc, count, n_docs, grow):
        """Normalised, pruned (col, doc, weight) triples of counted texts."""
        new_term = np.ones(len(term), bool)  # term is sorted: look each one up once
        new_term[1:] = term[1:] != term[:-1]
        groups = np.cumsum(new_term) - 1
        cols = self.columns(term[new_term], grow=grow)[groups]
        known = cols >= 0
        cols, doc, count = cols[known], doc[known], count[known]
        w = _tf(count.astype(np.float32), self.sublinear_tf) * self.idf_[cols]
        nz = w > 0
        cols, doc, w = cols[nz], doc[nz].astype(np.int64), w[nz]
        norms = np.sqrt(np.bincount(doc, weights=w.astype(np.float64) ** 2, minlength=n_docs))
        w = (w / np.where(norms > 0, norms, 1.0)[doc]).astype(np.float32)
        keep = top_per_row(doc, w, n_docs, self.max_terms)
        return cols[keep], doc[keep], w[keep]

    def _append_blocks(self, pending) -> None:
        """Weigh counted batches into blocks (fitting the latent space on the first)."""
        weighed, rows = [], 0
        while pending and self.latent_dims and self.latent_ is None:
            counted = pending.pop(0)
            weighed.append((self._weigh(*counted, grow=True), counted[3]))
            rows += counted[3]
            if rows >= self.latent_sample or not pending:
                sample = sp.vstack([self._csr(*t, n) for t, n in weighed])[: self.latent_sample]
                if sample.shape[0] < max(4 * self.latent_dims, MIN_LATENT_TEXTS):
                    break  # too few texts for a latent space worth its noise
                self.latent_ = LatentIndex(self.latent_dims, dtype=self.latent_dtype).fit(sample)
        for triples, n in weighed:
            self._store(*triples, n)
        for counted in pending:
            self._store(*self._weigh(*counted, grow=True), counted[3])

    def _csr(self, col, row, w, n_docs) -> sp.csr_matrix:
        m = sp.csr_matrix((w, (row.astype(np.int64), col)), shape=(n_docs, len(self.idf_)))
        m.sort_indices()
        return m

    def _store(self, col, row, w, n_docs) -> None:
        """Add weighed rows; batches gather into blocks of up to ``BLOCK_ROWS`` rows."""
        if self.latent_ is not None:
            self.latent_.add(self._csr(col, row, w, n_docs))
        if self._buf_rows + n_docs > BLOCK_ROWS:
            self._seal()
        # kept packed, 8 bytes an entry: column (32 bits), row in the block (16), float16 weight
        key = col.astype(np.uint64) << np.uint64(32)
        key |= (row.astype(np.uint64) + np.uint64(self._buf_rows)) << np.uint64(16)
        key |= w.astype(np.float16).view(np.uint16)
        self._buf.append(key)
        self._buf_rows += n_docs

    def _seal(self) -> None:
        """Turn the gathered batches into one block, term-major (one sort of packed keys)."""
        if not self._buf_rows:
            return
        key = np.concatenate(self._buf) if len(self._buf) > 1 else self._buf[0]
        self._buf = []
        key.sort()
        col = (key >> np.uint64(32)).astype(np.int32)
        row = (key >> np.uint64(16)).astype(np.uint16)  # the cast keeps the low 16 bits
        w = key.astype(np.uint16).view(np.float16)
        del key
        self.blocks_.append(Block(self._n_rows, self._buf_rows, col, row, w))
        self._n_rows += self._buf_rows
        self._buf, self._buf_rows = [], 0

    def transform(self, texts: list[str], grow: bool = False) -> sp.csr_matrix:
        """Normalised rows for new texts (with ``grow``, unseen words get columns)."""
        term, doc, count = tk.count(texts) if texts else (np.zeros(0, np.uint64),) * 3
        return self._csr(*self._weigh(term, doc, count, len(texts), grow), len(texts))

    @property
    def n_texts(self) -> int:
        return self._n_rows + self.delta_rows

    @property
    def delta_rows(self) -> int:
        return self.delta_.shape[0] + sum(p.shape[0] for p in self._pending)

    @property
    def nbytes(self) -> int:
        latent = self.latent_.nbytes if self.latent_ is not None else 0
        return sum(b.nbytes for b in self.blocks_) + self.terms_.nbytes + self.idf_.nbytes + latent

    @property
    def nnz(self) -> int:
        return sum(len(b.rows) for b in self.blocks_)

    def add(self, texts: list[str]) -> None:
        """Append texts as new rows; they live in the delta until ``compact``."""
        rows = self.transform(texts, grow=True)
        self._pending.append(rows)
        if self.latent_ is not None:
            self.latent_.add(rows)

    def compact(self) -> None:
        """Turn the delta into blocks of the main index."""
        self._flush()
        m = self.delta_
        for a in range(0, m.shape[0], BLOCK_ROWS):
            part = m[a : a + BLOCK_ROWS].tocoo()
            self.blocks_.append(Block(self._n_rows, part.shape[0], part.col, part.row, part.data))
            self._n_rows += part.shape[0]
        self.delta_ = sp.csr_matrix((0, len(self.idf_)), dtype=np.float32)

    def _flush(self) -> None:
        blocks = [self.delta_, *self._pending]
        if self._pending or self.delta_.shape[1] != len(self.idf_):
            for b in blocks:
                b.resize((b.shape[0], len(self.idf_)))
            self.delta_ = sp.vstack(blocks, format="csr")
            self._pending = []

    def query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The request's known terms and their weights, unit norm over all its terms."""
        term, _, count = tk.count([text])
        cols = self.columns(term)
        w = _tf(count.astype(np.float32), self.sublinear_tf)
        known = cols >= 0
        oov = float(((w[~known] * self.oov_idf_) ** 2).sum())
        cols, vals = cols[known], w[known] * self.idf_[cols[known]]
        keep = vals > 0  # stop words count neither in the score nor in the norm
        cols, vals = cols[keep], vals[keep].astype(np.float32)
        norm = np.sqrt(float(vals @ vals) + oov) or 1.0
        order = np.argsort(cols, kind="stable")
        return cols[order], vals[order] / np.float32(norm)

    def scores(self, cols: np.ndarray, vals: np.ndarray, pad: int = 0) -> np.ndarray:
        """Cosine of the request with every text row, as float32 (``pad`` zeros after)."""
        self._flush()
        out = np.zeros(self.n_texts + pad, np.float32)
        if not len(cols):
            return out
        for block in self.blocks_:
            block.accumulate(cols, vals, out)
        if self.delta_.shape[0]:
            out[self._n_rows : self.n_texts] = self.delta_[:, cols] @ vals
        return out

    def weights(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Columns and IDF of token hashes (column -1 and IDF 0 when unknown)."""
        distinct, inv = np.unique(tk.term_ids(hashes), return_inverse=True)
        cols = self.columns(distinct)[inv.ravel()]  # sorted lookups: each starts near the last
        idf = np.where(cols >= 0, self.idf_[np.maximum(cols, 0)], 0.0).astype(np.float32)
        return cols, idf

    def __getstate__(self):
        self._flush()
        return dict(self.__dict__)


def _runs(sorted_terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how many times each occurs."""
    if not len(sorted_terms):
        return sorted_terms, np.zeros(0, np.int64)
    first = np.flatnonzero(np.concatenate([[True], sorted_terms[1:] != sorted_terms[:-1]]))
    return sorted_terms[first], np.diff(np.append(first, len(sorted_terms)))


def _tf(counts: np.ndarray, sublinear: bool) -> np.ndarray:
    return (1.0 + np.log(counts)).astype(np.float32) if sublinear else counts


def _split(texts: list[str]):
    """Runs of at most ``BLOCK_ROWS`` texts and about ``_BLOCK_BYTES`` characters."""
    start, size = 0, 0
    for i, t in enumerate(texts):
        if i > start and (i - start >= BLOCK_ROWS or size + len(t) > _BLOCK_BYTES):
            yield texts[start:i]
            start, size = i, 0
        size += len(t)
    if start < len(texts) or not texts:
        yield texts[start:]
