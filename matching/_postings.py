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
        """Add ``vals`` times the postings of the terms ``cols`` (ascending) to ``out``.

        The postings are copied slice by slice (one per term: a request has tens),
        widened through a table and summed by ``bincount`` in float64, in term
        then row order.
        """
        if not len(self.cols):
            return
        at = np.minimum(np.searchsorted(self.cols, cols), len(self.cols) - 1)
        hit = self.cols[at] == cols
        if not hit.any():
            return
        starts, ends = self.ptr[at[hit]].tolist(), self.ptr[at[hit] + 1].tolist()
        if len(starts) == 1:
            rows, data = self.rows[starts[0] : ends[0]], self.data[starts[0] : ends[0]]
        else:
            rows = np.concatenate([self.rows[a:b] for a, b in zip(starts, ends, strict=True)])
            data = np.concatenate([self.data[a:b] for a, b in zip(starts, ends, strict=True)])
        w = _F16.take(data.view(np.uint16))
        w *= np.repeat(vals[hit], np.subtract(ends, starts))
        out[self.start : self.start + self.n] += np.bincount(
            rows, weights=w, minlength=self.n
        ).astype(np.float32)


# float16 bits -> float32 value: a 256 KB table reads faster than numpy's float16 cast
_F16 = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16).astype(np.float32)


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
