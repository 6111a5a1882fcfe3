"""The ranking service: staff's query as the library's Request, and the app's index of the
roster (index.py explains how it stays current) used to rank, explain and suggest a team."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flask import current_app

import matching
from roster.actions.ranking import encoding
from roster.actions.ranking.index import RosterIndex
from roster.extensions import db

CRITERIA = matching.CRITERIA
LEVELS = matching.LEVELS
DEFAULT_WEIGHTS = dict(matching.DEFAULT_WEIGHTS)
# An online activity leans on the digital toolkit: its training signal counts this much more.
ONLINE_TRAINING_BOOST = 3.0


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


def action_query(action, activity=None, min_level: str = matching.DEFAULT_MIN_LEVEL) -> Query:
    """The default request of an Action (or one of its activities)."""
    start, end = action.period()
    end = end or start
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


_create_lock = threading.Lock()


def _index_dir(app) -> Path | None:
    directory = app.config.get("MATCH_INDEX_DIR") or app.config.get("INSTANCE_DIR")
    return Path(directory) if directory else None


def roster_index() -> RosterIndex:
    """The current app's index (one per app and process, created on first use)."""
    app = current_app._get_current_object()
    with _create_lock:
        found = app.extensions.get("roster_index")
        if found is None:
            directory = _index_dir(app)
            # "auto" would encode every text with the multilingual model if installed: opt in.
            semantic = app.config.get("MATCH_SEMANTIC", False)
            found = RosterIndex(
                semantic if semantic in (True, "auto") else False,
                directory,
                float(app.config.get("MATCH_SIGNALS_TTL", 300)),
                str(db.engine.url),
                app if app.config.get("MATCH_ENCODE_BACKGROUND", True) else None,
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


def explain(query: Query, expert_ids) -> list:
    """The matches of these experts (those in the index), with the failures of any who miss
    a hard requirement: Find experts weighs the interest of experts outside the first k."""
    req = query.request()
    weights = query.weights or None
    with roster_index().use() as matcher:
        keys = [str(i) for i in expert_ids if str(i) in matcher]
        return [matcher.explain(req, key, weights=weights) for key in keys]


def suggest_team(query: Query, size: int = 3):
    """A team that together covers the query's themes and languages (a matching.Team)."""
    with roster_index().use() as matcher:
        if not len(matcher):
            return None
        return matcher.suggest_team(query.request(), size=size, weights=query.weights or None)


def forget_index() -> None:
    """Drop this process's index and the saved one (after an erasure): the next ranking
    builds a new one from the database, and other workers rebuild theirs when they see the
    erasure (RosterIndex._apply)."""
    app = current_app._get_current_object()
    index = app.extensions.get("roster_index")
    if index is not None:
        index.forget()
    directory = _index_dir(app)
    if directory is not None:
        for path in (*directory.glob("matcher.pkl*"), *directory.glob("matcher.json*")):
            path.unlink(missing_ok=True)


def build_index(
    progress: Callable[[int, int], None] | None = None,
    encoded: Callable[[int, int, float], None] | None = None,
) -> tuple[int, Path | None]:
    """Build the current app's index from scratch, encode its texts not yet stored (with the
    text models on: `encoded(done, total, seconds)` after each batch; an interrupted run
    resumes from the vectors stored), and save it; returns (experts, file)."""
    index = roster_index()
    with index.lock:
        index.build(progress)
        index.save()
    if encoding.semantic_of(index.matcher) is not None:
        encoding.encode_all(index, encoded)
    with index.lock:
        return len(index.matcher), index.save()


def text_models_state() -> dict | None:
    """Texts indexed, and those still waiting for the text models (None when they are off)."""
    semantic = encoding.semantic_of(roster_index().matcher)
    if semantic is None:
        return None
    return {"texts": semantic.n, "pending": semantic.n_pending, "models": semantic.models_}
