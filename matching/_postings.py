"""Term-major postings of a block of text rows, and the pruning of each row's terms."""

from __future__ import annotations

import numpy as np


class Block:
    """Term-major rows ``[start, start + n)``: postings per term column."""

    __slots__ = ("cols", "data", "n", "ptr", "rows", "start")

    def __init__(self, start, n, col, row, weight):
        if len(col) > 1 and (col[1:] < col[:-1]).any():  # sorted unless from ``compact``
            order = np.argsort(col, kind="stable")
            col, row, weight = col[order], row[order], weight[order]
        self.start, self.n = start, n
        first = np.flatnonzero(np.concatenate([[True], col[1:] != col[:-1]])) if len(col) else []
        self.cols = np.asarray(col[first], np.int32)
        self.ptr = np.append(first, len(col)).astype(np.int32)  # < 2**31 entries a block
        self.rows = row.astype(np.uint16, copy=False)
        self.data = weight.astype(np.float16, copy=False)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.cols, self.ptr, self.rows, self.data))

    def accumulate(self, cols: np.ndarray, vals: np.ndarray, out: np.ndarray) -> None:
        at = np.searchsorted(self.cols, cols.astype(np.int32))
        at = np.minimum(at, len(self.cols) - 1)
        hit = self.cols[at] == cols if len(self.cols) else np.zeros(len(cols), bool)
        a, b = self.ptr[at[hit]].astype(np.int64), self.ptr[at[hit] + 1].astype(np.int64)
        lengths = b - a
        total = int(lengths.sum())
        if not total:
            return
        offsets = np.repeat(a - np.cumsum(lengths) + lengths, lengths)
        pos = offsets + np.arange(total)
        w = self.data[pos].astype(np.float32) * np.repeat(vals[hit], lengths)
        out[self.start : self.start + self.n] += np.bincount(
            self.rows[pos], weights=w, minlength=self.n
        ).astype(np.float32)


def top_per_row(row: np.ndarray, w: np.ndarray, n_rows: int, keep: int | None) -> np.ndarray:
    """Mask of each row's ``keep`` largest weights (static index pruning).

    Not renormalised: the kept weights still approximate the cosine from below.
    """
    lengths = np.bincount(row, minlength=n_rows)
    if keep is None or lengths.max(initial=0) <= keep:
        return np.ones(len(row), bool)
    long = np.flatnonzero(lengths[row] > keep)  # only rows that need cutting
    # one uint64 key sorts fast: row (16 bits), descending weight (20), position (28)
    q = np.round((1.0 - np.clip(w[long], 0, 1)) * ((1 << 20) - 1)).astype(np.uint64)
    key = (row[long].astype(np.uint64) << np.uint64(48)) | (q << np.uint64(28))
    key |= np.arange(len(long), dtype=np.uint64)
    key.sort()
    pos = (key & np.uint64((1 << 28) - 1)).astype(np.int64)
    sorted_row = (key >> np.uint64(48)).astype(np.int64)
    first = np.flatnonzero(np.diff(sorted_row, prepend=-1))
    rank = np.arange(len(key)) - np.repeat(first, np.diff(np.append(first, len(key))))
    mask = np.ones(len(row), bool)
    mask[long[pos[rank >= keep]]] = False
    return mask
