"""Admins manage regions and place countries in them; bad input is refused and kept."""

import pytest
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.taxonomy.models import Country, Region

REGION = {
    "slug": "pacific",
    "label_en": "Pacific",
    "label_fr": "Pacifique",
    "label_es": "Pacífico",
}


@pytest.fixture
def admin(make, login):
    return login(make.admin())


def test_admin_creates_a_region_then_places_countries(client, db, make, admin):
    make.country("FJ")
    make.country("WS")
    response = client.post("/taxonomy/regions/new", data=REGION)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/taxonomy/countries?region=pacific")
    region = db.session.scalar(sa.select(Region).filter_by(slug="pacific"))
    assert region.label_es == "Pacífico"

    page = client.get("/taxonomy/countries?region=none").get_data(as_text=True)
    assert "Fiji" in page and "Samoa" in page
    response = client.post(
        "/taxonomy/countries?region=none",
        data={
            "rows-0-code": "FJ",
            "rows-0-region": str(region.id),
            "rows-0-version": "1",
            "rows-1-code": "WS",
            "rows-1-region": "",
            "rows-1-version": "1",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/taxonomy/countries?region=none")
    db.session.expire_all()
    assert db.session.get(Country, "FJ").region.slug == "pacific"
    assert db.session.get(Country, "WS").region is None
    event = db.session.scalar(sa.select(AuditEvent).filter_by(action="countries_moved"))
    assert event.detail == "FJ: - → pacific"


def test_region_form_refuses_bad_input_and_keeps_it(client, db, make, admin):
    make.region("asia")
    response = client.post("/taxonomy/regions/new", data={**REGION, "slug": "asia", "label_fr": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "This short name is already used." in html
    assert "This field is required." in html
    assert 'value="Pacífico"' in html and 'value="asia"' in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Region)) == 1


def test_admin_edits_region_labels(client, db, make, admin):
    region = make.region("eu-neighbourhood", label="Neighbourhood")
    make.country("MD", "eu-neighbourhood")
    page = client.get(f"/taxonomy/regions/{region.id}/edit").get_data(as_text=True)
    assert "Moldova" in page
    response = client.post(
        f"/taxonomy/regions/{region.id}/edit",
        data={
            "slug": "eu-neighbourhood",
            "label_en": "EU Neighbourhood",
            "label_fr": "Voisinage de l'UE",
            "label_es": "Vecindad de la UE",
            "version": str(region.version),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    region = db.session.get(Region, region.id)
    assert (region.label_en, region.label_fr) == ("EU Neighbourhood", "Voisinage de l'UE")


def test_unknown_region_choice_is_refused_and_nothing_moves(client, db, make, admin):
    make.country("KZ", "asia")
    response = client.post(
        "/taxonomy/countries", data={"rows-0-code": "KZ", "rows-0-region": "9999"}
    )
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Country, "KZ").region.slug == "asia"


def test_country_filters(client, make, admin):
    make.country("KZ", "asia")
    make.country("KG", "asia")
    make.country("MD", "eu-neighbourhood")
    make.country("US")
    html = client.get("/taxonomy/countries?region=asia").get_data(as_text=True)
    assert "Kazakhstan" in html and "Kyrgyzstan" in html and "Moldova" not in html
    html = client.get("/taxonomy/countries?q=kaz").get_data(as_text=True)
    assert "Kazakhstan" in html and "Kyrgyzstan" not in html
    html = client.get("/taxonomy/countries?q=us").get_data(as_text=True)
    assert "United States" in html
    html = client.get("/taxonomy/countries?region=none").get_data(as_text=True)
    assert "United States" in html and "Kazakhstan" not in html
    # An unknown region filter shows every country rather than failing.
    html = client.get("/taxonomy/countries?region=atlantis").get_data(as_text=True)
    assert "Kazakhstan" in html and "Moldova" in html


def test_country_names_follow_the_interface_language(client, make, admin):
    make.country("DE", "europe")
    html = client.get("/taxonomy/countries", headers={"Accept-Language": "fr"}).get_data(
        as_text=True
    )
    assert "Allemagne" in html


def test_overview_counts(client, make, admin):
    make.theme("asylum")
    make.country("KZ", "asia")
    make.country("US")
    html = client.get("/taxonomy/").get_data(as_text=True)
    assert "1 theme offered" in html
    assert "2 countries" in html and "1 without a region" in html
