"""The reference data: loaded once, never duplicated, never overwriting an admin's change."""

import pycountry
import sqlalchemy as sa

from roster.experts.models import Expert
from roster.taxonomy import seed_reference_data
from roster.taxonomy.data import REGION_COUNTRIES, REGIONS, THEMES
from roster.taxonomy.models import Country, Region, Theme


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_seed_loads_themes_regions_and_every_iso_country(db):
    result = seed_reference_data()
    db.session.commit()
    assert (result.themes, result.regions) == (len(THEMES), len(REGIONS))
    assert _count(db, Country) == len(pycountry.countries) == result.countries
    slugs = set(db.session.scalars(sa.select(Theme.slug)))
    assert {"trafficking", "border-management", "migrant-children", "smuggling"} <= slugs
    asylum = db.session.scalar(sa.select(Theme).filter_by(slug="asylum"))
    assert (asylum.label_en, asylum.label_fr, asylum.label_es) == (
        "International protection and asylum",
        "Protection internationale et asile",
        "Protección internacional y asilo",
    )


def test_seed_twice_adds_nothing(db):
    seed_reference_data()
    db.session.commit()
    again = seed_reference_data()
    db.session.commit()
    assert again.total == 0
    assert _count(db, Theme) == len(THEMES)
    assert _count(db, Region) == len(REGIONS)


def test_seed_keeps_what_an_admin_changed(db):
    seed_reference_data()
    theme = db.session.scalar(sa.select(Theme).filter_by(slug="diaspora"))
    theme.label_en, theme.active = "Diaspora and development", False
    kz = db.session.get(Country, "KZ")
    kz.region = db.session.scalar(sa.select(Region).filter_by(slug="europe"))
    db.session.commit()

    seed_reference_data()
    db.session.commit()
    db.session.expire_all()
    theme = db.session.scalar(sa.select(Theme).filter_by(slug="diaspora"))
    assert (theme.label_en, theme.active) == ("Diaspora and development", False)
    assert db.session.get(Country, "KZ").region.slug == "europe"


def test_seed_restores_only_what_is_missing(db):
    seed_reference_data()
    db.session.delete(db.session.scalar(sa.select(Theme).filter_by(slug="smuggling")))
    db.session.commit()
    result = seed_reference_data()
    db.session.commit()
    assert (result.themes, result.regions, result.countries) == (1, 0, 0)


def test_countries_sit_in_the_facilitys_regions(db):
    seed_reference_data()
    db.session.commit()

    def region(code):
        country = db.session.get(Country, code)
        return country.region.slug if country.region else None

    assert region("KZ") == region("KG") == region("TJ") == region("UZ") == "asia"
    assert region("MU") == region("ZM") == region("KE") == "east-southern-africa"
    assert region("MD") == region("UA") == region("GE") == region("BY") == "eu-neighbourhood"
    assert region("TN") == region("MA") == "eu-neighbourhood"  # the southern neighbourhood
    assert region("CR") == region("MX") == region("BR") == "latin-america-caribbean"
    assert region("BJ") == region("NG") == region("SN") == "west-central-africa"
    assert region("IQ") == "middle-east-north-africa"
    assert region("FR") == region("DE") == "europe"
    assert region("US") is None and region("AQ") is None


def test_no_country_is_in_two_regions():
    codes = [code for members in REGION_COUNTRIES.values() for code in members]
    assert len(codes) == len(set(codes))
    known = {c.alpha_2 for c in pycountry.countries}
    assert set(codes) <= known


def test_an_experts_region_follows_from_the_country(db, make):
    seed_reference_data()
    db.session.commit()
    expert = make.expert(countries={"KZ": None, "CR": None})
    db.session.expire_all()
    expert = db.session.get(Expert, expert.id)
    assert {c.country.region.slug for c in expert.countries} == {
        "asia",
        "latin-america-caribbean",
    }


def test_seed_taxonomy_command(runner, db):
    result = runner.invoke(args=["seed-taxonomy"])
    assert result.exit_code == 0, result.output
    assert f"{len(THEMES)} themes" in result.output
    second = runner.invoke(args=["seed-taxonomy"])
    assert "0 themes, 0 regions and 0 countries added" in second.output
    assert _count(db, Theme) == len(THEMES)
