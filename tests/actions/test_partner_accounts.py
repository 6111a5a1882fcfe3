"""Partner accounts: staff invite an institution's focal points, who then follow their own
institution's requests and Actions, and send new requests; never the roster or a score."""

import re
from urllib.parse import urlsplit

import flask
import pytest
import sqlalchemy as sa

from roster.actions.models import Request
from roster.actions.states import AssignmentState, RequestStatus
from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken, PartnerFocalPoint, Role, User
from roster.experts.models import Expert
from roster.mail import outbox_messages
from tests.actions import helpers
from tests.builders import PASSWORD


def _outbox(app):
    return outbox_messages(app.config["OUTBOX_DIR"])


def _link(message) -> str:
    parts = urlsplit(re.search(r"https?://\S+", message.get_content()).group(0))
    return parts.path


def focal_point(db, make, partner, email="focal@ministry.example"):
    user = make.user(email=email, role=Role.PARTNER)
    db.session.add(PartnerFocalPoint(user_id=user.id, partner_id=partner.id))
    db.session.commit()
    return user


@pytest.fixture
def two_partners(db, make):
    ours = helpers.partner(db, make, name="Ministry of Interior")
    theirs = helpers.partner(db, make, name="Border Agency", country="CR", region="americas")
    return ours, theirs


def test_staff_invite_a_focal_point_who_chooses_a_password(app, client, db, make, login):
    partner = helpers.partner(db, make, name="Ministry of Labour")
    login(make.staff(email="officer@example.org"))
    page = client.get(f"/actions/partners/{partner.id}/edit")
    assert "Invite a focal point" in page.text
    response = client.post(
        f"/actions/partners/{partner.id}/focal-points",
        data={
            "focal-name": " Lucía Fernández ",
            "focal-email": "Focal@Labour.example",
            "focal-locale": "es",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "focal@labour.example"))
    assert user.role == Role.PARTNER and user.partner_id == partner.id
    assert user.focal_point.name == "Lucía Fernández"
    assert user.password_hash is None and user.locale == "es"
    assert db.session.scalar(sa.select(Expert).where(Expert.user_id == user.id)) is None
    [mail] = _outbox(app)
    assert mail["To"] == "focal@labour.example"
    assert "Punto focal" in mail.get_content() or "contraseña" in mail.get_content()
    assert db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action == "focal_point_invited")
    )
    listed = client.get(f"/actions/partners/{partner.id}/edit").text
    assert "focal@labour.example" in listed and "Lucía Fernández" in listed

    client.post("/auth/logout")
    link = _link(mail)
    client.get(link)
    password = "seven lanterns over the bay"
    client.post("/auth/reset", data={"password": password, "confirm": password})
    db.session.refresh(user)
    assert user.check_password(password) and user.confirmed_at is not None
    response = client.post("/auth/login", data={"email": user.email, "password": password})
    assert response.headers["Location"].endswith("/partner/")


def test_a_bad_invitation_keeps_what_was_typed(app, client, db, make, login):
    partner = helpers.partner(db, make)
    make.user(email="taken@example.org")
    login(make.staff())
    for email, message in (("not-an-address", "valid e-mail"), ("TAKEN@example.org", "already")):
        response = client.post(
            f"/actions/partners/{partner.id}/focal-points",
            data={"focal-name": "Ana Pérez", "focal-email": email, "focal-locale": "fr"},
        )
        assert response.status_code == 400
        assert 'id="focal-email-error"' in response.text and message in response.text
        assert f'value="{email}"' in response.text
    for name, message in (("", "Enter the focal point's name"), ("x" * 201, "under 200")):
        response = client.post(
            f"/actions/partners/{partner.id}/focal-points",
            data={"focal-name": name, "focal-email": "new@ministry.example", "focal-locale": "fr"},
        )
        assert response.status_code == 400
        assert 'id="focal-name-error"' in response.text
        assert message in response.text.replace("&#39;", "'")
        assert 'value="new@ministry.example"' in response.text
    assert _outbox(app) == []
    assert db.session.scalar(sa.select(sa.func.count(PartnerFocalPoint.user_id))) == 0


def test_removing_a_focal_point_closes_the_account(client, db, make, login, two_partners):
    ours, theirs = two_partners
    user = focal_point(db, make, ours)
    login(make.staff())
    assert (
        client.post(f"/actions/partners/{theirs.id}/focal-points/{user.id}/remove").status_code
        == 404
    )
    response = client.post(f"/actions/partners/{ours.id}/focal-points/{user.id}/remove")
    assert response.status_code == 302
    db.session.refresh(user)
    assert not user.is_active_account
    # Still listed as the institution's, deactivated (their posts keep their name).
    assert user.partner_id == ours.id
    listed = client.get(f"/actions/partners/{ours.id}/edit").text
    assert user.email in listed and "Deactivated" in listed
    client.post("/auth/logout")
    answer = client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
    assert answer.status_code != 302 or "/partner/" not in answer.headers.get("Location", "")
    assert client.get("/partner/").status_code in (302, 401)


def test_a_focal_point_sees_only_their_institutions_requests(client, db, make, login, two_partners):
    ours, theirs = two_partners
    mine = helpers.request(db, make, partner=ours, title="Protecting migrant children")
    other = helpers.request(db, make, partner=theirs, title="Returns at the border")
    login(focal_point(db, make, ours))
    home = client.get("/partner/")
    assert "Protecting migrant children" in home.text and "Returns at the border" not in home.text
    assert client.get(f"/partner/requests/{mine.id}").status_code == 200
    assert client.get(f"/partner/requests/{other.id}").status_code == 404

    # Never the roster, the staff's pages or the ranking.
    for url in ("/experts/", "/actions/requests", f"/actions/requests/{mine.id}", "/actions/"):
        assert client.get(url).status_code == 403, url


def test_a_focal_point_is_refused_the_roster_scores_and_staff_pages(
    client, db, make, login, two_partners
):
    ours, theirs = two_partners
    action = helpers.action(db, make)
    action.partners.append(ours)
    db.session.commit()
    expert = make.expert(first_name="Ana", last_name="Lima")
    user = login(focal_point(db, make, ours))
    refused = {
        "the roster": "/experts/",
        "an expert's profile": f"/experts/{expert.id}",
        "vetting": "/experts/vetting",
        "their own Action's staff page": f"/actions/{action.id}",
        "Find experts (the scores)": f"/actions/{action.id}/find-experts",
        "the partner institutions": "/actions/partners",
        "their institution's staff page": f"/actions/partners/{ours.id}/edit",
        "another institution's staff page": f"/actions/partners/{theirs.id}/edit",
        "the open calls (staff)": "/opportunities/calls",
        "opportunities (an expert's scores)": "/opportunities/",
        "the reports": "/reports/",
    }
    for what, url in refused.items():
        assert client.get(url).status_code == 403, what
    token, secret = ApiToken.issue(user, "focal point's script")
    db.session.add(token)
    db.session.commit()
    bearer = {"Authorization": f"Bearer {secret}"}
    for url in ("/api/v1/experts", f"/api/v1/actions/{action.id}", "/api/v1/opportunities"):
        flask.g.pop("_login_user", None)
        assert client.get(url, headers=bearer).status_code == 403, url
    flask.g.pop("_login_user", None)
    matches = client.post("/api/v1/matches", json={"text": "children"}, headers=bearer)
    assert matches.status_code == 403
    # Their own pages name no score and no other institution.
    login(user)
    for url in ("/partner/", f"/partner/actions/{action.id}"):
        page = client.get(url).text
        assert "score" not in page.lower() and theirs.name not in page


def test_request_history_shows_the_decision_and_the_actions_steps(client, db, make, login):
    partner = helpers.partner(db, make)
    action = helpers.action(db, make, code="KZ-2021-77", title="Child protection at borders")
    req = helpers.request(db, make, partner=partner, status=RequestStatus.ACCEPTED, action=action)
    login(focal_point(db, make, partner))
    page = client.get(f"/partner/requests/{req.id}").text
    assert "Request received" in page and "Accepted" in page and "KZ-2021-77" in page


def test_an_action_shows_dates_activities_and_confirmed_experts_only(
    client, db, make, login, two_partners
):
    ours, theirs = two_partners
    action = helpers.action(db, make, title="Migrant children")
    action.partners.append(ours)
    db.session.commit()
    workshop = helpers.activity(db, action, title="Workshop in Almaty")
    bio = "Former head of the child protection unit. " * 20
    accepted = make.expert(first_name="Ana", last_name="Lima")
    accepted.email, accepted.biography = "ana@private.example", bio
    accepted.phone = "+33 6 00 00 00 01"
    shortlisted = make.expert(first_name="Bruno", last_name="Shortlisted")
    helpers.assignment(db, accepted, action, state=AssignmentState.ACCEPTED, activity=workshop)
    helpers.assignment(db, shortlisted, action, state=AssignmentState.PROPOSED)
    login(focal_point(db, make, ours))
    page = client.get(f"/partner/actions/{action.id}").text
    assert "Workshop in Almaty" in page and "2021-05-10" in page
    assert "Ana Lima" in page and "Former head of the child protection unit." in page
    assert bio.strip() not in page  # a short biography, not the whole
    assert "Shortlisted" not in page
    assert "ana@private.example" not in page and "+33 6" not in page
    assert "score" not in page.lower()

    other_action = helpers.action(db, make, title="Someone else's")
    other_action.partners.append(theirs)
    db.session.commit()
    assert client.get(f"/partner/actions/{other_action.id}").status_code == 404


def test_a_focal_point_sends_a_request_tied_to_their_institution(app, client, db, make, login):
    partner = helpers.partner(db, make, name="Ministry of Justice")
    user = login(focal_point(db, make, partner))
    page = client.get("/partner/requests/new")
    assert page.status_code == 200 and user.email in page.text
    text = "We need training for judges on the rights of migrant children in court."
    refused = client.post(
        "/partner/requests/new", data={"country_code": "KZ", "title": "", "text": text}
    )
    assert refused.status_code == 400 and text in refused.text
    response = client.post(
        "/partner/requests/new",
        data={
            "country_code": "KZ",
            "title": "Training for judges",
            "text": text,
            "contact_email": user.email,
        },
    )
    assert response.status_code == 302
    req = db.session.scalar(sa.select(Request).where(Request.title == "Training for judges"))
    assert req.partner_id == partner.id and req.created_by_id == user.id
    assert req.institution == "Ministry of Justice"
    assert req.status == RequestStatus.RECEIVED
    assert any(m["To"] == user.email for m in _outbox(app))
    assert "Training for judges" in client.get("/partner/").text


def test_a_request_cannot_be_sent_for_another_institution(client, db, make, login, two_partners):
    ours, theirs = two_partners
    login(focal_point(db, make, ours))
    response = client.post(
        "/partner/requests/new",
        data={
            "country_code": "KZ",
            "title": "Sent as someone else",
            "text": "We ask for support on the screening of arrivals at the border.",
            "partner_id": str(theirs.id),
            "partner": str(theirs.id),
            "institution_name": theirs.name,
        },
    )
    assert response.status_code == 302
    req = db.session.scalar(sa.select(Request).where(Request.title == "Sent as someone else"))
    assert req.partner_id == ours.id and req.institution == ours.name


def test_a_focal_point_never_gets_an_expert_profile(client, db, make, login):
    partner = helpers.partner(db, make)
    user = login(focal_point(db, make, partner))
    response = client.get("/experts/me")
    assert response.status_code == 302 and response.headers["Location"].endswith("/partner/")
    assert db.session.scalar(sa.select(Expert).where(Expert.user_id == user.id)) is None
    menu = client.get("/partner/").text
    assert "Our institution" in menu and "My profile" not in menu


def test_a_partner_account_without_institution_sees_nothing(client, make, login):
    login(make.user(role=Role.PARTNER))
    assert client.get("/partner/").status_code == 403
