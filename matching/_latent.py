"""Latent semantic text scores: TruncatedSVD of the roster's TF-IDF rows (LSA).

Fitted at ``fit`` on a sample of the text rows; every text (and later update)
is projected on the same components, stored as float32 unit vectors (4 bytes x
dims a text), or float16 for very large rosters (half the memory, about twice
the scoring time). A request
is projected the same way; its cosine with a text reaches texts that say the
same thing in other words of the roster's vocabulary.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


class LatentIndex:
    """Unit LSA vectors of every text row, appended in row order."""

    def __init__(self, dims: int = 64, seed: int = 0, dtype=np.float32):
        self.dims = dims
        self.seed = seed
        self.dtype = dtype

    def fit(self, sample: sp.csr_matrix) -> LatentIndex:
        dims = max(1, min(self.dims, sample.shape[0] - 1, sample.shape[1] - 1))
        if sample.shape[0] < 3 or sample.shape[1] < 3:
            self.components_ = np.zeros((0, sample.shape[1]), np.float32)
        else:
            from sklearn.decomposition import TruncatedSVD  # slow import, only when fitting

            svd = TruncatedSVD(dims, algorithm="randomized", n_iter=4, random_state=self.seed)
            self.components_ = svd.fit(sample).components_.astype(np.float32)
        self._parts: list[np.ndarray] = []  # row vectors in order, merged when small
        return self

    def project(self, rows: sp.csr_matrix) -> np.ndarray:
        """Unit latent vectors of TF-IDF rows (columns beyond the fit count 0)."""
        width = self.components_.shape[1]
        if rows.shape[1] > width:
            rows = rows[:, :width]
        elif rows.shape[1] < width:
            rows = sp.csr_matrix(rows)
            rows.resize((rows.shape[0], width))
        z = np.asarray(rows @ self.components_.T, np.float32)
        norms = np.linalg.norm(z, axis=1, keepdims=True)
        return z / np.where(norms > 0, norms, 1.0)

    def add(self, rows: sp.csr_matrix) -> None:
        """Append the vectors of new rows (an update costs its own rows, not a copy)."""
        self._parts.append(self.project(rows).astype(self.dtype))
        if len(self._parts) > 1 and len(self._parts[-2]) < 4096:  # merge small tails only
            self._parts[-2:] = [np.concatenate(self._parts[-2:])]

    @property
    def nbytes(self) -> int:
        return self.components_.nbytes + sum(p.nbytes for p in self._parts)

    @property
    def n_rows(self) -> int:
        return sum(len(p) for p in self._parts)

    def request(self, cols: np.ndarray, vals: np.ndarray) -> np.ndarray | None:
        """The request's unit latent vector, or None when it has none (no cosine to give)."""
        inside = cols < self.components_.shape[1]
        z = self.components_[:, cols[inside]] @ vals[inside]
        n = float(np.linalg.norm(z))
        return (z / n).astype(np.float32) if n > 0 and self.n_rows else None

    def scores(self, cols: np.ndarray, vals: np.ndarray) -> np.ndarray:
        """Cosine (clipped at 0) of the request with every text row."""
        z = self.request(cols, vals)
        return np.zeros(self.n_rows, np.float32) if z is None else self.cosines(z)

    def cosines(self, z: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Cosine (clipped at 0) of the unit vector ``z`` with text ``rows`` (all when None).

        A row's figure depends on that row only (one dot product each, in the
        same order), so scoring a few rows gives exactly what a full pass gives.
        """
        if rows is None:
            out = np.empty(self.n_rows, np.float32)
            start = 0
            for vecs in self._parts:
                for a in range(0, len(vecs), 1 << 16):  # float16 is widened a slice at a time
                    part = vecs[a : a + (1 << 16)]
                    out[start + a : start + a + len(part)] = _dot(part, z)
                start += len(vecs)
        else:
            out = _dot(self._gather(np.asarray(rows, np.int64)), z)
        return np.clip(out, 0.0, 1.0, out=out)

    def _gather(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of text ``rows``, from whichever parts hold them."""
        if len(self._parts) == 1:
            return self._parts[0][rows]
        starts = np.cumsum([0] + [len(p) for p in self._parts])
        order = np.argsort(rows, kind="stable")
        ranked = rows[order]
        cut = np.searchsorted(ranked, starts).tolist()  # each part's run of the sorted rows
        out = np.empty((len(rows), self.components_.shape[0]), self._parts[0].dtype)
        for i, vecs in enumerate(self._parts):
            if cut[i] < cut[i + 1]:
                out[order[cut[i] : cut[i + 1]]] = vecs[ranked[cut[i] : cut[i + 1]] - starts[i]]
        return out


def _dot(vecs: np.ndarray, z: np.ndarray) -> np.ndarray:
    """One float32 dot product per row: einsum's loop, row by row whatever the batch."""
    return np.einsum("ij,j->i", vecs.astype(np.float32, copy=False), z)
