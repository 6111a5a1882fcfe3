"""The Matcher: fit on a roster, rank requests, stay current with update/remove."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import numpy as np

from . import _language, _semantic
from . import _reasons as rs
from . import _scoring as sc
from . import _team as tm
from . import _topk as topk
from ._profiles import Profiles
from ._store import ExpertStore, chunks, flatten
from ._team import Team
from ._text import LexicalIndex
from ._textquery import TextQuery
from ._types import Expert, Match, Request


class NotFittedError(RuntimeError):
    """A method that needs ``fit`` was called before it."""


class Matcher:
    """Rank experts against a request with absolute, explained scores.

    Parameters
    ----------
    regions : mapping ISO country code -> region slug, optional
        Lets a request's country match experts with experience in the same region.
    weights : mapping criterion -> weight, optional
        Overrides of ``DEFAULT_WEIGHTS``; a per-call ``weights`` overrides again.
        Criteria: text, themes, languages, geography, evaluation, training, workload.
    top_texts : int, default 3
        The text score of an expert is the mean of its ``top_texts`` closest texts.
    semantic : {"auto", True, False}, default "auto"
        Blend the text models of the ``semantic`` extra in when it is installed: an
        English sentence encoder for English pairs, a multilingual one across
        languages (``_semantic``). With ``encode="fit"``, "auto" skips them above
        ``semantic_max_texts`` texts (encoding costs 30-700 ms a text).
    semantic_max_texts : int, default 20000
    encode : {"fit", "later"}, default "fit"
        "fit": ``fit`` and ``update`` encode the texts they add. "later": they encode
        nothing; texts without vectors are judged on their words until the caller
        gives them (``pending_texts``, ``encode_texts``, ``add_vectors``), so an
        application can encode in the background and store the vectors.
    max_terms : int or None, default 256
        Terms kept per text in the index (largest TF-IDF weights).
    max_df : float, default 0.5
        Terms in more than this share of texts are treated as stop words.
    compact_ratio : float, default 0.05
        ``update`` merges its delta into the main index once it holds this share
        of the rows.
    latent_dims : int, default 32
        Dimensions of the latent (LSA) text space fitted on the roster and blended
        with the lexical score, so texts in other words of the roster's vocabulary
        still meet; 0 turns it off.
    latent_dtype : {"float32", "float16"}, default "float32"
        Storage of the latent vectors; float16 halves their memory (for a
        million profiles) at some scoring time.
    keep_texts : bool, default True
        Keep the Expert objects for the reasons. False keeps nothing per expert
        but the structured arrays (for very large rosters): reasons read
        themes, languages and places back from them, and show terms and
        passages only for texts passed again to ``rank(..., texts=...)``.
    idf_sample : int, default 100000
        Texts from which IDF and stop words are estimated (all of them below
        this); later texts are weighted with those figures.
    chunk_size : int, default 20000
        Experts read at a time during ``fit``: an iterator is never held whole.

    Notes
    -----
    The score is the weighted mean of the active criteria, renormalised over
    them. A criterion the request does not specify (no text, no themes...) is
    inactive: it counts neither for nor against anyone. A profile that lacks
    data for an active criterion scores 0 on it (no theme means no theme match)
    and its ``confidence``, the weight share of criteria it has data for, drops.

    Signals (evaluation, training, workload) are active when their weight is
    positive and at least one indexed expert carries that signal. An expert
    without the signal takes ``SIGNAL_PRIOR`` (0.5), a fixed neutral value, so
    a newcomer with no evaluation yet ranks below a good evaluation and above
    a poor one, and its confidence drops. Evaluation and training count as
    given; workload is for fair rotation: the score is ``1 - workload``. (So the
    first expert indexed with a signal switches that criterion on for everyone;
    a roster that records no evaluations has its scores undiluted by it.)

    Text: each text is compared with the request by TF-IDF cosine (mapped to
    [0, 1] by a fixed curve) blended with the cosine in a latent (LSA) space of
    the roster; an expert's text score is the mean of its ``top_texts`` best.
    ``fit`` reads the experts once in chunks of ``chunk_size`` and tokenises
    each chunk at once with numpy (``_tokens``): 100k profiles of 200
    to 2,000 words fit in about 25-40 s of one core, 1M in ten times that.

    Examples
    --------
    >>> m = Matcher().fit([Expert(id="e1", texts=["asylum procedures"])])
    >>> m.rank(Request(text="asylum"), k=1)[0].expert_id
    'e1'
    """

    def __init__(
        self,
        *,
        regions=None,
        weights=None,
        top_texts=3,
        semantic="auto",
        semantic_max_texts=20_000,
        encode="fit",
        max_terms=256,
        max_df=0.5,
        compact_ratio=0.05,
        latent_dims=32,
        latent_dtype="float32",
        keep_texts=True,
        idf_sample=100_000,
        chunk_size=20_000,
    ):
        self.regions = dict(regions or {})
        self.weights = weights
        self.top_texts = top_texts
        self.semantic = semantic
        self.semantic_max_texts = semantic_max_texts
        self.encode = encode
        self.max_terms = max_terms
        self.max_df = max_df
        self.compact_ratio = compact_ratio
        self.latent_dims = latent_dims
        self.latent_dtype = latent_dtype
        self.keep_texts = keep_texts
        self.idf_sample = idf_sample
        self.chunk_size = chunk_size

    def fit(self, experts) -> Matcher:
        """Index ``experts`` (an iterable of Expert, read once in chunks); returns self."""
        self.weights_ = sc.resolve_weights(sc.DEFAULT_WEIGHTS, self.weights)
        if self.semantic is True and not _semantic.available():
            raise ImportError("semantic=True needs: pip install -e '.[semantic]'")
        want_semantic = self.semantic is True or (self.semantic == "auto" and _semantic.available())
        self.profiles_ = Profiles(self.regions)
        self._row = {}
        self._ids = []
        self.experts_ = ExpertStore(self.keep_texts, self.profiles_, self._ids)
        all_texts: list[str] | None = [] if want_semantic else None
        self.languages_ = _language.Coverage()

        def batches():
            nonlocal all_texts
            start = 0
            for chunk in chunks(experts, self.chunk_size):
                for e in chunk:
                    if e.id in self._row:
                        raise ValueError(f"duplicate expert id {e.id!r}")
                    self._row[e.id] = len(self._ids)
                    self._ids.append(e.id)
                    self.experts_.append(e)
                texts, text_rows = flatten(chunk, start)
                start += len(texts)
                self.profiles_.append(chunk, text_rows)
                self.languages_.add(texts)
                if all_texts is not None:
                    all_texts.extend(texts)
                    too_many = len(all_texts) > self.semantic_max_texts
                    if self.semantic == "auto" and self.encode == "fit" and too_many:
                        all_texts = None
                yield texts

        self.lexical_ = LexicalIndex(
            max_df=self.max_df,
            max_terms=self.max_terms,
            idf_sample=self.idf_sample,
            latent_dims=self.latent_dims,
            latent_dtype=np.dtype(self.latent_dtype),
        ).fit_batches(batches())
        self.semantic_ = None
        if all_texts is not None:
            index = _semantic.SemanticIndex(encode=self.encode == "fit")
            self.semantic_ = index.fit(all_texts)
        return self

    def _check(self):
        if not hasattr(self, "profiles_"):
            raise NotFittedError("this Matcher is not fitted yet: call fit(experts) first")

    @property
    def ids_(self) -> list[str]:
        """Ids of the experts currently indexed."""
        self._check()
        return list(self._row)

    def __len__(self) -> int:
        self._check()
        return len(self._row)

    def __contains__(self, expert_id) -> bool:
        return expert_id in getattr(self, "_row", {})

    def update(self, expert: Expert) -> None:
        """Add or replace one expert; visible in the next rank, no refit."""
        self._check()
        if not isinstance(expert, Expert):
            raise TypeError(f"expected Expert, got {type(expert).__name__}")
        old = self._row.pop(expert.id, None)
        if old is not None:
            self.profiles_.kill(old)
        start = self.lexical_.n_texts
        texts, text_rows = flatten([expert], start)
        self.lexical_.add(texts)
        if hasattr(self, "languages_"):
            self.languages_.add(texts, always=True)
        if self.semantic_ is not None:
            self.semantic_.add(texts)
        (row,) = self.profiles_.append([expert], text_rows).tolist()
        self.experts_.append(expert)
        self._ids.append(expert.id)
        self._row[expert.id] = row
        if self.lexical_.delta_rows > self.compact_ratio * max(self.lexical_.n_texts, 1000):
            self.compact()

    def remove(self, expert_id: str) -> None:
        """Drop an expert from every later ranking."""
        self._check()
        row = self._row.pop(expert_id, None)
        if row is None:
            raise KeyError(f"no expert with id {expert_id!r}")
        self.profiles_.kill(row)

    def compact(self) -> None:
        """Merge updates into the main text index (``update`` calls it as needed)."""
        self._check()
        self.lexical_.compact()

    def rank(self, request: Request, k: int | None = 10, *, weights=None, reasons=True, texts=None):
        """Eligible experts for ``request``, best first.

        Parameters
        ----------
        request : Request
        k : int or None, default 10
            How many to return; None returns every eligible expert.
        weights : mapping criterion -> weight, optional
            Overrides for this call only.
        reasons : bool, default True
            Build the reasons of the returned matches.
        texts : mapping or callable expert id -> texts, optional
            The returned experts' texts, for the terms and passages of a matcher
            fitted with ``keep_texts=False`` (read only for those experts).

        Returns
        -------
        list of Match
            Scores are absolute in [0, 1], non-increasing; ties keep roster order.
        """
        self._check()
        if k is not None and k < 0:
            raise ValueError("k must be >= 0 or None")
        active = self._active(request, weights)
        rows = np.flatnonzero(self._eligible(request))
        text = self._text_query(request) if "text" in active else None
        rows = topk.select(
            self.profiles_, request, active, rows, k, text, self.regions, self.top_texts
        )
        return self._matches(request, rows, active, text, reasons, texts)

    def count_eligible(self, request: Request) -> int:
        """How many experts pass the request's hard requirements (``rank(k=None)``'s length),
        without scoring anyone."""
        self._check()
        return int(self._eligible(request).sum())

    def explain(self, request: Request, expert_id: str, *, weights=None, texts=None) -> Match:
        """The match of one expert, with the hard requirements it fails if any."""
        self._check()
        row = self._row.get(expert_id)
        if row is None:
            raise KeyError(f"no expert with id {expert_id!r}")
        active = self._active(request, weights)
        text = self._text_query(request) if "text" in active else None
        (match,) = self._matches(request, np.array([row]), active, text, True, texts)
        p = self.profiles_
        dated = request.start is not None and p.n_un  # as ``_eligible`` reads availability
        available = float(sc.available_share(p, request)[row]) if dated else None
        failed = rs.failures(request, self.experts_[row], available)
        return Match(match.expert_id, match.score, match.confidence, match.reasons,
                     eligible=not failed, failures=failed)  # fmt: skip

    def suggest_team(self, request: Request, size: int = 3, *, pool: int = 50, weights=None):
        """Experts who together cover the request's themes and languages.

        Language minimums apply to the team, not to each member; other hard
        requirements still filter. Returns a ``Team`` with the coverage explained.
        """
        self._check()
        relaxed = replace(request, languages_required=False)
        candidates = self.rank(relaxed, k=pool, weights=weights, reasons=False)
        rows = np.array([self._row[m.expert_id] for m in candidates], np.int64)
        scores = np.array([m.score for m in candidates], np.float32)
        cover = tm.coverage_matrix(self.profiles_, request, rows)
        chosen, owner, have = tm.greedy_team(scores, cover, size)
        owners = [None if i < 0 else self.experts_[int(rows[i])] for i in owner.tolist()]
        active = self._active(request, weights)
        text = self._text_query(request) if "text" in active else None
        members = self._matches(request, rows[chosen], active, text, True)
        return Team(tuple(members), *tm.coverage(request, owners, have))

    def _eligible(self, request):
        excluded = [self._row[i] for i in request.exclude_ids if i in self._row]
        return sc.eligible(self.profiles_, request, excluded)

    def _active(self, request, weights):
        present = self.profiles_.signals_present()
        return sc.active_weights(request, sc.resolve_weights(self.weights_, weights), present)

    def _text_query(self, request):
        text = TextQuery(self.lexical_, self.semantic_, request.text)
        text.language, text.uncovered = self._language(request.text)
        return text

    def _language(self, text: str) -> tuple[str | None, bool]:
        """The request's language, and whether no text of the roster is written in it."""
        lang = _language.detect(text)
        if lang is None:
            return None, False
        if self.semantic_ is not None:
            return lang, not self.semantic_.languages()[lang]
        seen = getattr(self, "languages_", None)
        return lang, seen is not None and seen.covers(lang) is False

    def pending_texts(self, limit: int | None = None) -> list[str]:
        """Texts of the index still waiting for their text-model vectors (``encode="later"``)."""
        self._check()
        return [] if self.semantic_ is None else self.semantic_.pending(limit)

    def add_vectors(self, vectors) -> int:
        """Attach ``{text_key(text): {model version: array}}`` (from ``encode_texts`` or a
        store) to the texts they belong to; returns how many text rows got vectors."""
        self._check()
        return 0 if self.semantic_ is None else self.semantic_.attach(vectors)

    def encode_pending(self, progress=None) -> int:
        """Encode the pending texts here and now (``encode="later"``); returns how many."""
        self._check()
        return 0 if self.semantic_ is None else self.semantic_.encode_pending(progress)

    def _matches(self, request, rows, active, text, with_reasons, texts=None):
        """Matches of expert ``rows`` in this order, their figures computed for them alone."""
        p = self.profiles_
        region = sc.request_region(request, self.regions)
        parts = sc.criterion_scores(p, request, active, rows, region)
        per_text = []
        if text is not None:
            parts["text"], closeness, local = text.experts(
                p.slots[rows], p.n_texts[rows], self.top_texts
            )
            per_text = [closeness[local[i, : p.n_texts[r]]] for i, r in enumerate(rows.tolist())]
        total = np.zeros(len(rows), np.float32)
        for criterion, w in active.items():
            total += np.float32(w) * parts[criterion]
        total = np.clip(total, 0.0, 1.0)
        known = sc.has_data(p, rows)
        conf = np.zeros(len(rows), np.float32)
        for criterion, w in active.items():
            conf += np.float32(w) * known[criterion]
        if with_reasons:
            experts = [self.experts_[r] for r in rows.tolist()]
            best = judges = None
            if text is not None:
                best = rs.best_texts(experts, per_text, self.lexical_, texts)
                if text.semantic is not None:
                    judged = text.semantic.judge
                    judges = [judged[p.slots[r, : p.n_texts[r]]] for r in rows.tolist()]
            reasons = rs.build(
                request, experts, parts, active, known, self.regions, text, best, judges
            )
        else:
            reasons = [()] * len(rows)
        ids = [self._ids[r] for r in rows.tolist()]
        return [
            Match(i, float(s), float(c) if active else 0.0, r)
            for i, s, c, r in zip(ids, total.tolist(), conf.tolist(), reasons, strict=True)
        ]

    def save(self, path) -> None:
        """Write the fitted matcher to ``path`` (pickle: load only trusted files)."""
        self._check()
        with Path(path).open("wb") as f:
            pickle.dump(self, f, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path) -> Matcher:
        """Read a matcher written by ``save``."""
        with Path(path).open("rb") as f:
            obj = pickle.load(f)  # noqa: S301  (our own files, trusted only)  # nosec B301
        if not isinstance(obj, cls):
            raise TypeError(f"{path} does not hold a Matcher")
        return obj
