"""The Actions list and its filters, the create and edit forms, activities and documents."""

import io
from datetime import date

import pytest
import sqlalchemy as sa

from roster.actions.models import Action, ActionDocument, Activity
from roster.actions.states import ActionStatus
from tests.actions import helpers as h


@pytest.fixture
def staff(make, login):
    return login(make.staff())


@pytest.fixture
def three(db, make):
    """Three Actions in different places, themes, statuses and years."""
    kz = h.action(
        db,
        make,
        code="KZ-2021-01",
        title="Children in Almaty",
        themes=["migrant-children"],
        status=ActionStatus.IMPLEMENTATION,
        start_on=date(2021, 12, 1),
        end_on=date(2023, 6, 30),
    )
    md = h.action(
        db,
        make,
        country="MD",
        region="eu-neighbourhood",
        code="MD-2021-01",
        title="Border management",
        themes=["border-management"],
        status=ActionStatus.NEEDS_ASSESSMENT,
        start_on=date(2021, 3, 10),
        end_on=date(2022, 12, 31),
    )
    bj = h.action(
        db,
        make,
        country="BJ",
        region="west-central-africa",
        code="BJ-2019-01",
        title="Environmental migration",
        themes=["environmental-migration"],
        status=ActionStatus.CONCLUDED,
        start_on=date(2019, 9, 1),
        end_on=date(2020, 10, 30),
        concluded_on=date(2020, 10, 30),
    )
    return kz, md, bj


def _codes(client, query: str) -> set[str]:
    page = client.get(f"/actions/?{query}").get_data(as_text=True)
    return {code for code in ("KZ-2021-01", "MD-2021-01", "BJ-2019-01") if code in page}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"KZ-2021-01", "MD-2021-01", "BJ-2019-01"}),
        ("status=implementation", {"KZ-2021-01"}),
        ("region=eu-neighbourhood", {"MD-2021-01"}),
        ("country=bj", {"BJ-2019-01"}),
        ("theme=migrant-children", {"KZ-2021-01"}),
        ("year=2021", {"KZ-2021-01", "MD-2021-01"}),
        ("year=2020", {"BJ-2019-01"}),
        ("year=2021&region=asia", {"KZ-2021-01"}),
        ("q=border", {"MD-2021-01"}),
    ],
)
def test_list_filters(client, staff, three, query, expected):
    assert _codes(client, query) == expected


def test_list_names_bad_filters_and_ignores_them(client, staff, three):
    response = client.get("/actions/?year=twenty&status=nonsense")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Give a year such as 2021." in page and "Unknown value." in page
    assert _codes(client, "year=twenty") == {"KZ-2021-01", "MD-2021-01", "BJ-2019-01"}


def test_an_activity_puts_an_action_in_its_year(client, db, make, staff, three):
    _kz, _md, bj = three
    h.activity(db, bj, start_on=date(2018, 5, 2))
    assert _codes(client, "year=2018") == {"BJ-2019-01"}


def test_experts_cannot_see_actions(client, make, login, three):
    login(make.user())
    assert client.get("/actions/").status_code == 403
    assert client.get(f"/actions/{three[0].id}").status_code == 403


def test_pagination(client, db, make, staff, app):
    app.config["PER_PAGE"] = 2
    for n in range(5):
        h.action(db, make, code=f"KZ-2020-{n:02d}")
    first = client.get("/actions/").get_data(as_text=True)
    third = client.get("/actions/?page=3").get_data(as_text=True)
    assert "5 Actions found" in first
    assert first.count("KZ-2020-") == 2 and third.count("KZ-2020-") == 1


def action_form(**overrides):
    data = {
        "title": "Integrated border management",
        "summary": "Support the border police.",
        "country_code": "MD",
        "themes": ["border-management"],
        "languages": ["ro", "en"],
        "start_on": "2021-03-10",
        "end_on": "2022-12-31",
    }
    data.update(overrides)
    return data


def test_create_an_action(client, db, make, staff):
    make.country("MD", "eu-neighbourhood")
    make.theme("border-management")
    partner = h.partner(db, make, name="Border Police", country="MD")
    response = client.post("/actions/new", data=action_form(partners=[str(partner.id)]))
    assert response.status_code == 302
    action = db.session.scalar(sa.select(Action))
    assert action.code == "MD-2021-01"  # country and the year of the start date
    assert action.region.slug == "eu-neighbourhood"
    assert action.partners == [partner]
    assert action.languages == ["ro", "en"]
    assert action.status == ActionStatus.PLANNED and len(action.history) == 1


def test_create_with_errors_keeps_what_was_typed(client, db, make, staff):
    make.country("MD", "eu-neighbourhood")
    response = client.post(
        "/actions/new",
        data=action_form(title="", start_on="2022-01-01", end_on="2021-01-01", summary="kept"),
    )
    page = response.get_data(as_text=True)
    assert "The end date must not be before the start date." in page
    assert "This field is required." in page
    assert "kept</textarea>" in page and 'value="2021-01-01"' in page
    assert db.session.scalar(sa.select(sa.func.count(Action.id))) == 0


def test_edit_an_action_and_refuse_a_stale_copy(client, db, make, staff):
    action = h.action(
        db, make, country="MD", region="eu-neighbourhood", themes=["border-management"]
    )
    old_version = action.version
    response = client.post(
        f"/actions/{action.id}/edit", data=action_form(version=str(old_version), title="New")
    )
    assert response.status_code == 302
    db.session.refresh(action)
    assert action.title == "New" and action.code.startswith("MD-")
    stale = client.post(
        f"/actions/{action.id}/edit", data=action_form(version=str(old_version), title="Lost")
    )
    assert "Someone else saved this while you were editing" in stale.get_data(as_text=True)
    db.session.refresh(action)
    assert action.title == "New"


def activity_form(**overrides):
    data = {
        "title": "Regional webinar",
        "kind": "webinar",
        "format": "online",
        "start_on": "2021-09-28",
        "place": "Online",
        "participants": "110",
        "notes": "COVID-19 and border management",
    }
    data.update(overrides)
    return data


def test_add_and_edit_an_activity(client, db, make, staff):
    action = h.action(db, make)
    response = client.post(f"/actions/{action.id}/activities/new", data=activity_form())
    assert response.status_code == 302
    activity = db.session.scalar(sa.select(Activity))
    assert (activity.kind.value, activity.format.value, activity.participants) == (
        "webinar",
        "online",
        110,
    )
    response = client.post(
        f"/actions/activities/{activity.id}/edit",
        data=activity_form(version=str(activity.version), format="hybrid", end_on="2021-09-29"),
    )
    assert response.status_code == 302
    db.session.refresh(activity)
    assert activity.format.value == "hybrid" and activity.end_on == date(2021, 9, 29)


def test_activity_with_errors_keeps_what_was_typed(client, db, make, staff):
    action = h.action(db, make)
    response = client.post(
        f"/actions/{action.id}/activities/new",
        data=activity_form(participants="many", start_on="28/09/2021", kind="party"),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'value="many"' in page and 'value="28/09/2021"' in page
    assert "Not a valid choice" in page
    assert "COVID-19 and border management</textarea>" in page
    assert db.session.scalar(sa.select(sa.func.count(Activity.id))) == 0


def _upload(client, action, data: bytes, name="tor.pdf"):
    return client.post(
        f"/actions/{action.id}/documents",
        data={
            "doc-kind": "terms_of_reference",
            "doc-title": "ToR",
            "doc-file": (io.BytesIO(data), name),
        },
        content_type="multipart/form-data",
    )


def test_upload_and_download_a_pdf(client, db, make, staff):
    action = h.action(db, make)
    pdf = h.pdf_bytes()
    assert _upload(client, action, pdf).status_code == 302
    document = db.session.scalar(sa.select(ActionDocument))
    assert (document.kind.value, document.filename, document.size) == (
        "terms_of_reference",
        "tor.pdf",
        len(pdf),
    )
    with client.get(f"/actions/documents/{document.id}") as download:
        assert download.data == pdf
        assert download.mimetype == "application/pdf"
        assert "attachment" in download.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"MZ\x90\x00 this is a program", "This file is not a PDF"),
        (b"%PDF-1.7\nrubbish that no reader can open", "damaged or cannot be read"),
        (b"", "The file is empty"),
    ],
)
def test_upload_refuses_what_is_not_a_readable_pdf(client, db, make, staff, data, message):
    action = h.action(db, make)
    response = _upload(client, action, data, name="tor.pdf")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert 'value="ToR"' in page  # the title typed is kept
    assert db.session.scalar(sa.select(sa.func.count(ActionDocument.id))) == 0


def test_upload_refuses_a_file_over_the_limit(client, db, make, staff, app):
    app.config["CV_MAX_BYTES"] = 1000
    action = h.action(db, make)
    response = _upload(client, action, h.pdf_bytes() + b"%" * 2000)
    assert "too large" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(ActionDocument.id))) == 0


def test_experts_cannot_download_documents(client, db, make, login, staff):
    action = h.action(db, make)
    _upload(client, action, h.pdf_bytes())
    document = db.session.scalar(sa.select(ActionDocument))
    login(make.user())
    assert client.get(f"/actions/documents/{document.id}").status_code == 403


def test_an_action_without_dates_takes_them_from_its_activities(client, db, make, staff):
    action = h.action(db, make, code="KZ-2021-09", start_on=None, end_on=None)
    page = client.get(f"/actions/{action.id}").get_data(as_text=True)
    assert "dates to be set" in page  # nothing dated yet
    h.activity(db, action, start_on=date(2021, 9, 20), end_on=date(2021, 9, 22))
    h.activity(db, action, start_on=date(2021, 5, 10), title="Kick-off")
    db.session.refresh(action)
    assert action.period() == (date(2021, 5, 10), date(2021, 9, 22))
    overview = client.get(f"/actions/{action.id}").get_data(as_text=True)
    overview = overview[: overview.index('id="activities"')]
    assert "2021-05-10 \u2013 2021-09-22" in overview and "dates to be set" not in overview
    listing = client.get("/actions/").get_data(as_text=True)
    assert "2021-05-10 \u2013 2021-09-22" in listing and "dates to be set" not in listing


def test_an_action_keeps_its_own_dates_over_its_activities(db, make):
    action = h.action(db, make, start_on=date(2021, 3, 1), end_on=date(2021, 12, 31))
    h.activity(db, action, start_on=date(2022, 2, 1))
    db.session.refresh(action)
    assert action.period() == (date(2021, 3, 1), date(2021, 12, 31))
