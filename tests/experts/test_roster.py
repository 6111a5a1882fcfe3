"""The staff roster: each filter gives the right subset; sort, pagination, errors, CSV export."""

import csv
import io
from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from roster.experts.filters import filters_from_args
from roster.experts.models import Status, Unavailability


@pytest.fixture
def roster(make, login):
    """Three experts with distinct themes, languages, countries, dates; staff signed in."""
    ana = make.expert(
        first_name="Ana",
        last_name="Alves",
        themes={"asylum": "senior", "migration-data": "working"},
        languages={"fr": "C1", "en": "B2"},
        countries={"BJ": "west-africa"},
        joined_on=date(2021, 3, 1),
        cv_text="Expert on trafficking routes in the Sahel",
        years_experience=20,
    )
    bo = make.expert(
        first_name="Bo",
        last_name="Berg",
        themes={"asylum": "working"},
        languages={"fr": "A2"},
        countries={"KZ": "central-asia"},
        joined_on=date(2022, 6, 1),
        years_experience=5,
    )
    cy = make.expert(
        first_name="Cy",
        last_name="Costa",
        status=Status.APPLIED,
        languages={"es": "native"},
        countries={"SN": "west-africa"},
        biography="Labour migration",
    )
    bo.unavailability.append(Unavailability(start=date(2026, 7, 1), end=date(2026, 7, 31)))
    make.db.session.commit()
    login(make.staff())
    return {"ana": ana, "bo": bo, "cy": cy}


def names(client, query: str) -> list[str]:
    html = client.get("/experts/?" + query).get_data(as_text=True)
    return [n for n in ("Alves", "Berg", "Costa") if f"{n}, " in html]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Alves", "Berg", "Costa"]),
        ("theme=asylum", ["Alves", "Berg"]),
        ("theme=asylum&theme=migration-data", ["Alves"]),
        ("language=fr", ["Alves", "Berg"]),
        ("language=fr&min_level=B1", ["Alves"]),
        ("country=KZ", ["Berg"]),
        ("region=west-africa", ["Alves", "Costa"]),
        ("status=applied", ["Costa"]),
        ("available_from=2026-07-10&available_to=2026-07-20", ["Alves", "Costa"]),
        ("available_from=2026-08-01&available_to=2026-08-20", ["Alves", "Berg", "Costa"]),
        ("joined_year=2022", ["Berg"]),
        ("q=sahel", ["Alves"]),
        ("q=labour", ["Costa"]),
    ],
)
def test_each_filter_gives_its_subset(client, roster, query, expected):
    assert names(client, query) == expected


def test_invalid_filters_are_shown_as_errors_not_500(client, roster):
    response = client.get("/experts/?available_from=31/12/2026&joined_year=20x1&min_level=Z9")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="available_from-error"' in html and 'value="31/12/2026"' in html
    assert 'id="joined_year-error"' in html and 'id="min_level-error"' in html


def test_unknown_theme_or_region_is_reported(client, roster):
    html = client.get("/experts/?theme=gone&region=atlantis").get_data(as_text=True)
    assert 'id="theme-error"' in html and 'id="region-error"' in html


def test_filters_from_args_reports_errors_by_parameter(app):
    filters, errors = filters_from_args(
        MultiDict([("theme", "a"), ("theme", "b"), ("min_level", "c1"), ("status", "gone")])
    )
    assert filters.themes == ["a", "b"] and filters.min_level == "C1"
    assert set(errors) == {"status"}


def test_sort_and_pagination(client, roster):
    html = client.get("/experts/?sort=-experience&per_page=1").get_data(as_text=True)
    assert "Alves, " in html and "Berg, " not in html and "3 experts found" in html
    html = client.get("/experts/?sort=-experience&per_page=1&page=2").get_data(as_text=True)
    assert "Berg, " in html and "Alves, " not in html
    assert "page=3" in html  # the pager links on


def test_erased_experts_are_hidden(client, roster, db):
    roster["bo"].erased_at = roster["bo"].created_at
    db.session.commit()
    assert names(client, "") == ["Alves", "Costa"]


def export_rows(client, query: str = "") -> list[list[str]]:
    response = client.get("/experts/export.csv?" + query)
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_export_respects_filters(client, roster):
    rows = export_rows(client, "theme=asylum&sort=name")
    header, body = rows[0], rows[1:]
    assert [r[header.index("last_name")] for r in body] == ["Alves", "Berg"]
    ana = dict(zip(header, body[0], strict=True))
    assert ana["themes"] == "asylum:senior; migration-data:working"
    assert ana["languages"] == "en:B2; fr:C1"


def test_export_neutralises_formulas(client, make, login):
    make.expert(first_name='=HYPERLINK("http://x")', last_name="-2+3", employer="@SUM(A1)")
    login(make.staff())
    rows = export_rows(client)
    header, row = rows[0], rows[1]
    assert row[header.index("first_name")].startswith("'=")
    assert row[header.index("last_name")] == "'-2+3"
    assert row[header.index("employer")] == "'@SUM(A1)"


def test_export_link_keeps_the_filters(client, roster):
    html = client.get("/experts/?theme=asylum&language=fr").get_data(as_text=True)
    assert "/experts/export.csv?theme=asylum&amp;language=fr" in html


def test_experts_cannot_export(client, make, login):
    login(make.user())
    assert client.get("/experts/export.csv").status_code == 403


def row_of(html: str, last_name: str) -> str:
    """The table row of one expert."""
    start = html.index(f"{last_name}, ")
    return html[start : html.index("</tr>", start)]


def test_rows_show_status_themes_languages_and_countries_in_words(client, roster):
    row = row_of(client.get("/experts/").get_data(as_text=True), "Alves")
    assert '<span class="badge badge-status-approved">Approved</span>' in row
    assert "Asylum; Migration data" in row  # in the order of the themes' ids
    assert "English (B2); French (C1)" in row  # by language code
    assert "Benin" in row and "2021-03-01" in row
    costa = row_of(client.get("/experts/").get_data(as_text=True), "Costa")
    assert "badge-status-applied" in costa and "Spanish (native)" in costa


def test_rows_are_in_the_readers_language(client, roster):
    html = client.get("/experts/?lang=fr").get_data(as_text=True)
    row = row_of(html, "Alves")
    assert ">Approuvé</span>" in row and "anglais (B2); français (C1)" in row and "Bénin" in row
    assert "Candidature déposée" in row_of(html, "Costa")
    assert '<option value="" selected>Tous les statuts</option>' in html  # the filter lists too
    english = client.get("/experts/?lang=en").get_data(as_text=True)
    assert ">Approved</span>" in row_of(english, "Alves") and "Any status" in english


def test_a_taxonomy_edit_shows_at_once_and_labels_are_escaped(client, roster, db):
    from roster.taxonomy.models import Theme

    client.get("/experts/")  # the lists are made and kept
    theme = db.session.scalar(db.select(Theme).filter_by(slug="asylum"))
    theme.label_en = "Asylum <b>& protection</b>"
    db.session.commit()
    html = client.get("/experts/").get_data(as_text=True)
    assert "Asylum &lt;b&gt;&amp; protection&lt;/b&gt;; Migration data" in row_of(html, "Alves")
    assert '<option value="asylum">Asylum &lt;b&gt;&amp; protection&lt;/b&gt;</option>' in html
    assert "<b>& protection" not in html


def test_the_same_filters_with_other_values_give_their_own_experts(client, roster):
    # One statement serves each combination of filters; its values change with the link.
    assert names(client, "status=applied&language=es") == ["Costa"]
    assert names(client, "status=approved&language=fr") == ["Alves", "Berg"]
    assert names(client, "theme=migration-data&q=sahel") == ["Alves"]
    assert names(client, "theme=asylum&q=labour") == []
    assert names(client, "q=labour&sort=name") == ["Costa"]  # a search not ranked
    html = client.get("/experts/?sort=name&per_page=1&page=3").get_data(as_text=True)
    assert "Costa, " in html and "Alves, " not in html and "3 experts found" in html
    html = client.get("/experts/?sort=name&per_page=1&page=9").get_data(as_text=True)
    assert "3 experts found" in html  # past the end: counted apart
