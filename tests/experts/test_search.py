"""The roster's free-text search on the database's full-text engine (both backends): accents,
stems in three languages, phrases, best match first, snippets, and no query that fails."""

import csv
import io

import pytest

from roster.experts.filters import RosterFilters
from roster.experts.search import roster_query


@pytest.fixture
def people(make, login):
    """Experts whose texts differ in accents, word forms, languages and phrases."""
    experts = {
        "benin": make.expert(
            first_name="Irène",
            last_name="Adjovi",
            biography="Ten years at the border police of Bénin, training officers.",
        ),
        "fr": make.expert(
            first_name="Luc",
            last_name="Moreau",
            biography="Conseiller sur les accords internationaux et les politiques économiques.",
        ),
        "es": make.expert(
            first_name="Rosa",
            last_name="García",
            biography="Asesora en políticas migratorias y trata de personas.",
        ),
        "phrase": make.expert(
            first_name="Tom",
            last_name="Hale",
            biography="Human rights and border management in the Sahel.",
            employer="Ministry of Interior",
        ),
        "words": make.expert(
            first_name="Ada",
            last_name="Sahel",
            biography="Management of rights at the border; trafficked persons.",
        ),
    }
    login(make.staff())
    return experts


def names(db, q: str, **filters) -> list[str]:
    """Last names found by the roster's query, in its order."""
    experts = db.session.scalars(roster_query(RosterFilters(q=q, **filters))).all()
    return [e.last_name for e in experts]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Benin", {"Adjovi"}),  # Bénin
        ("BÉNIN", {"Adjovi"}),
        ("garcia", {"García"}),
        ("irene", {"Adjovi"}),
        ("trained", {"Adjovi"}),  # English: training
        ("trafficking", {"Sahel"}),  # English: trafficked
        ("internationale", {"Moreau"}),  # French: internationaux
        ("économie", {"Moreau"}),  # French: économiques
        ("migratorio", {"García"}),  # Spanish: migratorias
        ("asesor", {"García"}),  # Spanish: asesora
        ("ministry interior", {"Hale"}),  # employer
        ("border rights", {"Hale", "Sahel"}),  # every word, anywhere
        ('"border management"', {"Hale"}),  # the phrase, in this order
        ('"management border"', set()),
        ("border zanzibar", set()),
    ],
)
def test_words_match_across_accents_case_and_word_forms(db, people, q, expected):
    assert set(names(db, q)) == expected


def test_best_match_first_then_other_orders_on_request(db, people):
    # "Sahel" is Ada's name (weighted most) and only a word of Tom's biography.
    assert names(db, "sahel") == ["Sahel", "Hale"]
    assert names(db, "sahel", sort="name") == ["Hale", "Sahel"]
    assert names(db, "", sort="relevance") == ["Adjovi", "García", "Hale", "Moreau", "Sahel"]


def test_search_combines_with_the_other_filters(db, people, make):
    make.expert(last_name="Applicant", status="applied", biography="border work")
    assert set(names(db, "border")) == {"Adjovi", "Hale", "Sahel", "Applicant"}
    assert set(names(db, "border", status="approved")) == {"Adjovi", "Hale", "Sahel"}


def test_page_shows_where_the_words_matched(client, people):
    html = client.get("/experts/?q=benin+training").get_data(as_text=True)
    assert "Adjovi" in html and "Moreau" not in html
    assert "police of <mark>Bénin</mark>, <mark>training</mark> officers" in html
    html = client.get("/experts/?q=ministry").get_data(as_text=True)
    assert "<mark>Ministry</mark> of Interior" in html


def test_snippets_are_escaped(client, make, people):
    make.expert(last_name="Xss", biography='<img src=x onerror="alert(1)"> asylum <b>law</b>')
    html = client.get("/experts/?q=asylum").get_data(as_text=True)
    assert "&lt;img src=x onerror=" in html
    assert "<mark>asylum</mark> &lt;b&gt;law&lt;/b&gt;" in html
    assert "<img src=x" not in html


def test_page_api_and_csv_give_the_same_experts_in_the_same_order(client, db, people, token_for):
    expected = names(db, "border")
    assert len(expected) == 3
    html = client.get("/experts/?q=border").get_data(as_text=True)
    assert sorted(expected, key=html.index) == expected
    text = client.get("/experts/export.csv?q=border").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["last_name"] for r in rows] == expected
    headers = {"Authorization": f"Bearer {token_for(_staff(db))}"}
    items = client.get("/api/v1/experts?q=border", headers=headers).json["items"]
    assert [i["name"].split()[-1] for i in items] == expected


def _staff(db):
    from roster.auth.models import Role, User

    return db.session.scalar(db.select(User).where(User.role == Role.STAFF))


HOSTILE = [
    '"',
    '""',
    '"unclosed',
    "(asylum OR border",
    "NEAR(border management, 2)",
    "bord*",
    "^border",
    "-border",
    "border AND NOT management",
    "name:border",
    "{name biography}: border",
    "'; DROP TABLE expert; --",
    "%_\\",
    "🙂 border",
    "اللجوء",
    "移民 管理",
    "\u202eborder\u200b",
    "<script>alert(1)</script>",
    "a " * 400,
    "é" * 1000,
    "border " * 60,
]


@pytest.mark.parametrize("q", HOSTILE)
def test_no_query_fails_on_the_page_the_csv_or_the_api(client, db, people, token_for, q):
    page = client.get("/experts/", query_string={"q": q})
    assert page.status_code == 200
    assert client.get("/experts/export.csv", query_string={"q": q}).status_code == 200
    headers = {"Authorization": f"Bearer {token_for(_staff(db))}"}
    api = client.get("/api/v1/experts", query_string={"q": q}, headers=headers)
    assert api.status_code in (200, 400), api.get_data(as_text=True)
    if api.status_code == 400:
        assert set(api.json["error"]["parameters"]) == {"q"}


def test_a_query_with_nothing_to_search_says_so(client, db, people, token_for):
    html = client.get("/experts/?q=()*%5E").get_data(as_text=True)
    assert "Nothing to search for" in html
    assert all(n in html for n in ("Adjovi", "García", "Moreau"))  # left out, as bad filters are
    headers = {"Authorization": f"Bearer {token_for(_staff(db))}"}
    api = client.get("/api/v1/experts?q=()*%5E", headers=headers)
    assert api.status_code == 400
    assert "Nothing to search for" in api.json["error"]["message"]


def test_message_is_translated(client, people):
    html = client.get("/experts/?q=()&lang=fr").get_data(as_text=True)
    assert "Rien à chercher" in html
