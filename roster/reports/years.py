"""The figures of one year, as the annual report gives them (see roster.actions.figures).

- Actions implemented in the year, of which concluded in it; activities held (started) in it.
- Experts who joined: approved (``joined_on``) in the year, whatever their status now; an
  expert whose personal data was erased since still counts, anonymously.
- Partner countries: the countries of the Actions implemented in the year. A country is
  *long-standing* when it had an Action before the year (its first status step, its
  creation or its start came before 1 January), otherwise *new*.
- Requests received in the year and how many of them became Actions (see funnel.py).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.actions.figures import (
    activities_in_year,
    became_action,
    concluded_in_year,
    implemented_in_year,
    requests_in_year,
)
from roster.actions.models import Action, ActionStatusChange, Activity
from roster.experts.models import Expert
from roster.extensions import db
from roster.reports.funnel import SessionFunnel, awareness_sessions, count
from roster.reports.text import sort_key
from roster.taxonomy.models import Country, Region

# Years a report may be asked for: wide enough for any archive, narrow enough to mean a year.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def valid_year(year: int) -> bool:
    """Whether a report can be made for this year."""
    return FIRST_YEAR <= year <= LAST_YEAR


def latest_year(today: date | None = None) -> int:
    """The latest year, up to this one, in which activities were held or requests came in."""
    today = today or date.today()
    candidates = [
        db.session.scalar(
            sa.select(sa.func.max(Activity.start_on)).where(Activity.start_on <= today)
        ),
        db.session.scalar(
            sa.select(sa.func.max(Expert.joined_on)).where(Expert.joined_on <= today)
        ),
    ]
    found = [d for d in candidates if d is not None]
    return max(found).year if found else today.year


def years_with_data(today: date | None = None) -> list[int]:
    """Every year from the first activity, Action or expert to this one, newest first."""
    today = today or date.today()
    firsts = [
        db.session.scalar(sa.select(sa.func.min(Activity.start_on))),
        db.session.scalar(sa.select(sa.func.min(Action.start_on))),
        db.session.scalar(sa.select(sa.func.min(Expert.joined_on))),
    ]
    first = min((d.year for d in firsts if d is not None), default=today.year)
    first = max(first, FIRST_YEAR)
    return list(range(max(today.year, latest_year(today)), first - 1, -1))


@dataclass
class RegionFigures:
    """One region's share of the year."""

    slug: str
    label: str
    actions: int = 0
    activities: int = 0
    countries: list[str] = field(default_factory=list)


@dataclass
class YearFigures:
    year: int
    actions_implemented: int
    actions_concluded: int
    activities: int
    experts_joined: int
    requests_received: int
    requests_became_actions: int
    partner_countries: list[str]
    long_standing: list[str]
    new: list[str]
    sessions: list[SessionFunnel]
    regions: list[RegionFigures]
    implemented: list[Action] = field(default_factory=list, repr=False)
    concluded_codes: set[str] = field(default_factory=set, repr=False)

    @property
    def awareness_received(self) -> int:
        """Requests from all of the year's awareness sessions."""
        return sum(s.received for s in self.sessions)

    @property
    def awareness_became_actions(self) -> int:
        """Of those, the requests that became Actions."""
        return sum(s.became_actions for s in self.sessions)

    def as_dict(self) -> dict:
        """The figures as JSON-ready data (the API's answer)."""
        return {
            "year": self.year,
            "actions_implemented": self.actions_implemented,
            "actions_concluded": self.actions_concluded,
            "activities": self.activities,
            "experts_joined": self.experts_joined,
            "requests_received": self.requests_received,
            "requests_became_actions": self.requests_became_actions,
            "partner_countries": self.partner_countries,
            "long_standing_partner_countries": self.long_standing,
            "new_partner_countries": self.new,
            "awareness_sessions": {
                "requests_received": self.awareness_received,
                "requests_became_actions": self.awareness_became_actions,
                "sessions": [
                    {
                        "name": s.name,
                        "first_request_on": s.first_on.isoformat(),
                        "requests_received": s.received,
                        "requests_became_actions": s.became_actions,
                        "countries": s.countries,
                    }
                    for s in self.sessions
                ],
            },
            "regions": [
                {
                    "region": r.slug,
                    "label": r.label,
                    "actions_implemented": r.actions,
                    "activities": r.activities,
                    "countries": r.countries,
                }
                for r in self.regions
            ],
        }


def experts_joined(year: int) -> int:
    """Experts approved in the year, erased ones included (they are counted, not named)."""
    return db.session.scalar(
        sa.select(sa.func.count(Expert.id)).where(
            Expert.joined_on.between(date(year, 1, 1), date(year, 12, 31))
        )
    )


def countries_with_earlier_actions(year: int, codes: set[str]) -> set[str]:
    """Of these countries, those that had an Action before the year began."""
    if not codes:
        return set()
    first_day = date(year, 1, 1)
    midnight = datetime(year, 1, 1)
    stmt = sa.select(Action.country_code).where(
        Action.country_code.in_(codes),
        sa.or_(
            Action.created_at < midnight,
            Action.start_on < first_day,
            Action.history.any(ActionStatusChange.at < midnight),
        ),
    )
    return set(db.session.scalars(stmt.distinct()))


def _regions(implemented: list[Action], activities: list[Activity]) -> list[RegionFigures]:
    rows: dict[str, RegionFigures] = {}

    def row(region: Region | None) -> RegionFigures:
        slug = region.slug if region else ""
        if slug not in rows:
            rows[slug] = RegionFigures(slug, region.label if region else "")
        return rows[slug]

    for action in implemented:
        r = row(action.region)
        r.actions += 1
        if action.country_code not in r.countries:
            r.countries.append(action.country_code)
    for activity in activities:
        row(activity.action.region).activities += 1
    for r in rows.values():
        r.countries.sort()
    # Regions in their label's order; Actions in a country without a region come last.
    return sorted(rows.values(), key=lambda r: (not r.slug, sort_key(r.label)))


def year_figures(year: int) -> YearFigures:
    """Compute every figure of the year in review."""
    implemented = list(
        db.session.scalars(
            implemented_in_year(year).options(
                selectinload(Action.country).selectinload(Country.region),
                selectinload(Action.partners),
                selectinload(Action.activities),
                selectinload(Action.history),
            )
        )
    )
    activities = list(
        db.session.scalars(
            activities_in_year(year).options(
                selectinload(Activity.action).selectinload(Action.country)
            )
        )
    )
    concluded = {a.code for a in db.session.scalars(concluded_in_year(year))}
    countries = {a.country_code for a in implemented}
    earlier = countries_with_earlier_actions(year, countries)
    received = requests_in_year(year)
    return YearFigures(
        year=year,
        actions_implemented=len(implemented),
        actions_concluded=len(concluded),
        activities=len(activities),
        experts_joined=experts_joined(year),
        requests_received=count(received),
        requests_became_actions=count(became_action(received)),
        partner_countries=sorted(countries),
        long_standing=sorted(earlier),
        new=sorted(countries - earlier),
        sessions=awareness_sessions(year),
        regions=_regions(implemented, activities),
        implemented=implemented,
        concluded_codes=concluded,
    )


def month_counts(dates: list[date]) -> list[int]:
    """How many of the dates fall in each month, January first."""
    counts = Counter(d.month for d in dates)
    return [counts.get(m, 0) for m in range(1, 13)]
