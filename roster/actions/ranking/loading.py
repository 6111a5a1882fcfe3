"""The roster as the matching library reads it, in a few set-based queries (no query per
expert): each approved expert as a `matching.Expert`, the regions of countries, and the
change check the index runs before each use."""

import re
from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa

import matching
from roster.actions.models import Action, Activity, Assignment
from roster.actions.states import AssignmentState
from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    Status,
    Unavailability,
)
from roster.extensions import db
from roster.taxonomy.models import Country, Region, Theme

BOOKED = (AssignmentState.INVITED, AssignmentState.ACCEPTED)
# Above this many ids an IN list costs more than reading everyone and keeping a few.
MAX_IN_LIST = 500
_CODE = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def eligible_clause():
    """Who may be ranked at all: approved and not erased."""
    return sa.and_(Expert.status == Status.APPROVED, Expert.erased_at.is_(None))


def _only(stmt, column, ids):
    return stmt if ids is None else stmt.where(column.in_(ids))


def _clamped(signals: dict | None) -> dict[str, float]:
    """The signals the library knows, each in [0, 1]; a missing one stays missing."""
    signals = signals or {}
    return {
        name: min(max(float(signals[name]), 0.0), 1.0)
        for name in matching.SIGNALS
        if signals.get(name) is not None
    }


def load_experts(
    ids: set[int] | None = None, signals: dict[int, dict] | None = None
) -> tuple[dict[int, matching.Expert], dict[int, datetime]]:
    """The approved, not erased experts (all, or those of `ids`) as the library's Experts,
    with the signals given per id; and each one's updated_at, which the index records."""
    wanted = None if ids is None or len(ids) > MAX_IN_LIST else sorted(ids)
    rows = db.session.execute(
        _only(
            sa.select(
                Expert.id, Expert.updated_at, Expert.biography, Expert.cv_text, Expert.nationality
            ).where(eligible_clause()),
            Expert.id,
            wanted,
        )
    )
    stamps: dict[int, datetime] = {}
    texts: dict[int, list[str]] = {}
    nationality: dict[int, str | None] = {}
    for expert_id, updated_at, bio, cv_text, nat in rows:
        if ids is not None and expert_id not in ids:
            continue
        nat = (nat or "").upper()
        stamps[expert_id] = updated_at
        texts[expert_id] = [t for t in (bio, cv_text) if t and t.strip()]
        nationality[expert_id] = nat if _CODE.match(nat) else None
    if not stamps:
        return {}, stamps
    keys = None if wanted is None else sorted(stamps)
    themes: dict[int, dict[str, str]] = defaultdict(dict)
    stmt = sa.select(ExpertTheme.expert_id, Theme.slug, ExpertTheme.depth).join(Theme)
    for expert_id, slug, depth in db.session.execute(_only(stmt, ExpertTheme.expert_id, keys)):
        if expert_id in stamps and _SLUG.match(slug or "") and str(depth) in matching.DEPTHS:
            themes[expert_id][slug] = str(depth)
    languages: dict[int, dict[str, str]] = defaultdict(dict)
    stmt = sa.select(ExpertLanguage.expert_id, ExpertLanguage.code, ExpertLanguage.level)
    for expert_id, code, level in db.session.execute(_only(stmt, ExpertLanguage.expert_id, keys)):
        code = (code or "").lower()
        if expert_id in stamps and _LANG.match(code) and level in matching.LEVELS:
            languages[expert_id][code] = level
    countries: dict[int, set[str]] = defaultdict(set)
    stmt = sa.select(ExpertCountry.expert_id, ExpertCountry.country_code)
    for expert_id, code in db.session.execute(_only(stmt, ExpertCountry.expert_id, keys)):
        if expert_id in stamps and _CODE.match(code or ""):
            countries[expert_id].add(code)
    unavailable: dict[int, list] = defaultdict(list)
    stmt = sa.select(Unavailability.expert_id, Unavailability.start, Unavailability.end)
    for expert_id, start, end in db.session.execute(_only(stmt, Unavailability.expert_id, keys)):
        if expert_id in stamps and start and end and end >= start:
            unavailable[expert_id].append((start, end))
    _add_assignments(keys, texts, unavailable)
    signals = signals or {}
    experts = {
        i: matching.Expert(
            id=str(i),
            texts=tuple(texts[i]),
            themes=themes.get(i, {}),
            languages=languages.get(i, {}),
            countries=frozenset(countries.get(i, ())),
            unavailable=tuple(unavailable.get(i, ())),
            nationality=nationality[i],
            signals=_clamped(signals.get(i)),
        )
        for i in stamps
    }
    return experts, stamps


def _add_assignments(keys, texts: dict[int, list[str]], unavailable: dict[int, list]) -> None:
    """Completed work becomes a text; invited and accepted work makes the expert busy."""
    stmt = (
        sa.select(
            Assignment.expert_id,
            Assignment.state,
            Assignment.start_on,
            Assignment.end_on,
            Activity.start_on,
            Activity.end_on,
            Action.start_on,
            Action.end_on,
            Action.title,
            Action.summary,
        )
        .join(Action, Assignment.action_id == Action.id)
        .outerjoin(Activity, Assignment.activity_id == Activity.id)
        .where(Assignment.state.in_((*BOOKED, AssignmentState.COMPLETED)))
        .order_by(Assignment.id)
    )
    past: dict[int, list[str]] = defaultdict(list)
    for row in db.session.execute(_only(stmt, Assignment.expert_id, keys)):
        expert_id, state = row[0], row[1]
        if expert_id not in texts:
            continue
        if state == AssignmentState.COMPLETED:
            text = ". ".join(t.strip() for t in (row[8], row[9]) if t and t.strip())
            if text and text not in past[expert_id]:
                past[expert_id].append(text)
            continue
        # The period as Assignment.period() reads it: own dates, else activity's, else Action's.
        for start, end in ((row[2], row[3]), (row[4], row[5]), (row[6], row[7])):
            if start is not None:
                end = end if end is not None and end >= start else start
                unavailable[expert_id].append((start, end))
                break
    for expert_id, done in past.items():
        texts[expert_id].extend(done)


def region_map() -> dict[str, str]:
    """ISO country code -> region slug, from the taxonomy."""
    rows = db.session.execute(sa.select(Country.code, Region.slug).join(Region))
    return {code: slug for code, slug in rows if _CODE.match(code or "") and _SLUG.match(slug)}


def changed_since(watermark: datetime | None) -> list[tuple[int, datetime, bool]]:
    """(id, updated_at, rankable) of every expert whose row moved after `watermark`."""
    stmt = sa.select(Expert.id, Expert.updated_at, eligible_clause())
    if watermark is not None:
        stmt = stmt.where(Expert.updated_at > watermark)
    return [(i, u, bool(ok)) for i, u, ok in db.session.execute(stmt)]


def erased_among(ids) -> set[int]:
    """Which of these experts were erased (their texts must leave every copy of the index)."""
    ids = sorted(ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(Expert.id).where(Expert.id.in_(ids), Expert.erased_at.is_not(None))
        )
    )


def rankable_stamps() -> dict[int, datetime]:
    """id -> updated_at of every expert who may be ranked now."""
    rows = db.session.execute(sa.select(Expert.id, Expert.updated_at).where(eligible_clause()))
    return dict(rows.all())


def latest_change() -> datetime | None:
    """The latest updated_at of any expert: where a fresh index's watermark starts."""
    return db.session.scalar(sa.select(sa.func.max(Expert.updated_at)))
