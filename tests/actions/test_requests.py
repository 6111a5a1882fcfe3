"""Partner requests: the public form (honeypot, rate limit, confirmation), the staff form,
the triage (accept creates the Action, decline needs a reason) and the list's filters."""

from datetime import date

import pytest
import sqlalchemy as sa

from roster.actions.models import Action, PartnerInstitution, Request
from roster.actions.states import ActionStatus, RequestSource, RequestStatus
from roster.extensions import limiter
from roster.mail import outbox_messages
from tests.actions import helpers as h


@pytest.fixture
def world(db, make):
    make.country("KZ", "asia")
    make.theme("migrant-children")
    make.theme("trafficking")


def public_form(**overrides):
    data = {
        "institution_name": "Commissioner for Human Rights",
        "country_code": "KZ",
        "contact_name": "Aigerim Sultanova",
        "contact_email": "aigerim@example.org",
        "title": "Rights of migrant children",
        "text": "We ask for support to promote the rights of migrant children in Almaty.",
        "themes": ["migrant-children"],
        "languages": ["ru", "en"],
        "support_kind": "needs_assessment",
        "consent": "y",
    }
    data.update(overrides)
    return data


def test_public_request_is_stored_and_confirmed(app, client, db, world):
    response = client.post("/actions/request-support", data=public_form())
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/actions/request-support/thanks")
    req = db.session.scalar(sa.select(Request))
    assert req.institution == "Commissioner for Human Rights"
    assert req.source == RequestSource.WEBSITE_FORM
    assert req.status == RequestStatus.RECEIVED
    assert req.received_on == date.today()
    assert [t.slug for t in req.themes] == ["migrant-children"]
    assert req.languages == ["ru", "en"]
    [mail] = outbox_messages(app.config["OUTBOX_DIR"])
    assert mail["To"] == "aigerim@example.org"
    body = mail.get_content()
    assert f"R-{req.id}" in body and "Commissioner for Human Rights" in body


def test_honeypot_keeps_nothing_and_sends_nothing(app, client, db, world):
    response = client.post(
        "/actions/request-support", data=public_form(website="http://spam.example")
    )
    assert response.status_code == 302  # the bot is told all went well
    assert db.session.scalar(sa.select(sa.func.count(Request.id))) == 0
    assert outbox_messages(app.config["OUTBOX_DIR"]) == []


def test_public_form_is_rate_limited(app, client, db, world):
    app.config["RATELIMIT_ENABLED"] = True
    limiter.init_app(app)  # the test configuration switches the limiter off; switch it on
    codes = [
        client.post("/actions/request-support", data=public_form()).status_code for _ in range(6)
    ]
    assert codes == [302] * 5 + [429]
    assert db.session.scalar(sa.select(sa.func.count(Request.id))) == 5
    assert client.get("/actions/request-support").status_code == 200  # reading is not limited


def test_public_form_with_errors_keeps_what_was_typed(client, db, world):
    response = client.post(
        "/actions/request-support",
        data=public_form(contact_email="not-an-address", text="too short", consent=""),
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'value="not-an-address"' in page
    assert "too short</textarea>" in page
    assert 'value="Commissioner for Human Rights"' in page
    assert 'value="migrant-children" checked' in page or "checked" in page
    assert page.count('aria-invalid="true"') >= 3
    assert db.session.scalar(sa.select(sa.func.count(Request.id))) == 0


def test_public_form_escapes_what_was_typed(client, db, world):
    response = client.post(
        "/actions/request-support",
        data=public_form(institution_name="<script>alert(1)</script>", text="x"),
    )
    page = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def staff_form(**overrides):
    data = {
        "institution_name": "Agency for External Labour Migration",
        "country_code": "KZ",
        "title": "Pre-departure orientation",
        "text": "The agency asks for support to prepare labour migrants before departure.",
        "themes": ["trafficking"],
        "languages": ["ru"],
        "source": "awareness_session",
        "source_detail": "Awareness session Central Asia, Feb 2021",
        "received_on": "2021-02-26",
    }
    data.update(overrides)
    return data


def test_staff_record_a_request_from_an_awareness_session(client, db, make, login, world):
    login(make.staff())
    response = client.post("/actions/requests/new", data=staff_form())
    assert response.status_code == 302
    req = db.session.scalar(sa.select(Request))
    assert req.source == RequestSource.AWARENESS_SESSION
    assert req.source_detail == "Awareness session Central Asia, Feb 2021"
    assert req.received_on == date(2021, 2, 26)


def test_staff_request_form_with_errors_keeps_what_was_typed(client, db, make, login, world):
    login(make.staff())
    response = client.post(
        "/actions/requests/new",
        data=staff_form(institution_name="", received_on="2999-01-01", source_detail="kept"),
    )
    page = response.get_data(as_text=True)
    assert "Choose a partner institution or type the institution." in page
    assert "cannot be in the future" in page
    assert 'value="kept"' in page and 'value="2999-01-01"' in page
    assert "prepare labour migrants before departure.</textarea>" in page
    assert db.session.scalar(sa.select(sa.func.count(Request.id))) == 0


def test_staff_edit_keeps_the_request_and_detects_stale_copies(client, db, make, login, world):
    req = h.request(db, make)
    login(make.staff())
    stale = client.post(
        f"/actions/requests/{req.id}/edit",
        data=staff_form(version=str(req.version + 5), title="Mine"),
    )
    assert "Someone else saved this while you were editing" in stale.get_data(as_text=True)
    db.session.refresh(req)
    assert req.title != "Mine"
    ok = client.post(
        f"/actions/requests/{req.id}/edit", data=staff_form(version=str(req.version), title="New")
    )
    assert ok.status_code == 302
    db.session.refresh(req)
    assert req.title == "New"


def test_accepting_creates_the_action_from_the_request(client, db, make, login, world):
    partner = h.partner(db, make, name="Commissioner for Human Rights", country="KZ")
    req = h.request(
        db,
        make,
        partner=partner,
        themes=["migrant-children"],
        languages=["ru", "en"],
        status=RequestStatus.UNDER_ASSESSMENT,
    )
    login(make.staff())
    response = client.post(
        f"/actions/requests/{req.id}/accept", data={"accept-title": "Migrant children, Almaty"}
    )
    assert response.status_code == 302
    action = db.session.scalar(sa.select(Action))
    assert response.headers["Location"].endswith(f"/actions/{action.id}")
    assert action.code == f"KZ-{date.today().year}-01"
    assert action.title == "Migrant children, Almaty"
    assert action.country_code == "KZ"
    assert action.summary == req.text
    assert [t.slug for t in action.themes] == ["migrant-children"]
    assert action.languages == ["ru", "en"]
    assert action.partners == [partner]
    assert action.status == ActionStatus.PLANNED
    assert [c.to_status for c in action.history] == [ActionStatus.PLANNED]
    db.session.refresh(req)
    assert req.status == RequestStatus.ACCEPTED and req.action_id == action.id


def test_accepting_a_request_from_a_new_institution_makes_it_the_partner(
    client, db, make, login, world
):
    req = h.request(
        db,
        make,
        institution_name="Migration Service of Almaty",
        contact_name="Aigerim Sultanova",
        contact_email="aigerim@example.org",
    )
    login(make.staff())
    response = client.post(
        f"/actions/requests/{req.id}/accept",
        data={"accept-title": "Migration Service"},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    action = db.session.scalar(sa.select(Action))
    [partner] = action.partners
    assert (partner.name, partner.country_code) == ("Migration Service of Almaty", "KZ")
    assert "aigerim@example.org" in partner.contacts
    db.session.refresh(req)
    assert req.partner_id == partner.id  # the request now names the partner too
    overview = page[page.index("Partner institutions") :]
    assert overview.index("Migration Service of Almaty") < overview.index("Working languages")
    assert "is now a partner institution" in page


def test_accepting_a_request_that_names_a_known_partner_links_that_partner(
    client, db, make, login, world
):
    known = h.partner(db, make, name="Commissioner for Human Rights", country="KZ")
    req = h.request(db, make, institution_name="commissioner for human rights ")
    login(make.staff())
    client.post(f"/actions/requests/{req.id}/accept", data={"accept-title": "Children"})
    action = db.session.scalar(sa.select(Action))
    assert action.partners == [known]
    assert db.session.scalar(sa.select(sa.func.count(PartnerInstitution.id))) == 1


def test_codes_count_up_per_country_and_year(client, db, make, login, world):
    h.action(db, make, code=f"KZ-{date.today().year}-01")
    req = h.request(db, make)
    login(make.staff())
    client.post(f"/actions/requests/{req.id}/accept", data={"accept-title": "Second"})
    codes = set(db.session.scalars(sa.select(Action.code)))
    assert f"KZ-{date.today().year}-02" in codes


def test_declining_needs_a_reason(client, db, make, login, world):
    req = h.request(db, make)
    login(make.staff())
    response = client.post(f"/actions/requests/{req.id}/decline", data={"decline-reason": "  "})
    assert response.status_code == 400
    assert "Give the reason for declining." in response.get_data(as_text=True)
    db.session.refresh(req)
    assert req.status == RequestStatus.RECEIVED
    response = client.post(
        f"/actions/requests/{req.id}/decline", data={"decline-reason": "Equipment only"}
    )
    assert response.status_code == 302
    db.session.refresh(req)
    assert (req.status, req.decline_reason) == (RequestStatus.DECLINED, "Equipment only")


def test_an_accepted_request_cannot_be_declined(client, db, make, login, world):
    req = h.request(db, make)
    login(make.staff())
    client.post(f"/actions/requests/{req.id}/accept", data={"accept-title": "An Action"})
    response = client.post(f"/actions/requests/{req.id}/decline", data={"decline-reason": "No"})
    assert response.status_code == 409
    assert "cannot go from" in response.get_data(as_text=True)
    db.session.refresh(req)
    assert req.status == RequestStatus.ACCEPTED


def test_accept_without_a_title_keeps_the_page(client, db, make, login, world):
    req = h.request(db, make)
    login(make.staff())
    response = client.post(f"/actions/requests/{req.id}/accept", data={"accept-title": ""})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Action.id))) == 0


def test_request_list_filters(client, db, make, login, world):
    h.request(db, make, title="Old one", received_on=date(2020, 5, 1))
    h.request(
        db,
        make,
        title="Session one",
        source=RequestSource.AWARENESS_SESSION,
        received_on=date(2021, 2, 26),
    )
    h.request(
        db, make, title="Declined one", status=RequestStatus.DECLINED, received_on=date(2021, 3, 1)
    )
    login(make.staff())

    def titles(query):
        page = client.get(f"/actions/requests?{query}").get_data(as_text=True)
        return {t for t in ("Old one", "Session one", "Declined one") if t in page}

    assert titles("year=2021") == {"Session one", "Declined one"}
    assert titles("source=awareness_session") == {"Session one"}
    assert titles("status=declined") == {"Declined one"}
    assert titles("year=2020&status=received") == {"Old one"}
    bad = client.get("/actions/requests?year=abc").get_data(as_text=True)
    assert "Give a year such as 2021." in bad
