"""The plain-text formats authors write modules and checks in."""

import pytest

from roster.toolkit.textformat import (
    FormatError,
    dump_quiz,
    parse_quiz,
    parse_version,
    without_verdict,
)

VERSION = """Title: Animer en ligne
Summary: Un résumé
  sur deux lignes.

# Première section
Du texte.

```
# pas un titre de section (bloc de code)
```

# Deuxième section
## Un sous-titre
Encore du texte.
"""

QUIZ = """## Which tool?
- [x] The right one
  > Because it is right.
- [ ] The wrong one
  > Because it is wrong.

## A question written
over two lines?
- [ ] No
- [X] Yes
  > Feedback on
  > two lines.
"""


def test_version_front_matter_and_sections():
    version = parse_version(VERSION)
    assert version.title == "Animer en ligne"
    assert version.summary == "Un résumé sur deux lignes."
    assert [s.title for s in version.sections] == ["Première section", "Deuxième section"]
    assert "# pas un titre" in version.sections[0].body
    assert version.sections[1].body.startswith("## Un sous-titre")


def test_version_needs_a_title():
    with pytest.raises(FormatError):
        parse_version("Summary: no title\n\n# Section\ntext")


def test_quiz_parses_choices_feedback_and_continuations():
    questions = parse_quiz(QUIZ)
    assert [q.text for q in questions] == ["Which tool?", "A question written over two lines?"]
    assert [c.is_correct for c in questions[0].choices] == [True, False]
    assert questions[0].choices[1].feedback == "Because it is wrong."
    assert questions[1].choices[1].is_correct
    assert questions[1].choices[1].feedback == "Feedback on two lines."


def test_quiz_round_trips_through_dump():
    questions = parse_quiz(QUIZ)
    again = parse_quiz(dump_quiz(questions))
    assert [(q.text, [(c.text, c.is_correct, c.feedback) for c in q.choices]) for q in again] == [
        (q.text, [(c.text, c.is_correct, c.feedback) for c in q.choices]) for q in questions
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- [x] orphan choice", 1, "question"),
        ("## Q\n> feedback before any choice", 2, "Feedback"),
        ("## Q\n- [x] a\n- [ ] b\nstray text", 4, "Expected"),
        ("## Q\n- [x] only one choice", 0, "two choices"),
        ("## Q\n- [ ] a\n- [ ] b", 0, "exactly one right answer"),
        ("## Q\n- [x] a\n- [x] b", 0, "exactly one right answer"),
    ],
)
def test_quiz_errors_say_where_and_why(text, line, words):
    with pytest.raises(FormatError) as info:
        parse_quiz(text)
    assert info.value.line == line
    assert words in info.value.message


@pytest.mark.parametrize(
    ("feedback", "shown"),
    [
        ("Right: say why the session is recorded.", "Say why the session is recorded."),
        ("Exact : expliquez pourquoi.", "Expliquez pourquoi."),
        ("Correcto: expliquen por qué.", "Expliquen por qué."),
        ("Not quite. The lead is busy.", "The lead is busy."),
        ("Rightly, the lead hands over.", "Rightly, the lead hands over."),
        ("Correct answers count twice.", "Correct answers count twice."),
        ("", ""),
    ],
)
def test_a_verdict_at_the_start_of_feedback_is_dropped(feedback, shown):
    assert without_verdict(feedback) == shown
