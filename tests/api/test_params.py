"""Bad query parameters on the roster answer 400 naming the parameter, never 500."""

import pytest
from flask import g
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture
def staff_get(api_get, make, token_for):
    make.theme("asylum")
    make.region("asia")
    secret = token_for(make.staff())
    return lambda path, **kw: api_get(path, token=secret, **kw)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("min_level=Z9&language=fr", "min_level"),
        ("min_level=C1", "min_level"),
        ("language=xx1", "language"),
        ("language=qq", "language"),
        ("country=XX", "country"),
        ("country=FRA", "country"),
        ("region=atlantis", "region"),
        ("theme=asylum&theme=no-such-theme", "theme"),
        ("status=sleeping", "status"),
        ("joined_year=twenty", "joined_year"),
        ("joined_year=99999999999", "joined_year"),
        ("joined_year=0", "joined_year"),
        ("available_from=2026-02-30", "available_from"),
        ("available_from=2026-03-10&available_to=2026-03-01", "available_to"),
        ("sort=salary", "sort"),
        ("page=two", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("per_page=1e3", "per_page"),
        ("themes=asylum", "themes"),
        ("status=applied&status=approved", "status"),
    ],
)
def test_bad_parameter_answers_400_naming_it(staff_get, query, parameter):
    response = staff_get(f"/api/v1/experts?{query}")
    assert response.status_code == 400, response.get_data(as_text=True)
    error = response.json["error"]
    assert error["code"] == "bad_request"
    assert f"'{parameter}'" in error["message"]
    assert parameter in error["parameters"]


def test_every_bad_parameter_is_listed(staff_get):
    response = staff_get("/api/v1/experts?status=x&country=XX&joined_year=y")
    assert response.status_code == 400
    assert set(response.json["error"]["parameters"]) == {"status", "country", "joined_year"}


def test_error_message_starts_with_the_parameter(staff_get):
    english = staff_get("/api/v1/experts?page=x").json["error"]["message"]
    assert english.startswith("Bad parameter 'page'")


@pytest.mark.parametrize(
    "query",
    [
        "q=%25zz%5F%5C",  # % _ \ are not searched for, the word zz is
        "q=" + "word " * 100,
        "language=FR&min_level=native",
        "country=fr",
        "min_level=c1&language=fr",
        "lang=fr",
        "per_page=100&page=100000",
        "theme=",
    ],
)
def test_unusual_but_valid_parameters_answer_200(staff_get, query):
    response = staff_get(f"/api/v1/experts?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.json["items"] == []


@pytest.mark.parametrize("query", ["q=a%00b", "region=asia%00", "theme=%00"])
def test_nul_character_answers_400_not_a_database_error(staff_get, query):
    """PostgreSQL cannot store or compare text with NUL: refused before any query."""
    response = staff_get(f"/api/v1/experts?{query}")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad_request"


def test_nul_character_in_a_page_or_form_answers_400(client):
    assert client.get("/?q=%00").status_code == 400
    response = client.post("/auth/login", data={"email": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400
    assert b"<html" in response.data


PARAMETERS = ["q", "theme", "language", "min_level", "country", "region", "status"]
PARAMETERS += ["joined_year", "available_from", "available_to", "sort", "page", "per_page"]


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # requests only read
)
@given(
    query=st.dictionaries(
        st.sampled_from([*PARAMETERS, "unknown"]),
        st.text(max_size=30),
        max_size=4,
    )
)
def test_any_parameters_answer_200_or_400_never_500(staff_get, query):
    response = staff_get("/api/v1/experts", query_string=query)
    assert response.status_code in (200, 400), (query, response.get_data(as_text=True))
    if response.status_code == 400:
        assert response.json["error"]["code"] == "bad_request"
        assert set(response.json["error"].get("parameters", {})) <= set(query)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/experts?page=%D9%A3",  # ARABIC-INDIC DIGIT THREE: int() would read it as 3
        "/api/v1/experts?per_page=%EF%BC%93",  # FULLWIDTH DIGIT THREE
        "/api/v1/experts?page=%C2%B2",  # SUPERSCRIPT TWO: isdigit() but int() fails
        "/api/v1/experts?joined_year=%D9%A2%D9%A0%D9%A2%D9%A1",
        "/api/v1/actions?year=%D9%A2%D9%A0%D9%A2%D9%A1",
        "/api/v1/actions?per_page=%C2%B2",
        "/api/v1/actions/1/matches?k=%D9%A3",
        "/api/v1/reports/coverage?threshold=%D9%A3",
    ],
)
def test_numbers_are_ascii_digits_only(staff_get, path):
    """One rule for every number a query string carries: a 400 naming it, never a 500."""
    response = staff_get(path)
    assert response.status_code == 400, response.get_data(as_text=True)
    error = response.json["error"]
    assert error["code"] == "bad_request"
    assert error["field"] in error["parameters"]


def test_numbers_in_a_body_are_ascii_digits_only(client, make, token_for):
    g.pop("_login_user", None)
    headers = {"Authorization": f"Bearer {token_for(make.staff())}"}
    for k in ("\u0663", "\u00b2", 3.5, True):
        response = client.post("/api/v1/matches", json={"k": k}, headers=headers)
        assert response.status_code == 400, k
        assert response.json["error"]["field"] == "k"
