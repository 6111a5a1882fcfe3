"""The roster's filters as one query, shared by the staff pages, the CSV export and the API."""

from dataclasses import dataclass, field, fields
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    Status,
    Unavailability,
    level_rank,
)
from roster.taxonomy.models import Country, Region, Theme

SORTS = {
    "name": (Expert.last_name, Expert.first_name, Expert.id),
    "-joined": (Expert.joined_on.desc(), Expert.id),
    "joined": (Expert.joined_on, Expert.id),
    "-experience": (Expert.years_experience.desc(), Expert.id),
    "-updated": (Expert.updated_at.desc(), Expert.id),
}


@dataclass
class RosterFilters:
    q: str = ""
    themes: list[str] = field(default_factory=list)  # theme slugs; an expert must have all
    language: str = ""  # ISO 639 code
    min_level: str = ""  # A1..C2 or native; only with language
    country: str = ""  # ISO 3166 alpha-2, experience in that country
    region: str = ""  # region slug, experience in a country of that region
    status: str = ""  # one of Status; empty means every status but erased
    available_from: date | None = None
    available_to: date | None = None
    joined_year: int | None = None
    sort: str = "name"

    def active(self) -> dict:
        """The filters that are set, for links and the CSV export."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


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
