"""The request's language, cheaply detected, and the notice when no profile text is in it
(with or without the text models)."""

import pytest

from matching import Evidence, Request
from matching._language import detect
from tests.matching.builders import expert, fit


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Conducted refugee status determination interviews for asylum seekers.", "en"),
        ("Entretiens pour la détermination du statut de réfugié", "fr"),
        ("Identificación de víctimas de trata de personas", "es"),
        ("Estatísticas de migração a partir do censo", "pt"),
        ("Schulung der Grenzbeamten für die Einreise", "de"),
        ("Доступ мигрантов к медицинской помощи", "ru"),
        ("asylum interviews", None),  # too few words to tell
        ("", None),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


ROSTER = [
    expert("asylum", texts=["Conducted refugee status determination interviews for asylum."]),
    expert("data", texts=["Produced the statistics of migration from the census data."]),
]


def test_a_request_in_a_language_no_profile_text_is_in_says_so():
    matcher = fit(ROSTER)
    top = matcher.rank(Request(text="Доступ мигрантов к медицинской помощи"), k=1)[0]
    assert Evidence("language", None, "ru") in top.reason("text").missing


def test_a_request_in_the_rosters_language_says_nothing_of_it():
    matcher = fit(ROSTER)
    top = matcher.rank(Request(text="Interviews for the determination of the status"), k=1)[0]
    assert not [e for e in top.reason("text").missing if e.key == "language"]
    assert Evidence("words") in top.reason("text").matched  # judged on words in common


def test_an_update_in_a_new_language_covers_it():
    matcher = fit(ROSTER)
    request = Request(text="Entretiens pour la détermination du statut de réfugié")
    assert Evidence("language", None, "fr") in matcher.rank(request, k=1)[0].reason("text").missing
    matcher.update(expert("fr", texts=["Entretiens avec les demandeurs d'asile pour le statut."]))
    assert not matcher.rank(request, k=1)[0].reason("text").missing
