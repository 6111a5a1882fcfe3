"""The interface speaks English, French and Spanish: complete catalogs, placeholders kept."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import matching
from roster.actions.ranking import reasons
from roster.i18n import DEPTH_LABELS, LEVEL_LABELS

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "roster" / "translations"
METHODS = [
    ("roster/**.py", "python"),
    ("config.py", "python"),
    ("templates/**.html", "jinja2"),
    ("templates/**.txt", "jinja2"),
]
KEYWORDS = {
    "_": None,
    "_l": None,
    "gettext": None,
    "lazy_gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "lazy_pgettext": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


def _source_messages() -> set[tuple[str | None, str]]:
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS, options_map={"templates/**": {"extensions": ""}}
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.add((context, msgid))
    return found


@pytest.fixture(scope="module")
def source_messages():
    return _source_messages()


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_catalog_translates_every_message_of_the_source(source_messages, lang):
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    missing = []
    for context, msgid in sorted(source_messages, key=lambda m: m[1]):
        message = catalog.get(msgid, context=context)
        strings = message.string if message else None
        ok = all(strings) if isinstance(strings, tuple | list) else bool(strings)
        if not ok or (message and message.fuzzy):
            missing.append(msgid)
    assert not missing, f"{len(missing)} messages untranslated in {lang}: {missing[:15]}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_translations_keep_placeholders(lang):
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            if not set(PLACEHOLDER.findall(s)) <= wanted:
                wrong.append((ids[0], s))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ["Sign in", "Password"]), ("fr", ["Mot de passe"]), ("es", ["Contraseña"])],
)
def test_sign_in_page_renders_in_each_language(client, lang, words):
    page = client.get("/auth/login", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    for word in words:
        assert word in page


def test_labels_are_keyed_by_the_library_values_in_their_order():
    assert tuple(LEVEL_LABELS) == matching.LEVELS
    assert tuple(DEPTH_LABELS) == reasons.DEPTHS == matching.DEPTHS
    assert tuple(reasons.CRITERION_LABELS) == matching.CRITERIA
