"""Generated sentences of Find experts are whole translated messages in EN, FR and ES.

Each case (native speaker or not, level wanted or not, one day or several) is a message of
its own, so no translated word is slotted into a sentence written around another one (the
Spanish "a nivel nivel nativo" this replaced)."""

from datetime import date
from itertools import pairwise

import pytest
from flask_babel import refresh

from matching import Cover, Evidence, Failure, Reason
from roster.actions.ranking import reasons, standing


@pytest.fixture
def speak(app):
    """Run a function in a request whose reader asks for the given language."""

    def _in(lang, fn, *args):
        with app.test_request_context(headers={"Accept-Language": lang}):
            refresh()
            return fn(*args)

    return _in


LANGUAGE_CASES = {
    # (have, want): English, French, Spanish
    ("native", None): (
        "Speaks Spanish as a native speaker.",
        "Parle espagnol comme langue maternelle.",
        "Habla español como lengua materna.",
    ),
    ("C1", None): (
        "Speaks Spanish at C1.",
        "Parle espagnol au niveau C1.",
        "Habla español a nivel C1.",
    ),
    ("native", "B2"): (
        "Speaks Spanish as a native speaker (B2 or above wanted).",
        "Parle espagnol comme langue maternelle (B2 ou plus souhaité).",
        "Habla español como lengua materna (se desea B2 o más).",
    ),
    ("native", "native"): (
        "Speaks Spanish as a native speaker, as wanted.",
        "Parle espagnol comme langue maternelle, comme souhaité.",
        "Habla español como lengua materna, como se desea.",
    ),
    ("C1", "B2"): (
        "Speaks Spanish at C1 (B2 or above wanted).",
        "Parle espagnol au niveau C1 (B2 ou plus souhaité).",
        "Habla español a nivel C1 (se desea B2 o más).",
    ),
    ("B1", "B2"): (
        "Speaks Spanish at B1, below the B2 wanted.",
        "Parle espagnol au niveau B1, en dessous du B2 souhaité.",
        "Habla español a nivel B1, por debajo del B2 deseado.",
    ),
    ("C2", "native"): (
        "Speaks Spanish at C2, below the native level wanted.",
        "Parle espagnol au niveau C2, en dessous du niveau de langue maternelle souhaité.",
        "Habla español a nivel C2, por debajo del nivel nativo deseado.",
    ),
}
LANGS = ("en", "fr", "es")


@pytest.mark.parametrize(("have", "want"), list(LANGUAGE_CASES))
@pytest.mark.parametrize("lang", LANGS)
def test_a_language_reason_is_one_whole_sentence(speak, lang, have, want):
    reason = Reason("languages", 1.0, 0.2, matched=(Evidence("es", have, want),))
    said = speak(lang, reasons.sentences, reason, reasons.Labels())
    assert said == [LANGUAGE_CASES[(have, want)][LANGS.index(lang)]]


@pytest.mark.parametrize(
    ("want", "expected"),
    [
        (
            "native",
            (
                "Does not list Russian (native level wanted).",
                "No indica ruso (se desea nivel nativo).",
            ),
        ),
        ("B2", ("Does not list Russian (B2 wanted).", "No indica ruso (se desea B2).")),
        (None, ("Does not list Russian.", "No indica ruso.")),
    ],
)
def test_a_missing_language_is_said_with_or_without_the_level_wanted(speak, want, expected):
    reason = Reason("languages", 0.0, 0.2, missing=(Evidence("ru", None, want),))
    assert speak("en", reasons.sentences, reason, reasons.Labels()) == [expected[0]]
    assert speak("es", reasons.sentences, reason, reasons.Labels()) == [expected[1]]


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (
            "senior",
            (
                "Has senior expertise in Asylum.",
                "Possède une expertise confirmée en Asylum.",
                "Tiene experiencia de nivel sénior en Asylum.",
            ),
        ),
        (
            "experienced",
            (
                "Is experienced in Asylum.",
                "A une solide expérience en Asylum.",
                "Tiene experiencia sólida en Asylum.",
            ),
        ),
        (
            "working",
            (
                "Has working knowledge of Asylum.",
                "A des connaissances de base en Asylum.",
                "Tiene conocimientos básicos de Asylum.",
            ),
        ),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_a_theme_reason_has_a_sentence_per_depth(speak, lang, depth, expected):
    reason = Reason("themes", 1.0, 0.3, matched=(Evidence("asylum", depth),))
    labels = reasons.Labels(themes={"asylum": "Asylum"})
    assert speak(lang, reasons.sentences, reason, labels) == [expected[LANGS.index(lang)]]


def test_the_depth_labels_follow_the_library_and_take_their_own_context(speak):
    import matching

    assert reasons.DEPTHS == matching.DEPTHS
    # "senior" in a team's coverage qualifies knowledge, not a person: its own translation.
    assert speak("fr", reasons.depth_words, "senior") == "expertise confirmée"
    assert speak("es", reasons.depth_words, "experienced") == "experiencia sólida"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Russian: Ana Ruiz (native speaker).",
                "Spanish: Ana Ruiz (C1).",
                "Asylum: Ana Ruiz (senior).",
            ],
        ),
        (
            "fr",
            [
                "russe : Ana Ruiz (langue maternelle).",
                "espagnol : Ana Ruiz (C1).",
                "Asylum : Ana Ruiz (expertise confirmée).",
            ],
        ),
        (
            "es",
            [
                "ruso: Ana Ruiz (lengua materna).",
                "español: Ana Ruiz (C1).",
                "Asylum: Ana Ruiz (nivel sénior).",
            ],
        ),
    ],
)
def test_a_team_coverage_line_per_kind(speak, lang, expected):
    class Team:
        coverage = (
            Cover("language", "ru", "e1", "native", "B2", 1.0),
            Cover("language", "es", "e1", "C1", "B2", 1.0),
            Cover("theme", "asylum", "e1", "senior", None, 1.0),
        )

    labels = reasons.Labels(themes={"asylum": "Asylum"})
    said = speak(lang, standing.coverage, Team, labels, {"e1": "Ana Ruiz"})
    assert [s[:1].lower() + s[1:] for s in said] == [s[:1].lower() + s[1:] for s in expected]


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (
            Failure("language", "es", None, "native"),
            (
                "Does not speak Spanish (native level required).",
                "Ne parle pas espagnol (niveau de langue maternelle requis).",
                "No habla español (se requiere nivel nativo).",
            ),
        ),
        (
            Failure("language", "es", "B1", "B2"),
            (
                "Speaks Spanish at B1, below the B2 required.",
                "Parle espagnol au niveau B1, en dessous du B2 requis.",
                "Habla español a nivel B1, por debajo del B2 requerido.",
            ),
        ),
        (
            Failure("availability", None, "1", "0"),
            (
                "Unavailable on 1 of the days asked for (at most 0 allowed).",
                "Indisponible 1 jour parmi ceux demandés (au plus 0 acceptés).",
                "No disponible 1 día de los solicitados (como máximo se permiten 0).",
            ),
        ),
        (
            Failure("availability", None, "3", "1"),
            (
                "Unavailable on 3 of the days asked for (at most 1 allowed).",
                "Indisponible 3 des jours demandés (au plus 1 acceptés).",
                "No disponible 3 de los días solicitados (como máximo se permiten 1).",
            ),
        ),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_why_not_sentences(speak, lang, failure, expected):
    assert speak(lang, standing.failure, failure) == expected[LANGS.index(lang)]


@pytest.mark.parametrize(
    ("lang", "one_day", "days"),
    [
        (
            "en",
            "Free on October 2, 2021.",
            "Free on every day from October 1, 2021 to October 5, 2021.",
        ),
        (
            "fr",
            "Libre le 2 octobre 2021.",
            "Libre tous les jours du 1 octobre 2021 au 5 octobre 2021.",
        ),
        (
            "es",
            "Libre el 2 de octubre de 2021.",
            "Libre todos los días del 1 de octubre de 2021 al 5 de octubre de 2021.",
        ),
    ],
)
def test_availability_says_one_day_once_and_dates_in_words(speak, lang, one_day, days):
    day = date(2021, 10, 2)
    assert speak(lang, standing.availability, 0, 1, day, day) == one_day
    assert speak(lang, standing.availability, 0, 5, date(2021, 10, 1), date(2021, 10, 5)) == days


@pytest.mark.parametrize("lang", LANGS)
def test_no_generated_sentence_repeats_a_word(speak, lang):
    # The class of "nivel nivel nativo": a word said twice in a row in any sentence.
    cases = [
        Reason("languages", 1.0, 0.2, matched=(Evidence("es", have, want),))
        for have, want in LANGUAGE_CASES
    ]
    cases.append(Reason("languages", 0.0, 0.2, missing=(Evidence("es", None, "native"),)))
    for reason in cases:
        for sentence in speak(lang, reasons.sentences, reason, reasons.Labels()):
            words = sentence.lower().replace(",", "").replace(".", "").split()
            assert all(a != b for a, b in pairwise(words)), sentence
