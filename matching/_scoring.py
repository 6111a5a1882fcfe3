"""One request against every expert row at once: criteria, weights, filters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _criteria as cr
from . import _semantic
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
# Weight of the multilingual score in the text blend when all request words are known.
SEMANTIC_SHARE = 0.3


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


@dataclass
class TextScores:
    per_text: np.ndarray  # closeness of each text row, plus a trailing 0 for padding
    per_expert: np.ndarray
    cols: np.ndarray
    vals: np.ndarray


def text_closeness(
    lexical: np.ndarray, latent: np.ndarray | None, semantic: np.ndarray | None, known: float
) -> np.ndarray:
    """Closeness of each text row from its raw cosines, plus a trailing 0 for padding."""
    per_text = lexical_calibrate(lexical)
    if latent is not None:
        share = np.float32(LATENT_SHARE)
        per_text = (1 - share) * per_text + share * latent
    if semantic is not None:  # ``known``: the request's weight the vocabulary knows
        share = SEMANTIC_SHARE + (1.0 - SEMANTIC_SHARE) * (1.0 - known)
        per_text = (1.0 - share) * per_text + share * _semantic.calibrate(semantic)
    return np.append(per_text, np.float32(0))


def criterion_scores(
    p: Profiles, request: Request, active: dict, rows, region: str | None
) -> dict[str, np.ndarray]:
    """Score in [0, 1] of every active criterion for the expert ``rows``."""
    out = {}
    if "themes" in active:
        out["themes"] = theme_matrix(p, request, rows).mean(axis=1)
    if "languages" in active:
        out["languages"] = language_matrix(p, request, rows).mean(axis=1)
    if "geography" in active:
        in_country, in_region = geo_hits(p, request, region)
        out["geography"] = cr.geography_values(in_country[rows], in_region[rows])
    if any(s in active for s in SIGNALS):
        values = cr.signal_values(p.signals[rows])
        for j, name in enumerate(SIGNALS):
            out[name] = values[:, j]
    return out


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


def geo_hits(p: Profiles, request: Request, region: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Per row: experience in (or nationality of) the request's country; in its region."""
    country = p.has_bit(p.country_bits, p.countries.index.get(request.country or ""))
    code = p.countries.index.get(request.country or "", -2)
    country = country | (p.nationality[: p.n] == code)
    region_hit = p.has_bit(p.region_bits, p.region_codes.index.get(region or ""))
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
