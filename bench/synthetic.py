"""Deterministic synthetic roster: profiles of 200 to 2,000 words with domain vocabulary."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from matching import DEPTHS, LEVELS, Expert, Request

DOMAIN = {
    "asylum": "asylum refugee protection determination reception non-refoulement claim "
    "procedure status resettlement unhcr hearing appeal credibility interview",
    "trafficking": "trafficking victim identification referral exploitation smuggling "
    "prosecution survivor forced labour recruitment traffickers shelter",
    "border-management": "border crossing checkpoint document fraud biometrics passport "
    "visa entry exit surveillance coordinated integrated patrol",
    "labour-migration": "labour workers recruitment ethical employment skills agreement "
    "bilateral wages contract remittances seasonal qualifications",
    "migration-data": "statistics census survey indicators registers dataset estimates "
    "flows stocks disaggregation sampling dashboard",
    "return-reintegration": "return reintegration voluntary assisted counselling "
    "reception livelihood sustainable community readmission",
    "diaspora": "diaspora engagement remittances investment transnational associations "
    "networks philanthropy skills transfer homeland",
    "migration-health": "health screening vaccination epidemic covid clinics psychosocial "
    "care access insurance tuberculosis",
    "environmental-migration": "climate environmental disaster displacement relocation "
    "drought flooding adaptation resilience slow-onset",
    "migrant-children": "children unaccompanied separated minors guardianship best-interests "
    "child-protection education family tracing",
    "integration": "integration legal residence naturalisation language courses inclusion "
    "citizenship permits family-reunification orientation",
}
THEMES = list(DOMAIN)
LANGS = ["en", "fr", "es", "pt", "ru", "ar", "uk", "kk"]
COUNTRIES = [
    "BJ",
    "BR",
    "CR",
    "MX",
    "UA",
    "GE",
    "KZ",
    "MU",
    "MD",
    "SN",
    "NG",
    "GH",
    "KE",
    "ET",
    "TJ",
    "KG",
    "UZ",
    "CO",
    "PE",
    "EC",
    "GT",
    "HN",
    "MA",
    "TN",
    "EG",
    "JO",
    "LB",
    "TR",
    "PH",
    "ID",
    "TH",
    "VN",
    "BD",
    "NP",
    "LK",
    "PK",
    "ZA",
    "ZM",
    "MW",
    "TZ",
]
REGIONS = {
    c: r
    for r, cs in {
        "west-africa": ["BJ", "SN", "NG", "GH"],
        "east-africa": ["KE", "ET", "TZ", "MU"],
        "southern-africa": ["ZA", "ZM", "MW"],
        "latin-america": ["BR", "CR", "MX", "CO", "PE", "EC", "GT", "HN"],
        "eastern-europe": ["UA", "GE", "MD", "TR"],
        "central-asia": ["KZ", "TJ", "KG", "UZ"],
        "mena": ["MA", "TN", "EG", "JO", "LB"],
        "asia": ["PH", "ID", "TH", "VN", "BD", "NP", "LK", "PK"],
    }.items()
    for c in cs
}
N_GENERAL = 60_000
_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "pa", "gu", "zo", "be", "fi"]


def general_vocabulary(rng: np.random.Generator) -> np.ndarray:
    """Pseudo-words with a Zipf distribution: the bulk of any real profile."""
    parts = rng.integers(0, len(_SYLLABLES), size=(N_GENERAL, 4))
    words = [
        "".join(_SYLLABLES[p] for p in row[: 2 + i % 3]) + str(i) for i, row in enumerate(parts)
    ]
    return np.array(words)


@lru_cache(maxsize=1)
def _words() -> tuple[list[str], np.ndarray, dict[str, np.ndarray]]:
    """Shared vocabulary: general words then each theme's words, and the Zipf CDF."""
    general = general_vocabulary(np.random.default_rng(0)).tolist()
    zipf = 1.0 / np.arange(1, N_GENERAL + 1) ** 1.07
    cdf = np.cumsum(zipf / zipf.sum())
    cdf[-1] = 1.0
    words, pools = list(general), {}
    for t, w in DOMAIN.items():
        pools[t] = np.arange(len(words), len(words) + len(w.split()))
        words += w.split()
    # inverse CDF tabulated on 2**20 steps: a draw is one lookup, not a binary search
    table = np.searchsorted(cdf, (np.arange(1 << 20) + 0.5) / (1 << 20)).astype(np.int32)
    return words, table, pools


def expert(i: int, seed: int = 0) -> Expert:
    """Expert ``x{i}``, the same for the same (i, seed): readable again on its own."""
    words, table, pools = _words()
    rng = np.random.default_rng([seed, i])
    themes = rng.permutation(len(THEMES))[: rng.integers(1, 4)]
    total = int(np.exp(rng.uniform(np.log(200), np.log(2000))))
    n_texts = int(rng.integers(1, 5))
    cuts = np.sort(rng.integers(50, total, n_texts - 1)) if n_texts > 1 else []
    sizes = np.diff(np.concatenate([[0], cuts, [total]])).clip(20).astype(np.int64)
    ids = table[rng.integers(0, 1 << 20, int(sizes.sum()))]
    pool = np.concatenate([pools[THEMES[t]] for t in themes])
    texts, start = [], 0
    for size in sizes.tolist():
        k = max(1, int(size * rng.uniform(0.05, 0.15)))
        part = ids[start : start + size]
        part[rng.integers(0, size, k)] = pool[rng.integers(0, len(pool), k)]
        texts.append(" ".join(map(words.__getitem__, part.tolist())))
        start += size
    langs = rng.permutation(len(LANGS))[: rng.integers(1, 4)]
    countries = rng.permutation(len(COUNTRIES))[: rng.integers(0, 5)]
    spans = []
    base = date(2026, 1, 1)
    for _ in range(int(rng.integers(0, 3))):
        first = base + timedelta(days=int(rng.integers(0, 330)))
        spans.append((first, first + timedelta(days=int(rng.integers(3, 40)))))
    return Expert(
        id=f"x{i}",
        texts=texts,
        themes={THEMES[t]: DEPTHS[int(rng.integers(0, 3))] for t in themes},
        languages={LANGS[j]: LEVELS[int(rng.integers(2, 7))] for j in langs},
        countries={COUNTRIES[c] for c in countries},
        nationality=COUNTRIES[int(rng.integers(0, len(COUNTRIES)))],
        unavailable=spans,
        signals={"evaluation": float(rng.uniform(0.4, 1)), "workload": float(rng.uniform())},
    )


def iter_roster(n: int, seed: int = 0):
    """``n`` experts one at a time, never all in memory."""
    return (expert(i, seed) for i in range(n))


def roster(n: int, seed: int = 0) -> list[Expert]:
    """``n`` experts, identical for the same (n, seed)."""
    return list(iter_roster(n, seed))


def texts_of(expert_id: str, seed: int = 0) -> tuple[str, ...]:
    """An expert's texts read again, as an app would from its database."""
    return expert(int(expert_id[1:]), seed).texts


def requests(n: int, seed: int = 1) -> list[Request]:
    """Varied requests: text of 20-80 words, themes, a language, a country, dates."""
    rng = np.random.default_rng(seed)
    general = general_vocabulary(np.random.default_rng(0))
    out = []
    for _ in range(n):
        themes = [
            THEMES[t] for t in rng.choice(len(THEMES), size=rng.integers(1, 3), replace=False)
        ]
        pool = np.concatenate([np.array(DOMAIN[t].split()) for t in themes])
        words = list(pool[rng.integers(0, len(pool), rng.integers(10, 40))])
        words += list(general[rng.integers(0, 3000, rng.integers(10, 40))])
        start = date(2026, 1, 1) + timedelta(days=int(rng.integers(0, 330)))
        out.append(
            Request(
                text=" ".join(words),
                themes=set(themes),
                languages={LANGS[int(rng.integers(0, 3))]: "B2"} if rng.uniform() < 0.5 else {},
                country=COUNTRIES[int(rng.integers(0, len(COUNTRIES)))],
                start=start,
                end=start + timedelta(days=int(rng.integers(2, 20))),
                min_available=0.8,
            )
        )
    return out
