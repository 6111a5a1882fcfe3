"""The roster's filters as one query, shared by the staff pages, the CSV export and the API."""

from datetime import date

import sqlalchemy as sa
from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy.orm import selectinload

from roster.experts.filters import RosterFilters
from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    Status,
    Unavailability,
    level_rank,
)
from roster.extensions import db
from roster.taxonomy.models import Country, Region, Theme

SORTS = {
    "name": (Expert.last_name, Expert.first_name, Expert.id),
    # PostgreSQL puts NULLs first when descending, SQLite last: say it, for one order on both.
    "-joined": (Expert.joined_on.desc().nulls_last(), Expert.id),
    "joined": (Expert.joined_on.asc().nulls_last(), Expert.id),
    "-experience": (Expert.years_experience.desc().nulls_last(), Expert.id),
    "-updated": (Expert.updated_at.desc(), Expert.id),
}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def roster_query(filters: RosterFilters) -> sa.Select:
    """Select the experts matching every filter that is set, in the requested order."""
    stmt = sa.select(Expert).where(Expert.erased_at.is_(None))
    if filters.q:
        for word in filters.q.split()[:8]:
            pattern = _like(word.lower())
            stmt = stmt.where(
                sa.or_(
                    *(
                        sa.func.lower(col).like(pattern, escape="\\")
                        for col in (
                            Expert.first_name,
                            Expert.last_name,
                            Expert.email,
                            Expert.biography,
                            Expert.cv_text,
                            Expert.employer,
                            Expert.position,
                        )
                    )
                )
            )
    for slug in filters.themes:
        stmt = stmt.where(
            Expert.themes.any(
                ExpertTheme.theme_id.in_(sa.select(Theme.id).where(Theme.slug == slug))
            )
        )
    if filters.language:
        cond = ExpertLanguage.code == filters.language
        if filters.min_level:
            cond = sa.and_(cond, ExpertLanguage.level_rank >= level_rank(filters.min_level))
        stmt = stmt.where(Expert.languages.any(cond))
    if filters.country:
        stmt = stmt.where(
            Expert.countries.any(ExpertCountry.country_code == filters.country.upper())
        )
    if filters.region:
        in_region = sa.select(Country.code).join(Region).where(Region.slug == filters.region)
        stmt = stmt.where(Expert.countries.any(ExpertCountry.country_code.in_(in_region)))
    if filters.status:
        stmt = stmt.where(Expert.status == Status(filters.status))
    if filters.available_from or filters.available_to:
        start = filters.available_from or filters.available_to
        end = filters.available_to or filters.available_from
        stmt = stmt.where(
            ~Expert.unavailability.any(
                sa.and_(Unavailability.start <= end, Unavailability.end >= start)
            )
        )
    if filters.joined_year:
        stmt = stmt.where(
            Expert.joined_on.between(
                date(filters.joined_year, 1, 1), date(filters.joined_year, 12, 31)
            )
        )
    order = SORTS.get(filters.sort, SORTS["name"])
    return stmt.order_by(*order).options(
        selectinload(Expert.themes), selectinload(Expert.languages), selectinload(Expert.countries)
    )


def page_args(args, default_per_page: int = 25, max_per_page: int = 100) -> tuple[int, int]:
    """The page number and page size from request args, clamped to sane values."""

    def number(name: str, default: int) -> int:
        value = (args.get(name) or "").strip()
        return int(value) if value.isdigit() and int(value) > 0 else default

    return number("page", 1), min(number("per_page", default_per_page), max_per_page)


class _OneScanPagination(SelectPagination):
    """Flask-SQLAlchemy's pagination, with the total read in the page's own query."""

    def _query_items(self) -> list:
        select = self._query_args["select"].add_columns(sa.func.count().over().label("total"))
        rows = self._query_args["session"].execute(
            select.limit(self.per_page).offset(self._query_offset)
        )
        rows = rows.unique().all()
        self._total = rows[0].total if rows else None
        return [row[0] for row in rows]

    def _query_count(self) -> int:
        # A page past the end has no row to carry the total: count as usual then.
        return self._total if self._total is not None else super()._query_count()


def paginate(stmt: sa.Select, page: int, per_page: int) -> SelectPagination:
    """One page of the roster and its total from one query (a window count): the free-text
    filters scan every profile's texts, and the count alone scanned them a second time."""
    return _OneScanPagination(
        select=stmt, session=db.session(), page=page, per_page=per_page, error_out=False
    )
