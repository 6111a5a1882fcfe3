"""Load the reference data into the database without touching what an admin changed."""

from dataclasses import dataclass

import pycountry
import sqlalchemy as sa
from sqlalchemy.orm import Session

from roster.extensions import db
from roster.taxonomy.data import REGIONS, THEMES, region_of_country
from roster.taxonomy.models import Country, Region, Theme


@dataclass
class SeedResult:
    """How many rows of each kind a seed added."""

    themes: int = 0
    regions: int = 0
    countries: int = 0

    @property
    def total(self) -> int:
        return self.themes + self.regions + self.countries


def seed_reference_data(session: Session | None = None) -> SeedResult:
    """Insert the missing themes, regions and countries; never update or duplicate a row.

    Rows are matched by slug (themes, regions) and ISO code (countries), so an admin's
    new labels, a deactivated theme or a country moved to another region stay as they are.
    Only flushes: the caller commits.
    """
    session = session or db.session
    result = SeedResult()

    known_themes = set(session.scalars(sa.select(Theme.slug)))
    for slug, en, fr, es in THEMES:
        if slug not in known_themes:
            session.add(Theme(slug=slug, label_en=en, label_fr=fr, label_es=es, active=True))
            result.themes += 1

    regions = {r.slug: r for r in session.scalars(sa.select(Region))}
    for slug, en, fr, es in REGIONS:
        if slug not in regions:
            regions[slug] = Region(slug=slug, label_en=en, label_fr=fr, label_es=es)
            session.add(regions[slug])
            result.regions += 1
    session.flush()

    known_countries = set(session.scalars(sa.select(Country.code)))
    placement = region_of_country()
    for country in pycountry.countries:
        code = country.alpha_2
        if code in known_countries:
            continue
        region = regions.get(placement.get(code, ""))
        session.add(Country(code=code, region_id=region.id if region else None))
        result.countries += 1
    session.flush()
    return result
