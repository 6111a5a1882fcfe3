"""What a search query means (words, phrases, nothing of an engine's syntax), the folded and
stemmed forms, and the snippets: matched words marked, everything else escaped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roster.experts.search_index import fts5_expression
from roster.experts.search_terms import MAX_TERMS, fold, parse_query, stem, stemmed_text
from roster.experts.snippets import snippets


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("asylum", [("asylum",)]),
        ("  Border   management ", [("Border",), ("management",)]),
        ('"border management" Sahel', [("border", "management"), ("Sahel",)]),
        ("“gestion des frontières”", [("gestion", "des", "frontières")]),
        ("«trata de personas»", [("trata", "de", "personas")]),
        ('"unclosed phrase', [("unclosed", "phrase")]),
        ("covid-19 j.doe@who.int", [("covid", "19"), ("j", "doe", "who", "int")]),
        ("asylum asylum", [("asylum",)]),
        ("NEAR(a b) OR c* ^d -e", [("NEAR", "a"), ("b",), ("OR",), ("c",), ("d",), ("e",)]),
        ("under_score", [("under", "score")]),
        ("()*^:{}[]", []),
        ('""', []),
        ("", []),
        (None, []),
    ],
)
def test_queries_become_words_and_phrases(text, terms):
    assert list(parse_query(text).terms) == terms


def test_long_queries_are_cut_to_a_few_terms():
    query = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert len(query.terms) == MAX_TERMS
    assert parse_query("x" * 500) == parse_query("")  # no word is 500 letters long


def test_the_query_as_understood_is_shown_back():
    assert parse_query('asylum "border  management" (x)').text() == ('asylum "border management" x')


@given(st.text(max_size=300))
def test_any_text_gives_an_expression_of_quoted_words_only(text):
    query = parse_query(text)
    expression = fts5_expression(query)
    for term in query.terms:
        for word in term:
            assert word.isalnum()
    # Between the quotes only words and spaces: FTS5 sees no operator of the user's.
    inside = expression.split('"')[1::2]
    assert all(part.replace(" ", "").isalnum() for part in inside)


def test_accents_and_case_fold_away():
    assert fold("Bénin") == fold("BENIN") == "benin"
    assert fold("García") == "garcia"
    assert fold("Straße") == "strasse"
    assert fold("Łódź") == "lodz"


@pytest.mark.parametrize(
    ("language", "a", "b"),
    [
        ("en", "trafficking", "trafficked"),
        ("fr", "internationaux", "internationale"),
        ("fr", "économiques", "économie"),
        ("es", "migratorias", "migratorio"),
        ("es", "políticas", "político"),
    ],
)
def test_stems_join_the_forms_of_a_word(language, a, b):
    assert stem(a, language) == stem(b, language)


def test_stemmed_text_keeps_the_order_of_words():
    assert stemmed_text("Politiques migratoires, nationales", "fr") == "polit migratoir national"


def _texts(**kw):
    return {"name": "", "work": "", "biography": "", "cv": ""} | kw


def test_snippets_mark_matches_and_escape_the_rest():
    bio = "Worked on <b>asylum</b> & <script>alert(1)</script> reception for years."
    found = snippets(parse_query("asylum"), _texts(biography=bio))
    assert [s.field for s in found] == ["biography"]
    html = str(found[0].html)
    assert "&lt;b&gt;<mark>asylum</mark>&lt;/b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_snippets_follow_accents_stems_and_phrases():
    texts = _texts(
        name="Irène Bénin",
        biography="Politiques migratoires nationales. Border checks, then border management.",
        cv="Trained 40 officers in trafficking cases.",
    )
    found = {s.field: str(s.html) for s in snippets(parse_query("benin"), texts)}
    assert found == {"name": "Irène <mark>Bénin</mark>"}
    found = {s.field: str(s.html) for s in snippets(parse_query("training migratoire"), texts)}
    assert "<mark>migratoires</mark>" in found["biography"]
    assert "<mark>Trained</mark>" in found["cv"]
    html = str(snippets(parse_query('"border management"'), texts)[0].html)
    assert "then <mark>border</mark> <mark>management</mark>" in html
    assert "<mark>Border</mark> checks" not in html  # "border" alone is not the phrase


def test_snippet_of_a_long_text_is_a_window_around_the_match():
    bio = " ".join(["filler"] * 200 + ["asylum"] + ["tail"] * 200)
    html = str(snippets(parse_query("asylum"), _texts(biography=bio))[0].html)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>asylum</mark>" in html and len(html) < 300


def test_snippet_of_a_long_cv_is_around_its_first_whole_match():
    # "border" alone early on is not the phrase; the phrase deep in the text is, then more.
    cv = " ".join(
        ["border checks"]
        + ["filler"] * 20_000
        + ["border management"]
        + ["later border management"]
    )
    html = str(snippets(parse_query('"border management"'), _texts(cv=cv))[0].html)
    assert html.startswith("… filler ") and not html.endswith(" …")
    assert html.count("<mark>border</mark> <mark>management</mark>") == 2
    assert "checks" not in html


def test_no_snippet_without_a_match_or_a_query():
    texts = _texts(biography="Labour migration")
    assert snippets(parse_query("asylum"), texts) == []
    assert snippets(parse_query(""), texts) == []
