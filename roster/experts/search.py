"""The roster's filters as one query, shared by the staff pages, the CSV export and the API.

The free text goes to the database's full-text index (search_index.py): every word and
"quoted phrase" must match the name, employer, position, e-mail, biography or CV, accents
and case ignored, stemmed in English, French and Spanish; the best matches come first
unless another order is asked for.
"""

from datetime import date

import sqlalchemy as sa
from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy.orm import selectinload

from roster.experts import search_index
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
from roster.experts.search_terms import parse_query
from roster.extensions import db
from roster.taxonomy.models import Country, Region, Theme

SORTS = {
    # Best match first when there are words to search, else by name.
    "relevance": (Expert.last_name, Expert.first_name, Expert.id),
    "name": (Expert.last_name, Expert.first_name, Expert.id),
    # PostgreSQL puts NULLs first when descending, SQLite last: say it, for one order on both.
    "-joined": (Expert.joined_on.desc().nulls_last(), Expert.id),
    "joined": (Expert.joined_on.asc().nulls_last(), Expert.id),
    "-experience": (Expert.years_experience.desc().nulls_last(), Expert.id),
    "-updated": (Expert.updated_at.desc(), Expert.id),
}


def roster_query(filters: RosterFilters) -> sa.Select:
    """Select the experts matching every filter that is set, in the requested order."""
    stmt = sa.select(Expert).where(Expert.erased_at.is_(None))
    order = SORTS.get(filters.sort, SORTS["name"])
    query = parse_query(filters.q)
    if query:
        found = search_index.matches(query, db.session.connection())
        stmt = stmt.join(found, found.c.expert_id == Expert.id)
        if filters.sort in ("relevance", ""):
            order = (found.c.rank.desc(), Expert.id)
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
    return stmt.order_by(*order).options(
        selectinload(Expert.themes), selectinload(Expert.languages), selectinload(Expert.countries)
    )


class _OneScanPagination(SelectPagination):
    """Flask-SQLAlchemy's pagination of the roster in two short queries: the page's ids and
    the total (a window count) with no wide row carried through the sort, then those
    experts by id with the statement's loader options."""

    def _query_items(self) -> list:
        select, session = self._query_args["select"], self._query_args["session"]
        ids = select.with_only_columns(Expert.id, sa.func.count().over().label("total"))
        rows = session.execute(ids.limit(self.per_page).offset(self._query_offset)).all()
        self._total = rows[0].total if rows else None
        order = [row.id for row in rows]
        if not order:
            return []
        # Executable._with_options: the selectinloads of roster_query and of the caller.
        page = sa.select(Expert).where(Expert.id.in_(order)).options(*select._with_options)
        found = {expert.id: expert for expert in session.scalars(page)}
        return [found[i] for i in order if i in found]

    def _query_count(self) -> int:
        # A page past the end has no row to carry the total: count as usual then.
        return self._total if self._total is not None else super()._query_count()


def paginate(stmt: sa.Select, page: int, per_page: int) -> SelectPagination:
    """One page of the roster and its total, the search and filters run once (a window
    count): a separate count would run the full-text search a second time."""
    return _OneScanPagination(
        select=stmt, session=db.session(), page=page, per_page=per_page, error_out=False
    )
