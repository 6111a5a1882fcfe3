"""The bridge to the matching library (the only module of roster that imports it): the
library's Expert and Request built from the database, and the index that stays current
(roster/actions/match_index.py explains how) used to rank, explain and suggest a team.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from hashlib import sha256
from pathlib import Path

from flask import current_app

import matching
from roster.actions import match_data as data
from roster.actions.match_index import RosterIndex
from roster.actions.signals import matcher_signals
from roster.extensions import db

CRITERIA = matching.CRITERIA
SIGNALS = matching.SIGNALS
LEVELS = matching.LEVELS
DEFAULT_WEIGHTS = dict(matching.DEFAULT_WEIGHTS)
# An online activity leans on the digital toolkit: its training signal counts this much more.
ONLINE_TRAINING_BOOST = 3.0


def to_expert(profile: data.Profile, signals: dict | None = None) -> matching.Expert:
    """The library's Expert for one profile, with the signals it has."""
    kept = {}
    for name in SIGNALS:
        value = (signals or {}).get(name)
        if value is not None:
            kept[name] = min(max(float(value), 0.0), 1.0)
    return matching.Expert(
        id=str(profile.id),
        texts=tuple(profile.texts),
        themes=profile.themes,
        languages=profile.languages,
        countries=frozenset(profile.countries),
        unavailable=tuple(profile.unavailable),
        nationality=profile.nationality,
        signals=kept,
    )


@dataclass
class Query:
    """What staff ask for, in plain values (the views and the API fill it)."""

    text: str = ""
    themes: list[str] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    start: date | None = None
    end: date | None = None
    partial: bool = False
    exclude_nationals: bool = False
    weights: dict[str, float] = field(default_factory=dict)

    def request(self) -> matching.Request:
        return matching.Request(
            text=self.text,
            themes=list(self.themes),
            languages=dict(self.languages),
            country=self.country,
            start=self.start,
            end=self.end if self.start else None,
            # Partial overlap: free on at least half of the days asked for.
            min_available=0.5 if self.partial else 1.0,
            exclude_nationals=self.exclude_nationals,
        )


def action_text(action, activity=None) -> str:
    """Title, summary and the partner's request text: what the request is about."""
    parts = [action.title, action.summary or ""]
    parts += [r.text or "" for r in action.requests]
    if activity is not None:
        parts += [activity.title, activity.notes or ""]
    # The Action's summary is often the request's text copied: count each text once.
    return "\n".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def action_query(action, activity=None, min_level: str = "B2") -> Query:
    """The default request of an Action (or one of its activities)."""
    start, end = (action.start_on, action.end_on or action.start_on)
    weights = {}
    if activity is not None:
        start, end = activity.start_on, activity.last_day
        if activity.format.value in ("online", "hybrid"):
            weights["training"] = DEFAULT_WEIGHTS["training"] * ONLINE_TRAINING_BOOST
    return Query(
        text=action_text(action, activity),
        themes=[t.slug for t in action.themes],
        languages=dict.fromkeys(action.languages or [], min_level),
        country=action.country_code,
        start=start,
        end=end,
        # An Action runs for months while an expert works some days of it.
        partial=activity is None,
        weights=weights,
    )


def _fingerprint() -> str:
    """A digest of the library's source: a saved index of another version is not loaded."""
    digest = sha256()
    for path in sorted(Path(matching.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


class Library:
    """What the index needs from the matching library and the signals, in one place."""

    def __init__(self, semantic):
        self.semantic = semantic
        self.fingerprint = f"{_fingerprint()}:{semantic}"

    def fit(self, experts, regions: dict[str, str]) -> matching.Matcher:
        return matching.Matcher(regions=regions, semantic=self.semantic).fit(experts)

    def load(self, path) -> matching.Matcher:
        return matching.Matcher.load(path)

    to_expert = staticmethod(to_expert)

    def signals(self) -> dict[int, dict]:
        return {
            i: {k: v for k, v in s.items() if k in SIGNALS and v is not None}
            for i, s in matcher_signals().items()
        }


_create_lock = threading.Lock()


def roster_index() -> RosterIndex:
    """The current app's index (one per app and process, created on first use)."""
    app = current_app._get_current_object()
    with _create_lock:
        found = app.extensions.get("roster_index")
        if found is None:
            directory = app.config.get("MATCH_INDEX_DIR") or app.config.get("INSTANCE_DIR")
            # "auto" would encode every text with the multilingual model if installed: opt in.
            semantic = app.config.get("MATCH_SEMANTIC", False)
            found = RosterIndex(
                Library(semantic if semantic in (True, "auto") else False),
                Path(directory) if directory else None,
                float(app.config.get("MATCH_SIGNALS_TTL", 300)),
                str(db.engine.url),
            )
            app.extensions["roster_index"] = found
    return found


@dataclass
class Ranking:
    """The first `k` matches (best first, with reasons) and how many experts are eligible."""

    matches: list
    eligible: int
    indexed: int


def rank(query: Query, k: int = 20) -> Ranking:
    """Rank the roster for the query: top `k` with reasons, plus the eligible count."""
    req = query.request()
    weights = query.weights or None
    with roster_index().use() as matcher:
        top = matcher.rank(req, k=k, weights=weights)
        # Counted from the hard requirements alone: ranking everyone only to count them
        # scored the roster twice and built a Match per expert.
        return Ranking(top, matcher.count_eligible(req), len(matcher))


@dataclass
class WhyNot:
    """One expert's standing for a query: their match, failed requirements and rank."""

    match: object | None  # matching.Match, None when the expert is not in the index
    position: int | None  # 1-based rank among eligible experts, when eligible


def why_not(query: Query, expert_id: int) -> WhyNot:
    """Explain one expert's place (or absence) in the ranking of the query."""
    req = query.request()
    weights = query.weights or None
    with roster_index().use() as matcher:
        key = str(expert_id)
        if key not in matcher:
            return WhyNot(None, None)
        match = matcher.explain(req, key, weights=weights)
        position = None
        if match.eligible:
            ids = [m.expert_id for m in matcher.rank(req, k=None, weights=weights, reasons=False)]
            position = ids.index(key) + 1 if key in ids else None
        return WhyNot(match, position)


def suggest_team(query: Query, size: int = 3):
    """A team that together covers the query's themes and languages (a matching.Team)."""
    with roster_index().use() as matcher:
        if not len(matcher):
            return None
        return matcher.suggest_team(query.request(), size=size, weights=query.weights or None)


def build_index(progress: Callable[[int, int], None] | None = None) -> tuple[int, Path | None]:
    """Build the current app's index from scratch and save it; returns (experts, file)."""
    index = roster_index()
    with index.lock:
        index.build(progress)
        return len(index.matcher), index.save()
