"""Inputs validate with clear messages; the library imports no web or database code."""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from matching import Expert, Matcher, NotFittedError, Request


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": ""}, "non-empty"),
        ({"id": "x", "themes": {"asylum": "guru"}}, "depth 'guru'"),
        ({"id": "x", "themes": {"Asylum Law": "senior"}}, "not a slug"),
        ({"id": "x", "languages": {"fr": "B3"}}, "level 'B3'"),
        ({"id": "x", "countries": {"France"}}, "alpha-2"),
        ({"id": "x", "signals": {"evaluation": 2}}, r"\[0, 1\]"),
        ({"id": "x", "signals": {"mood": 0.5}}, "signal 'mood'"),
        ({"id": "x", "unavailable": [(date(2026, 2, 1), date(2026, 1, 1))]}, "start <= end"),
    ],
)
def test_expert_validation(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Expert(**kwargs)


def test_request_normalises_and_validates():
    r = Request(themes={"asylum"}, languages={"ES"}, country="cr", start=date(2026, 1, 1))
    assert r.themes == {"asylum": None}
    assert r.languages == {"es": "B2"}
    assert r.country == "CR" and r.end == r.start
    with pytest.raises(ValueError, match="before"):
        Request(start=date(2026, 2, 1), end=date(2026, 1, 1))
    with pytest.raises(ValueError, match="min_available"):
        Request(min_available=2)


def test_inputs_are_frozen():
    e = Expert(id="x", texts="one text")
    assert e.texts == ("one text",)
    with pytest.raises(AttributeError):
        e.id = "y"


def test_methods_fail_clearly_before_fit():
    m = Matcher()
    for call in (lambda: m.rank(Request(text="x")), lambda: len(m), lambda: m.remove("x")):
        with pytest.raises(NotFittedError, match="fit"):
            call()


def test_fit_rejects_duplicate_ids():
    with pytest.raises(ValueError, match="duplicate expert id 'a'"):
        Matcher(semantic=False).fit([Expert(id="a"), Expert(id="a")])


def test_library_imports_no_web_or_database_code():
    code = "import sys, matching; print(sorted(m for m in sys.modules if m.split('.')[0] in "
    code += "{'flask', 'sqlalchemy', 'roster'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_app_reaches_the_library_through_its_public_names_only():
    root = Path(__file__).parents[2]
    assert all(p.name.startswith("_") for p in (root / "matching").glob("*.py"))
    private = re.compile(r"\bmatching\._[a-z]|from matching\.")
    assert [p for p in (root / "roster").rglob("*.py") if private.search(p.read_text())] == []
