"""The lists' filters as queries, shared by the staff pages and the API (filters.py reads them)."""

from dataclasses import dataclass, fields
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.actions.models import Action, Activity, Request
from roster.actions.states import ActionStatus, RequestSource, RequestStatus
from roster.taxonomy.models import Country, Region, Theme


@dataclass
class ActionFilters:
    status: str = ""
    region: str = ""  # region slug
    country: str = ""  # ISO 3166 alpha-2
    theme: str = ""  # theme slug
    year: int | None = None  # active in that year: its dates or an activity meet it
    q: str = ""

    def active(self) -> dict:
        """The filters that are set, for links."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


@dataclass
class RequestFilters:
    status: str = ""
    source: str = ""
    year: int | None = None  # received in that year

    def active(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def action_query(filters: ActionFilters) -> sa.Select:
    """Select the Actions matching every filter that is set, newest first."""
    stmt = sa.select(Action)
    if filters.status:
        stmt = stmt.where(Action.status == ActionStatus(filters.status))
    if filters.country:
        stmt = stmt.where(Action.country_code == filters.country)
    if filters.region:
        in_region = sa.select(Country.code).join(Region).where(Region.slug == filters.region)
        stmt = stmt.where(Action.country_code.in_(in_region))
    if filters.theme:
        stmt = stmt.where(Action.themes.any(Theme.slug == filters.theme))
    if filters.year:
        first, last = date(filters.year, 1, 1), date(filters.year, 12, 31)
        dated = sa.and_(
            Action.start_on <= last,
            sa.or_(Action.end_on.is_(None), Action.end_on >= first),
            sa.or_(Action.concluded_on.is_(None), Action.concluded_on >= first),
        )
        with_activity = Action.activities.any(Activity.start_on.between(first, last))
        stmt = stmt.where(sa.or_(dated, with_activity))
    if filters.q:
        pattern = _like(filters.q)
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Action.title).like(pattern, escape="\\"),
                sa.func.lower(Action.code).like(pattern, escape="\\"),
            )
        )
    return stmt.order_by(Action.start_on.desc().nulls_last(), Action.code.desc()).options(
        selectinload(Action.themes),
        selectinload(Action.partners),
        selectinload(Action.activities),  # the dates of an Action that has none of its own
    )


def request_query(filters: RequestFilters) -> sa.Select:
    """Select the requests matching the filters, newest first."""
    stmt = sa.select(Request)
    if filters.status:
        stmt = stmt.where(Request.status == RequestStatus(filters.status))
    if filters.source:
        stmt = stmt.where(Request.source == RequestSource(filters.source))
    if filters.year:
        stmt = stmt.where(
            Request.received_on.between(date(filters.year, 1, 1), date(filters.year, 12, 31))
        )
    return stmt.order_by(Request.received_on.desc(), Request.id.desc()).options(
        selectinload(Request.partner), selectinload(Request.themes)
    )
