"""One request against every expert row at once: criteria, weights, filters."""

from __future__ import annotations

import numpy as np

from . import _criteria as cr
from ._profiles import Profiles, day
from ._types import CRITERIA, SIGNALS, Request

DEFAULT_WEIGHTS = {
    "text": 0.40,
    "themes": 0.25,
    "languages": 0.10,
    "geography": 0.10,
    "evaluation": 0.05,
    "training": 0.05,
    "workload": 0.05,
}
# Cosine of TF-IDF vectors saturates slowly; this maps a close pair (~0.3) near 0.7.
LEXICAL_SCALE = 0.25
# Weight of the latent (LSA) cosine in the text score when all request words are known.
LATENT_SHARE = 0.5


def resolve_weights(base: dict[str, float], override: dict[str, float] | None) -> dict:
    weights = dict(base)
    for name, value in (override or {}).items():
        if name not in CRITERIA:
            raise ValueError(f"unknown criterion {name!r}; expected one of {', '.join(CRITERIA)}")
        if value < 0:
            raise ValueError(f"weight of {name!r} must be >= 0")
        weights[name] = float(value)
    return weights


def active_weights(
    request: Request, weights: dict[str, float], signals_present=SIGNALS
) -> dict[str, float]:
    """Criteria the request specifies, and signals some expert has; weights renormalised."""
    specified = {
        "text": bool(request.text.strip()),
        "themes": bool(request.themes),
        "languages": bool(request.languages),
        "geography": bool(request.country or request.region),
        **{s: s in signals_present for s in SIGNALS},
    }
    active = {c: w for c, w in weights.items() if specified[c] and w > 0}
    total = sum(active.values())
    return {c: w / total for c, w in active.items()} if total else {}


def lexical_calibrate(cos: np.ndarray) -> np.ndarray:
    return (1.0 - np.exp(-cos / LEXICAL_SCALE)).astype(np.float32)


def text_closeness(
    lexical: np.ndarray, latent, semantic: np.ndarray | None, known: float
) -> np.ndarray:
    """Closeness of each text row from its raw cosines, plus a trailing 0 for padding.

    Increasing in each cosine, elementwise: a text's figure is its own (the
    pruned ranking bounds it by passing a larger cosine, or 1 for ``latent``).
    """
    per_text = lexical_calibrate(lexical)
    if latent is not None:
        share = np.float32(LATENT_SHARE)
        per_text = (1 - share) * per_text + share * latent
    if semantic is not None:  # (closeness, share) per row: ``_semantic.SemanticIndex.query``
        close, share = semantic
        per_text = (1.0 - share) * per_text + share * close
    return np.append(per_text, np.float32(0))


def criterion_scores(
    p: Profiles, request: Request, active: dict, rows, region: str | None
) -> dict[str, np.ndarray]:
    """Score in [0, 1] of every active criterion for the expert ``rows``."""
    out = {}
    if "themes" in active:
        cols = [p.themes.index.get(t, -1) for t in request.themes]
        want = np.array([cr.depth_rank(d) for d in request.themes.values()], np.int8)
        table = cr.theme_values(np.arange(len(cr.DEPTH_VALUE), dtype=np.int8)[:, None], want)
        out["themes"] = _column_mean(p.depth, rows, cols, table)
    if "languages" in active:
        cols = [p.langs.index.get(lang, -1) for lang in request.languages]
        want = np.array([cr.level_rank(v) for v in request.languages.values()], np.int8)
        table = cr.language_values(np.arange(cr.TOP_LEVEL + 1, dtype=np.int8)[:, None], want)
        out["languages"] = _column_mean(p.level, rows, cols, table)
    if "geography" in active:
        out["geography"] = cr.geography_values(*geo_hits(p, request, region, rows))
    if any(s in active for s in SIGNALS):
        values = p.signal_values()
        for j, name in enumerate(SIGNALS):
            out[name] = values[j, rows]
    return out


def _column_mean(a: np.ndarray, rows, cols: list[int], table: np.ndarray) -> np.ndarray:
    """Mean over requested columns j of ``table[a[row, cols[j]], j]`` (unknown column: 0).

    The value of one (depth or level, request column) pair is looked up in a
    small table, a column at a time; the sum runs in the order of numpy's own
    row-wise mean, so the figures are the same to the last bit.
    """
    values = []
    for j, c in enumerate(cols):
        codes = a[:, max(c, 0)][rows]
        values.append(table[:, j].take(codes if c >= 0 else np.zeros_like(codes)))
    if len(values) >= 8:  # numpy sums eight or more in another order: use it
        return np.stack(values, axis=1).mean(axis=1)
    total = values[0].copy()
    for v in values[1:]:
        total += v
    return total / np.float32(len(values))


def theme_matrix(p: Profiles, request: Request, rows) -> np.ndarray:
    cols = [p.themes.index.get(t, -1) for t in request.themes]
    depth = _take(p.depth, rows, cols)
    want = np.array([cr.depth_rank(d) for d in request.themes.values()], np.int8)
    return cr.theme_values(depth, want)


def language_matrix(p: Profiles, request: Request, rows) -> np.ndarray:
    cols = [p.langs.index.get(lang, -1) for lang in request.languages]
    level = _take(p.level, rows, cols)
    want = np.array([cr.level_rank(v) for v in request.languages.values()], np.int8)
    return cr.language_values(level, want)


def _take(a: np.ndarray, rows, cols: list[int]) -> np.ndarray:
    """Columns of ``a`` for ``rows``; an unknown column (-1) reads as absent."""
    sub = a[rows][:, [max(c, 0) for c in cols]] if cols else a[rows][:, :0]
    missing = [i for i, c in enumerate(cols) if c < 0]
    if missing:
        sub = sub.copy()
        sub[:, missing] = 0
    return sub


def request_region(request: Request, regions: dict[str, str]) -> str | None:
    """The request's region, or the region of its country."""
    return request.region or regions.get(request.country or "")


def geo_hits(
    p: Profiles, request: Request, region: str | None, rows=None
) -> tuple[np.ndarray, np.ndarray]:
    """Per row (of ``rows``, all when None): experience in (or nationality of) the request's
    country; in its region."""
    rows = slice(0, p.n) if rows is None else rows
    country = p.has_bit(p.country_bits, p.countries.index.get(request.country or ""), rows)
    code = p.countries.index.get(request.country or "", -2)
    country = country | (p.nationality[: p.n][rows] == code)
    region_hit = p.has_bit(p.region_bits, p.region_codes.index.get(region or ""), rows)
    return country, region_hit


def has_data(p: Profiles, rows) -> dict[str, np.ndarray]:
    """Which criteria each expert's profile carries data for."""
    out = {
        "text": p.n_texts[rows] > 0,
        "themes": (p.depth[rows] > 0).any(axis=1),
        "languages": (p.level[rows] > 0).any(axis=1),
        "geography": (p.country_bits[rows] > 0).any(axis=1) | (p.region_bits[rows] > 0).any(axis=1),
    }
    known = ~np.isnan(p.signals[rows])
    for j, name in enumerate(SIGNALS):
        out[name] = known[:, j]
    return out


def eligible(p: Profiles, request: Request, excluded: list[int]) -> np.ndarray:
    """Hard requirements as one mask over all rows; ``excluded``: rows of ``exclude_ids``."""
    ok = p.alive[: p.n].copy()
    ok[excluded] = False
    if request.exclude_nationals and request.country:
        code = p.countries.index.get(request.country)
        if code is not None:
            ok &= p.nationality[: p.n] != code
    if request.languages and request.languages_required:
        level = language_levels(p, request, slice(0, p.n))
        want = np.array([cr.level_rank(v) for v in request.languages.values()], np.int8)
        ok &= (level >= want).all(axis=1)
    if request.start is not None and p.n_un:
        ok &= available_share(p, request) >= request.min_available - 1e-9
    return ok


def language_levels(p: Profiles, request: Request, rows) -> np.ndarray:
    return _take(p.level, rows, [p.langs.index.get(lang, -1) for lang in request.languages])


def available_share(p: Profiles, request: Request) -> np.ndarray:
    start, end = day(request.start), day(request.end)
    k = p.n_un
    busy = cr.overlap_days(p.un_start[:k], p.un_end[:k], p.un_owner[:k], p.n, start, end)
    return 1.0 - busy / (end - start + 1)
