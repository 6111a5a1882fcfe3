"""The roster's filters as one query, shared by the staff pages, the CSV export and the API.

The free text goes to the database's full-text index (search_index.py): every word and
"quoted phrase" must match the name, employer, position, e-mail, biography or CV, accents
and case ignored, stemmed in English, French and Spanish; the best matches come first
unless another order is asked for.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

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


@dataclass(frozen=True)
class _Shape:
    """Which filters are set (not their values): the roster's statement for one shape is
    made once and its values given as parameters when it runs."""

    dialect: str
    text: bool
    themes: int
    language: bool
    min_level: bool
    country: bool
    region: bool
    status: bool
    available: bool
    joined_year: bool
    sort: str


def _param(name: str) -> sa.BindParameter:
    return sa.bindparam(f"roster_{name}", required=True)


@dataclass(frozen=True)
class RosterStatement:
    """The roster's filters as a statement made once per shape of filters, and the values
    of its parameters: building and keying a fresh statement on every page cost more of
    the app's time than running it."""

    select: sa.Select  # the experts, filtered and ordered (parameters unbound)
    ids: sa.Select  # their ids and total, a page at a time (roster_limit, roster_offset)
    values: dict

    def bound(self) -> sa.Select:
        """The experts' statement with its values (what roster_query gives)."""
        return self.select.params(self.values)


def roster_statement(filters: RosterFilters) -> RosterStatement:
    """The statement of these filters (see roster_query) and its values."""
    conn = db.session.connection()
    query = parse_query(filters.q)
    values: dict = {}
    if query:
        values[search_index.MATCH_PARAMETER] = search_index.match_text(query, conn)
    for i, slug in enumerate(filters.themes):
        values[f"roster_theme_{i}"] = slug
    if filters.language:
        values["roster_language"] = filters.language
        if filters.min_level:
            values["roster_min_rank"] = level_rank(filters.min_level)
    if filters.country:
        values["roster_country"] = filters.country.upper()
    if filters.region:
        values["roster_region"] = filters.region
    if filters.status:
        values["roster_status"] = Status(filters.status)
    if filters.available_from or filters.available_to:
        values["roster_available_start"] = filters.available_from or filters.available_to
        values["roster_available_end"] = filters.available_to or filters.available_from
    if filters.joined_year:
        values["roster_joined_from"] = date(filters.joined_year, 1, 1)
        values["roster_joined_to"] = date(filters.joined_year, 12, 31)
    shape = _Shape(
        dialect=conn.dialect.name,
        text=bool(query),
        themes=len(filters.themes),
        language=bool(filters.language),
        min_level=bool(filters.language and filters.min_level),
        country=bool(filters.country),
        region=bool(filters.region),
        status=bool(filters.status),
        available=bool(filters.available_from or filters.available_to),
        joined_year=bool(filters.joined_year),
        sort=filters.sort if filters.sort in SORTS or filters.sort == "" else "name",
    )
    select, ids = _statements(shape)
    return RosterStatement(select, ids, values)


def roster_query(filters: RosterFilters) -> sa.Select:
    """Select the experts matching every filter that is set, in the requested order."""
    return roster_statement(filters).bound()


@lru_cache(maxsize=256)
def _statements(shape: _Shape) -> tuple[sa.Select, sa.Select]:
    """The experts' statement of this shape and its page of ids with the total."""
    stmt = sa.select(Expert).where(Expert.erased_at.is_(None))
    order = SORTS.get(shape.sort, SORTS["name"])
    if shape.text:
        relevance = shape.sort in ("relevance", "")
        found = search_index.match_statement(shape.dialect, ranked=relevance)
        stmt = stmt.join(found, found.c.expert_id == Expert.id)
        if relevance:
            order = (found.c.rank.desc(), Expert.id)
    for i in range(shape.themes):
        stmt = stmt.where(
            Expert.themes.any(
                ExpertTheme.theme_id.in_(
                    sa.select(Theme.id).where(Theme.slug == _param(f"theme_{i}"))
                )
            )
        )
    if shape.language:
        cond = ExpertLanguage.code == _param("language")
        if shape.min_level:
            cond = sa.and_(cond, ExpertLanguage.level_rank >= _param("min_rank"))
        stmt = stmt.where(Expert.languages.any(cond))
    if shape.country:
        stmt = stmt.where(Expert.countries.any(ExpertCountry.country_code == _param("country")))
    if shape.region:
        in_region = sa.select(Country.code).join(Region).where(Region.slug == _param("region"))
        stmt = stmt.where(Expert.countries.any(ExpertCountry.country_code.in_(in_region)))
    if shape.status:
        stmt = stmt.where(Expert.status == _param("status"))
    if shape.available:
        start, end = _param("available_start"), _param("available_end")
        stmt = stmt.where(
            ~Expert.unavailability.any(
                sa.and_(Unavailability.start <= end, Unavailability.end >= start)
            )
        )
    if shape.joined_year:
        stmt = stmt.where(Expert.joined_on.between(_param("joined_from"), _param("joined_to")))
    stmt = stmt.order_by(*order).options(
        selectinload(Expert.themes), selectinload(Expert.languages), selectinload(Expert.countries)
    )
    ids = (
        stmt.with_only_columns(Expert.id, sa.func.count().over().label("total"))
        .limit(sa.bindparam("roster_limit", type_=sa.Integer))
        .offset(sa.bindparam("roster_offset", type_=sa.Integer))
    )
    return stmt, ids


class _OneScanPagination(SelectPagination):
    """Flask-SQLAlchemy's pagination of the roster in two short queries: the page's ids and
    the total (a window count) with no wide row carried through the sort, then those
    experts by id: whole profiles with the statement's loader options, or what `load`
    makes of the ids."""

    def _query_items(self) -> list:
        roster, session = self._query_args["select"], self._query_args["session"]
        if not isinstance(roster, RosterStatement):  # a statement of the caller's, bound
            ids = roster.with_only_columns(Expert.id, sa.func.count().over().label("total"))
            ids = ids.limit(sa.bindparam("roster_limit")).offset(sa.bindparam("roster_offset"))
            roster = RosterStatement(roster, ids, {})
        values = roster.values | {
            "roster_limit": self.per_page,
            "roster_offset": self._query_offset,
        }
        # Plain rows, so on the session's connection: the ORM's execution added a third
        # to the client's cost of this query and has nothing to load here.
        rows = session.connection().execute(roster.ids, values).all()
        self._total = rows[0].total if rows else None
        order = [row.id for row in rows]
        if not order:
            return []
        load = self._query_args.get("load")
        if load is not None:
            return load(order)
        # Executable._with_options: the selectinloads of roster_query and of the caller.
        page = sa.select(Expert).where(Expert.id.in_(order)).options(*roster.select._with_options)
        found = {expert.id: expert for expert in session.scalars(page)}
        return [found[i] for i in order if i in found]

    def _query_count(self) -> int:
        # A page past the end has no row to carry the total: count as usual then.
        if self._total is not None:
            return self._total
        if isinstance(self._query_args["select"], RosterStatement):
            self._query_args["select"] = self._query_args["select"].bound()
        return super()._query_count()


def paginate(
    stmt: sa.Select | RosterStatement,
    page: int,
    per_page: int,
    load: Callable[[list[int]], list] | None = None,
) -> SelectPagination:
    """One page of the roster and its total, the search and filters run once (a window
    count): a separate count would run the full-text search a second time. `stmt` is a
    bound statement (roster_query's, maybe with options) or roster_statement's. The items
    are Experts, or what `load` makes of the page's ids (in order)."""
    return _OneScanPagination(
        select=stmt, session=db.session(), page=page, per_page=per_page, error_out=False, load=load
    )
