"""The roster list and one profile: the JSON contract and each filter's subset."""

from datetime import date

import pytest

from roster.experts.models import Unavailability


@pytest.fixture
def staff_get(api_get, make, token_for):
    """GET as a staff member's token."""
    secret = token_for(make.staff())
    return lambda path, **kw: api_get(path, token=secret, **kw)


def _names(response) -> list[str]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return sorted(item["name"] for item in response.json["items"])


def test_list_item_contract(staff_get, make):
    expert = make.expert(
        first_name="Amina",
        last_name="Diallo",
        themes={"asylum": "senior", "trafficking": "working"},
        languages={"fr": "native", "en": "C1"},
        countries={"BJ": "west-africa", "SN": "west-africa", "MX": None},
        joined_on=date(2021, 3, 15),
    )
    body = staff_get("/api/v1/experts").json
    assert body["total"] == 1
    assert body["page"] == 1
    assert body["per_page"] == 25
    assert body["items"] == [
        {
            "id": expert.id,
            "name": "Amina Diallo",
            "status": "approved",
            "joined_on": "2021-03-15",
            "themes": [
                {"slug": "asylum", "depth": "senior"},
                {"slug": "trafficking", "depth": "working"},
            ],
            "languages": [{"code": "fr", "level": "native"}, {"code": "en", "level": "C1"}],
            "countries": ["BJ", "MX", "SN"],
            "regions": ["west-africa"],
            "url": f"/api/v1/experts/{expert.id}",
        }
    ]


def test_list_item_of_applicant_has_no_join_date(staff_get, make):
    make.expert(status="applied")
    item = staff_get("/api/v1/experts").json["items"][0]
    assert item["status"] == "applied"
    assert item["joined_on"] is None


def test_pagination_total_page_per_page(staff_get, make):
    for i in range(7):
        make.expert(first_name="P", last_name=f"Person{i:02d}")
    first = staff_get("/api/v1/experts?per_page=3").json
    assert (first["total"], first["page"], first["per_page"], first["pages"]) == (7, 1, 3, 3)
    assert [i["name"] for i in first["items"]] == ["P Person00", "P Person01", "P Person02"]
    last = staff_get("/api/v1/experts?per_page=3&page=3").json
    assert [i["name"] for i in last["items"]] == ["P Person06"]
    beyond = staff_get("/api/v1/experts?per_page=3&page=9").json
    assert beyond["items"] == []
    assert beyond["total"] == 7


def test_per_page_defaults_to_25(staff_get, make):
    for i in range(26):
        make.expert(last_name=f"Many{i:02d}")
    body = staff_get("/api/v1/experts").json
    assert len(body["items"]) == 25
    assert body["pages"] == 2


def test_filter_q(staff_get, make):
    make.expert(first_name="Ana", biography="Worked on statelessness in Central Asia")
    make.expert(first_name="Bo", employer="Statistics office")
    make.expert(first_name="Cy")
    assert [n.split()[0] for n in _names(staff_get("/api/v1/experts?q=statelessness"))] == ["Ana"]
    assert [n.split()[0] for n in _names(staff_get("/api/v1/experts?q=STATISTICS"))] == ["Bo"]


def test_filter_themes_all_required(staff_get, make):
    make.expert(first_name="Both", themes={"asylum": "senior", "health": "working"})
    make.expert(first_name="Asylum", themes={"asylum": "working"})
    make.expert(first_name="Health", themes={"health": "working"})
    one = _names(staff_get("/api/v1/experts?theme=asylum"))
    assert [n.split()[0] for n in one] == ["Asylum", "Both"]
    both = _names(staff_get("/api/v1/experts?theme=asylum&theme=health"))
    assert [n.split()[0] for n in both] == ["Both"]


def test_filter_language_and_min_level(staff_get, make):
    make.expert(first_name="Native", languages={"ru": "native"})
    make.expert(first_name="Middle", languages={"ru": "B1"})
    make.expert(first_name="Other", languages={"fr": "C2"})
    speakers = _names(staff_get("/api/v1/experts?language=ru"))
    assert [n.split()[0] for n in speakers] == ["Middle", "Native"]
    fluent = _names(staff_get("/api/v1/experts?language=ru&min_level=C1"))
    assert [n.split()[0] for n in fluent] == ["Native"]


def test_filter_country_and_region(staff_get, make):
    make.expert(first_name="Benin", countries={"BJ": "west-africa"})
    make.expert(first_name="Senegal", countries={"SN": "west-africa"})
    make.expert(first_name="Mexico", countries={"MX": "latin-america"})
    by_country = _names(staff_get("/api/v1/experts?country=bj"))
    assert [n.split()[0] for n in by_country] == ["Benin"]
    by_region = _names(staff_get("/api/v1/experts?region=west-africa"))
    assert [n.split()[0] for n in by_region] == ["Benin", "Senegal"]


def test_filter_status_and_joined_year(staff_get, make):
    make.expert(first_name="Old", joined_on=date(2019, 6, 1))
    make.expert(first_name="New", joined_on=date(2021, 2, 1))
    make.expert(first_name="Waiting", status="applied")
    applied = _names(staff_get("/api/v1/experts?status=applied"))
    assert [n.split()[0] for n in applied] == ["Waiting"]
    of_2021 = _names(staff_get("/api/v1/experts?joined_year=2021"))
    assert [n.split()[0] for n in of_2021] == ["New"]


def test_filter_availability(staff_get, make, db):
    busy = make.expert(first_name="Busy")
    make.expert(first_name="Free")
    busy.unavailability.append(Unavailability(start=date(2026, 3, 1), end=date(2026, 3, 31)))
    db.session.commit()
    names = _names(staff_get("/api/v1/experts?available_from=2026-03-10&available_to=2026-03-12"))
    assert [n.split()[0] for n in names] == ["Free"]


def test_filters_combine(staff_get, make):
    make.expert(first_name="Match", themes={"asylum": "senior"}, languages={"es": "C1"})
    make.expert(first_name="Theme", themes={"asylum": "senior"}, languages={"es": "A2"})
    make.expert(first_name="Lang", themes={"health": "senior"}, languages={"es": "C2"})
    names = _names(staff_get("/api/v1/experts?theme=asylum&language=es&min_level=B2"))
    assert [n.split()[0] for n in names] == ["Match"]


def test_detail_contract(staff_get, make, db):
    expert = make.expert(
        first_name="Lena",
        last_name="Novak",
        nationality="SI",
        employer="Police",
        employer_type="member_state",
        position="Inspector",
        years_experience=12,
        biography="Border management.",
        themes={"borders": "senior"},
        languages={"sl": "native"},
        countries={"MD": "eu-neighbourhood"},
    )
    expert.unavailability.append(
        Unavailability(start=date(2026, 7, 1), end=date(2026, 7, 31), note="Leave")
    )
    db.session.commit()
    body = staff_get(f"/api/v1/experts/{expert.id}").json
    assert body["name"] == "Lena Novak"
    assert body["nationality"] == "SI"
    assert (body["employer"], body["employer_type"], body["position"]) == (
        "Police",
        "member_state",
        "Inspector",
    )
    assert body["years_experience"] == 12
    assert body["themes"] == [{"slug": "borders", "depth": "senior"}]
    assert body["regions"] == ["eu-neighbourhood"]
    assert body["unavailability"] == [{"start": "2026-07-01", "end": "2026-07-31", "note": "Leave"}]
    assert body["has_cv"] is False
    assert "cv_text" not in body
    assert "vetting_note" not in body


def test_user_content_is_returned_as_data_not_markup(staff_get, make):
    expert = make.expert(first_name="<script>alert(1)</script>")
    response = staff_get(f"/api/v1/experts/{expert.id}")
    assert response.mimetype == "application/json"
    assert response.json["first_name"] == "<script>alert(1)</script>"
