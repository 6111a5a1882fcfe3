"""Coverage of the roster: how many approved, available experts could staff each theme in
each region (experience in one of its countries) and in each language (B2 or above).

An expert is available when they have no unavailability that meets the window (today by
default), the same rule as the roster's filters, so that a cell's link lists its experts.
A cell is a *gap* when it holds fewer experts than the threshold. Demand counts the Actions
and the open requests (not declined, not yet an Action) in that theme and region/language,
over all years: the gaps a new request would most likely fall into come first.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.actions.models import Action, Request
from roster.actions.states import RequestStatus
from roster.experts.models import Expert, Status, Unavailability, level_rank
from roster.extensions import db
from roster.reports.text import sort_key
from roster.taxonomy.models import Country, Region, Theme

MIN_LEVEL = "B2"
DEFAULT_THRESHOLD = 2
BASE_LANGUAGES = ("en", "fr", "es")


@dataclass
class Cell:
    count: int
    demand: int
    gap: bool


@dataclass
class Gap:
    theme: Theme
    column: str  # a region slug or a language code
    label: str
    count: int
    demand: int


@dataclass
class Coverage:
    start: date
    end: date
    threshold: int
    experts: int  # approved and available in the window
    themes: list[Theme]
    regions: list[Region]
    languages: list[str]
    by_region: dict[tuple[int, int], Cell] = field(default_factory=dict)
    by_language: dict[tuple[int, str], Cell] = field(default_factory=dict)

    def region_gaps(self) -> list[Gap]:
        """Theme by region gaps with demand, the most asked-for first."""
        regions = {r.id: r for r in self.regions}
        gaps = [
            Gap(theme, regions[rid].slug, regions[rid].label, cell.count, cell.demand)
            for theme in self.themes
            for (tid, rid), cell in self.by_region.items()
            if tid == theme.id and cell.gap and cell.demand
        ]
        return sorted(gaps, key=lambda g: (-g.demand, g.count, g.theme.label, g.label))

    def language_gaps(self, names: dict[str, str]) -> list[Gap]:
        """Theme by language gaps with demand, the most asked-for first."""
        gaps = [
            Gap(theme, code, names.get(code, code), cell.count, cell.demand)
            for theme in self.themes
            for (tid, code), cell in self.by_language.items()
            if tid == theme.id and cell.gap and cell.demand
        ]
        return sorted(gaps, key=lambda g: (-g.demand, g.count, g.theme.label, g.label))


def available_experts(start: date, end: date) -> list[Expert]:
    """Approved experts (not erased) with no unavailability meeting the window."""
    stmt = (
        sa.select(Expert)
        .where(
            Expert.status == Status.APPROVED,
            Expert.erased_at.is_(None),
            ~Expert.unavailability.any(
                sa.and_(Unavailability.start <= end, Unavailability.end >= start)
            ),
        )
        .options(
            selectinload(Expert.themes),
            selectinload(Expert.languages),
            selectinload(Expert.countries),
        )
    )
    return list(db.session.scalars(stmt))


def _demand() -> tuple[Counter, Counter]:
    """Counters of Actions and open requests per (theme id, region id) and (theme id, language)."""
    regions = dict(db.session.execute(sa.select(Country.code, Country.region_id)).all())
    by_region: Counter = Counter()
    by_language: Counter = Counter()
    items = list(db.session.scalars(sa.select(Action).options(selectinload(Action.themes))))
    items += db.session.scalars(
        sa.select(Request)
        .where(Request.status != RequestStatus.DECLINED, Request.action_id.is_(None))
        .options(selectinload(Request.themes))
    )
    for item in items:
        region = regions.get(item.country_code)
        for theme in item.themes:
            if region is not None:
                by_region[theme.id, region] += 1
            for code in set(item.languages or []):
                by_language[theme.id, code] += 1
    return by_region, by_language


def coverage(
    start: date | None = None, end: date | None = None, threshold: int = DEFAULT_THRESHOLD
) -> Coverage:
    """Count the available experts in every theme by region and theme by language cell."""
    start = start or date.today()
    end = end or start
    themes = list(db.session.scalars(sa.select(Theme).where(Theme.active)))
    themes.sort(key=lambda t: sort_key(t.label))
    regions = list(db.session.scalars(sa.select(Region)))
    regions.sort(key=lambda r: sort_key(r.label))
    demand_region, demand_language = _demand()
    languages = sorted(
        {code for (_t, code) in demand_language} | set(BASE_LANGUAGES),
        key=lambda code: (-sum(n for (_t, c), n in demand_language.items() if c == code), code),
    )
    region_of = dict(db.session.execute(sa.select(Country.code, Country.region_id)).all())
    experts = available_experts(start, end)
    per_region: Counter = Counter()
    per_language: Counter = Counter()
    b2 = level_rank(MIN_LEVEL)
    for expert in experts:
        themes_held = {t.theme_id for t in expert.themes}
        expert_regions = {region_of.get(c.country_code) for c in expert.countries} - {None}
        spoken = {lang.code for lang in expert.languages if lang.level_rank >= b2}
        for tid in themes_held:
            for rid in expert_regions:
                per_region[tid, rid] += 1
            for code in spoken:
                per_language[tid, code] += 1
    # A region where no available expert has worked and nothing was ever asked (Europe, say)
    # would only add a column of zeros.
    regions = [
        r
        for r in regions
        if any(rid == r.id for (_t, rid) in per_region)
        or any(rid == r.id for (_t, rid) in demand_region)
    ]
    result = Coverage(start, end, threshold, len(experts), themes, regions, languages)
    for theme in themes:
        for region in regions:
            n = per_region[theme.id, region.id]
            result.by_region[theme.id, region.id] = Cell(
                n, demand_region[theme.id, region.id], n < threshold
            )
        for code in languages:
            n = per_language[theme.id, code]
            result.by_language[theme.id, code] = Cell(
                n, demand_language[theme.id, code], n < threshold
            )
    return result
