"""The library's inputs and outputs: frozen dataclasses, validated on creation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

# The one definition of these values (the app takes them from here): depths and CEFR
# levels from lowest to highest, since a minimum is compared by position.
DEPTHS = ("working", "experienced", "senior")
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
SIGNALS = ("evaluation", "training", "workload")
CRITERIA = ("text", "themes", "languages", "geography", *SIGNALS)

# Depth 0 and level 0 mean "absent" in the numeric arrays.
DEPTH_RANK = {name: i + 1 for i, name in enumerate(DEPTHS)}
LEVEL_RANK = {name: i + 1 for i, name in enumerate(LEVELS)}
DEFAULT_MIN_LEVEL = "B2"  # a language asked without a level

_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def _set(obj, name, value):
    object.__setattr__(obj, name, value)


def _slug(value: str, what: str) -> str:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(f"{what} {value!r} is not a slug (lowercase letters, digits, '-')")
    return value


def _country(value: str, what: str = "country") -> str:
    if not isinstance(value, str) or not _COUNTRY.match(value.upper()):
        raise ValueError(f"{what} {value!r} is not an ISO 3166 alpha-2 code such as 'CR'")
    return value.upper()


def _language(value: str) -> str:
    if not isinstance(value, str) or not _LANGUAGE.match(value.lower()):
        raise ValueError(f"language {value!r} is not an ISO 639 code such as 'fr'")
    return value.lower()


def _level(value: str, lang: str) -> str:
    if value not in LEVEL_RANK:
        raise ValueError(f"level {value!r} for {lang!r} is not one of {', '.join(LEVELS)}")
    return value


def _depth(value: str, theme: str) -> str:
    if value not in DEPTH_RANK:
        raise ValueError(f"depth {value!r} for theme {theme!r} is not one of {', '.join(DEPTHS)}")
    return value


def _texts(texts) -> tuple[str, ...]:
    if isinstance(texts, str):
        texts = (texts,)
    out = tuple(texts or ())
    if not all(isinstance(t, str) for t in out):
        raise ValueError("texts must be strings")
    return tuple(t for t in out if t.strip())


@dataclass(frozen=True)
class Expert:
    """One roster profile; every field but ``id`` is optional.

    Parameters
    ----------
    id : str
        Stable identifier, returned in matches.
    texts : sequence of str
        Biography, CV, past assignments...; each is compared with the request.
    themes : mapping theme slug -> depth (``working``, ``experienced``, ``senior``)
    languages : mapping ISO 639 code -> CEFR level (``A1``..``C2``) or ``native``
    countries : set of ISO 3166 alpha-2 codes where the expert has worked
    unavailable : sequence of (start, end) dates, both inclusive
    nationality : ISO 3166 alpha-2 code, used for conflict-of-interest exclusion
    regions : set of region slugs of experience, added to those of ``countries``
    signals : mapping among ``evaluation``, ``training``, ``workload`` -> value in [0, 1]
    """

    id: str
    texts: tuple[str, ...] = ()
    themes: Mapping[str, str] = field(default_factory=dict)
    languages: Mapping[str, str] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()
    unavailable: tuple[tuple[date, date], ...] = ()
    nationality: str | None = None
    regions: frozenset[str] = frozenset()
    signals: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id:
            raise ValueError("Expert.id must be a non-empty string")
        _set(self, "texts", _texts(self.texts))
        _set(
            self, "themes", {_slug(t, "theme"): _depth(d, t) for t, d in dict(self.themes).items()}
        )
        langs = {_language(k): v for k, v in dict(self.languages).items()}
        _set(self, "languages", {k: _level(v, k) for k, v in langs.items()})
        _set(self, "countries", frozenset(_country(c) for c in self.countries or ()))
        _set(self, "regions", frozenset(_slug(r, "region") for r in self.regions or ()))
        if self.nationality is not None:
            _set(self, "nationality", _country(self.nationality, "nationality"))
        spans = []
        for span in self.unavailable or ():
            start, end = span
            if not isinstance(start, date) or not isinstance(end, date) or end < start:
                raise ValueError(f"unavailable period {span!r} must be two dates, start <= end")
            spans.append((start, end))
        _set(self, "unavailable", tuple(spans))
        signals = dict(self.signals or {})
        for name, value in signals.items():
            if name not in SIGNALS:
                raise ValueError(f"signal {name!r} is not one of {', '.join(SIGNALS)}")
            if not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"signal {name!r}={value!r} must lie in [0, 1]")
        _set(self, "signals", {k: float(v) for k, v in signals.items()})

    __hash__ = None  # dict fields: equality by value, not hashable


@dataclass(frozen=True)
class Request:
    """What staff ask for; every field is optional and an absent one is neutral.

    Parameters
    ----------
    text : str
        Free description, compared with every text of every expert.
    themes : set of theme slugs, or mapping theme -> minimum depth wanted
    languages : mapping language -> minimum level (a set means level ``B2``)
        Hard requirement unless ``languages_required`` is false; levels above
        the minimum score higher.
    country : ISO 3166 alpha-2 code of the partner country
    region : region slug; defaults to the matcher's region of ``country``
    start, end : dates of the assignment, both inclusive
    min_available : fraction of the request's days the expert must be free
        (1.0: no overlap with unavailability allowed)
    exclude_nationals : drop experts whose nationality is ``country``
    exclude_ids : ids that must not be proposed (conflict of interest...)
    languages_required : whether ``languages`` filter or only score
    """

    text: str = ""
    themes: Mapping[str, str | None] = field(default_factory=dict)
    languages: Mapping[str, str] = field(default_factory=dict)
    country: str | None = None
    region: str | None = None
    start: date | None = None
    end: date | None = None
    min_available: float = 1.0
    exclude_nationals: bool = False
    exclude_ids: frozenset[str] = frozenset()
    languages_required: bool = True

    def __post_init__(self):
        _set(self, "text", self.text or "")
        themes = self.themes or {}
        if not isinstance(themes, Mapping):
            themes = dict.fromkeys(themes)
        _set(
            self,
            "themes",
            {_slug(t, "theme"): (None if d is None else _depth(d, t)) for t, d in themes.items()},
        )
        langs = self.languages or {}
        if not isinstance(langs, Mapping):
            langs = dict.fromkeys(langs, DEFAULT_MIN_LEVEL)
        _set(self, "languages", {_language(k): _level(v, k) for k, v in langs.items()})
        if self.country is not None:
            _set(self, "country", _country(self.country))
        if self.region is not None:
            _slug(self.region, "region")
        if self.end is not None and self.start is None:
            raise ValueError("Request.end needs a start")
        if self.start is not None and self.end is None:
            _set(self, "end", self.start)
        if self.start is not None and self.end < self.start:
            raise ValueError("Request.end is before Request.start")
        if not 0.0 <= self.min_available <= 1.0:
            raise ValueError("Request.min_available must lie in [0, 1]")
        ids = self.exclude_ids
        _set(self, "exclude_ids", frozenset([ids] if isinstance(ids, str) else ids or ()))

    __hash__ = None


@dataclass(frozen=True)
class Evidence:
    """One matched or missing item: a theme, language, country or region.

    ``have`` is the expert's depth or level (or ``"country"``/``"region"``),
    ``want`` the request's minimum, when there is one.
    """

    key: str
    have: str | None = None
    want: str | None = None


@dataclass(frozen=True)
class Passage:
    """A sentence of one of the expert's texts that is close to the request."""

    text_index: int
    text: str
    score: float


@dataclass(frozen=True)
class Reason:
    """How one criterion contributed: ``score`` in [0, 1] times ``weight``."""

    criterion: str
    score: float
    weight: float
    matched: tuple[Evidence, ...] = ()
    missing: tuple[Evidence, ...] = ()
    terms: tuple[str, ...] = ()
    passages: tuple[Passage, ...] = ()
    known: bool = True  # False when the expert's profile lacks this data

    @property
    def contribution(self) -> float:
        return self.score * self.weight


@dataclass(frozen=True)
class Failure:
    """A hard requirement an expert fails: ``language``, ``availability``,
    ``national`` or ``excluded``."""

    requirement: str
    key: str | None = None
    have: str | None = None
    want: str | None = None


@dataclass(frozen=True)
class Match:
    """One ranked expert: absolute ``score`` in [0, 1], ``confidence`` in [0, 1]
    (share of the weighted criteria the profile has data for), structured reasons."""

    expert_id: str
    score: float
    confidence: float
    reasons: tuple[Reason, ...] = ()
    eligible: bool = True
    failures: tuple[Failure, ...] = ()

    def reason(self, criterion: str) -> Reason | None:
        return next((r for r in self.reasons if r.criterion == criterion), None)
