"""What the matcher needs from the database, read in a few set-based queries (no query per
expert): profiles of approved experts as plain data, the regions of countries, and the
change check. roster/actions/ranking.py turns these into the matching library's objects."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa

from roster.actions.models import Action, Activity, Assignment
from roster.actions.states import AssignmentState
from roster.experts.models import (
    LEVELS,
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
DEPTHS = ("working", "experienced", "senior")


@dataclass
class Profile:
    """One approved expert as the matcher sees them (ids are the database's)."""

    id: int
    updated_at: datetime
    texts: list[str] = field(default_factory=list)
    themes: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    nationality: str | None = None
    unavailable: list[tuple[date, date]] = field(default_factory=list)


def eligible_clause():
    """Who may be ranked at all: approved and not erased."""
    return sa.and_(Expert.status == Status.APPROVED, Expert.erased_at.is_(None))


def _only(stmt, column, ids):
    return stmt if ids is None else stmt.where(column.in_(ids))


def load_profiles(ids: set[int] | None = None) -> dict[int, Profile]:
    """Profiles of the approved, not erased experts (all of them, or those of `ids`)."""
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
    out: dict[int, Profile] = {}
    for expert_id, updated_at, bio, cv_text, nationality in rows:
        if ids is not None and expert_id not in ids:
            continue
        nat = (nationality or "").upper()
        out[expert_id] = Profile(
            expert_id,
            updated_at,
            texts=[t for t in (bio, cv_text) if t and t.strip()],
            nationality=nat if _CODE.match(nat) else None,
        )
    if not out:
        return out
    keys = None if wanted is None else sorted(out)
    themes = sa.select(ExpertTheme.expert_id, Theme.slug, ExpertTheme.depth).join(Theme)
    for expert_id, slug, depth in db.session.execute(_only(themes, ExpertTheme.expert_id, keys)):
        if expert_id in out and _SLUG.match(slug or "") and str(depth) in DEPTHS:
            out[expert_id].themes[slug] = str(depth)
    langs = sa.select(ExpertLanguage.expert_id, ExpertLanguage.code, ExpertLanguage.level)
    for expert_id, code, level in db.session.execute(_only(langs, ExpertLanguage.expert_id, keys)):
        code = (code or "").lower()
        if expert_id in out and _LANG.match(code) and level in LEVELS:
            out[expert_id].languages[code] = level
    places = sa.select(ExpertCountry.expert_id, ExpertCountry.country_code)
    for expert_id, code in db.session.execute(_only(places, ExpertCountry.expert_id, keys)):
        if expert_id in out and _CODE.match(code or ""):
            out[expert_id].countries.add(code)
    busy = sa.select(Unavailability.expert_id, Unavailability.start, Unavailability.end)
    for expert_id, start, end in db.session.execute(_only(busy, Unavailability.expert_id, keys)):
        if expert_id in out and start and end and end >= start:
            out[expert_id].unavailable.append((start, end))
    _add_assignments(out, keys)
    return out


def _add_assignments(out: dict[int, Profile], keys) -> None:
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
        if expert_id not in out:
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
                out[expert_id].unavailable.append((start, end))
                break
    for expert_id, texts in past.items():
        out[expert_id].texts.extend(texts)


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


def rankable_stamps() -> dict[int, datetime]:
    """id -> updated_at of every expert who may be ranked now."""
    rows = db.session.execute(sa.select(Expert.id, Expert.updated_at).where(eligible_clause()))
    return dict(rows.all())


def latest_change() -> datetime | None:
    return db.session.scalar(sa.select(sa.func.max(Expert.updated_at)))
