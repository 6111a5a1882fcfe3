"""Partner institutions: staff add and correct them; names stay unique; bad input is kept."""

import sqlalchemy as sa

from roster.actions.models import PartnerInstitution
from tests.actions import helpers as h


def form(**overrides):
    data = {
        "name": "General Inspectorate of Border Police",
        "acronym": "IGPF",
        "country_code": "MD",
        "kind": "agency",
        "contacts": "Focal point: cooperation@border.example.org",
        "website": "https://www.border.gov.md",
    }
    data.update(overrides)
    return data


def test_staff_add_and_list_a_partner(client, db, make, login):
    make.country("MD", "eu-neighbourhood")
    login(make.staff())
    assert client.post("/actions/partners/new", data=form()).status_code == 302
    partner = db.session.scalar(sa.select(PartnerInstitution))
    assert (partner.acronym, partner.kind.value, partner.country_code) == ("IGPF", "agency", "MD")
    assert "General Inspectorate of Border Police" in client.get("/actions/partners").get_data(
        as_text=True
    )


def test_duplicate_name_and_bad_website_are_refused_and_kept(client, db, make, login):
    h.partner(db, make, name="General Inspectorate of Border Police", country="MD")
    login(make.staff())
    response = client.post(
        "/actions/partners/new",
        data=form(name="general inspectorate of border police", website="border dot md"),
    )
    page = response.get_data(as_text=True)
    assert "already exists" in page and "Enter a web address" in page
    assert 'value="border dot md"' in page
    assert db.session.scalar(sa.select(sa.func.count(PartnerInstitution.id))) == 1


def test_edit_keeps_its_own_name(client, db, make, login):
    partner = h.partner(db, make, name="General Inspectorate of Border Police", country="MD")
    login(make.staff())
    response = client.post(
        f"/actions/partners/{partner.id}/edit", data=form(acronym="BP", version="1")
    )
    assert response.status_code == 302
    db.session.refresh(partner)
    assert partner.acronym == "BP"


def test_experts_cannot_manage_partners(client, make, login):
    login(make.user())
    assert client.get("/actions/partners").status_code == 403
    assert client.post("/actions/partners/new", data=form()).status_code == 403
