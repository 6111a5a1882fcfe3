"""Where a roster search matched: short extracts of the name, work, biography and CV with
the matched words marked, built from the stored text and escaped here (no engine's HTML).

A page shows 25 experts, each with a biography and maybe a long CV, so the words are not
all looked at: a regular expression finds the few that begin like a query word, accents
and case ignored (each letter of its prefixes stands for its accented forms too), and only
those are stemmed and compared.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from roster.experts.models import Expert
from roster.experts.search_terms import STEMMED_LANGUAGES, WORD, SearchQuery, fold, stem

BEFORE, AFTER = 60, 180  # characters shown around the first match, about 8 and 25 words
SCANNED = 200_000  # characters of a long CV looked at
_LANGUAGES = ("en", *STEMMED_LANGUAGES)
_PREFIX = 3  # letters a stem shares with its word, almost always
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]+")  # a whole word (WORD may start inside one)


@dataclass(frozen=True)
class Snippet:
    field: str  # name, work, biography or cv
    html: Markup


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Latin letters to their folded single letter ("É" to "e"); lengths stay the same."""
    table = {}
    for code in range(0x41, 0x250):
        folded = fold(chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Each folded letter and the Latin letters that fold to it ("e": "EÈÉÊËèéêë...")."""
    forms: dict[str, str] = {}
    for code, folded in _fold_table().items():
        forms[folded] = forms.get(folded, "") + chr(code)
    return forms


def _any_accent(prefix: str) -> str:
    """A pattern for the prefix in any of its letters' accented forms (the text as it is
    stored: folding a copy of every text first was most of the snippets' cost)."""
    forms = _accented()
    return "".join(
        f"[{re.escape(letter + forms[letter])}]" if letter in forms else re.escape(letter)
        for letter in prefix
    )


class _Matcher:
    """Tells which query words a word of the text stands for: the same word once folded,
    or the same stem in English, French or Spanish."""

    KEPT = 20_000  # words of the texts remembered, per query

    def __init__(self, query: SearchQuery):
        self.keys: dict[tuple[str, str], set[str]] = {}
        for word in query.words:
            for key in self._keys(word):
                self.keys.setdefault(key, set()).add(fold(word))
        self.terms = [tuple(fold(w) for w in term) for term in query.terms]
        prefixes = sorted({key[1][:_PREFIX] for key in self.keys if key[1]}, key=len)
        alternatives = "|".join(_any_accent(p) for p in reversed(prefixes))
        self.candidates = re.compile(rf"(?<![^\W_])(?:{alternatives})", re.IGNORECASE)
        self._seen: dict[str, frozenset[str]] = {}  # a page's texts repeat their words

    @staticmethod
    def _keys(word: str):
        yield ("", fold(word))
        for language in _LANGUAGES:
            yield (language, stem(word, language))

    def words_of(self, token: str) -> frozenset[str]:
        found = self._seen.get(token)
        if found is None:
            words: set[str] = set()
            for key in self._keys(token):
                words |= self.keys.get(key, set())
            found = frozenset(words)
            if len(self._seen) < self.KEPT:
                self._seen[token] = found
        return found


@lru_cache(maxsize=64)
def _matcher(query: SearchQuery) -> _Matcher:
    """One matcher per query (a page asks for 25 experts' snippets with the same one)."""
    return _Matcher(query)


def _window(text: str, first: int) -> tuple[int, int]:
    """Where the extract of a long text begins and stops: at words, BEFORE characters or so
    ahead of its first match and AFTER characters past it."""
    begin, stop = 0, len(text)
    if first > BEFORE:  # the first word that begins there or after, not the rest of one
        begin = _WORD_START.search(text, first - BEFORE).start()
    if first + AFTER < len(text):
        end_word = WORD.search(text, first + AFTER)
        stop = end_word.end() if end_word else len(text)
    return begin, stop


def _marked(text: str, matcher: _Matcher, whole: bool) -> tuple[list[tuple[int, int]], int, int]:
    """The character spans of the words that belong to a matched term, in order, and the
    part of the text shown: all of it, or a window around the first match (the words past
    it are not looked at, so a long CV costs no more than a short one)."""
    scanned = text[:SCANNED]
    meanings: dict[int, tuple[re.Match, frozenset[str]] | None] = {}  # by start of word

    def meaning(start: int, candidate: bool) -> tuple[re.Match, frozenset[str]] | None:
        """The word at `start` and the query words it stands for, if it is a candidate
        (begins like a query word)."""
        if start not in meanings:
            if not candidate:
                candidate = matcher.candidates.match(scanned, start) is not None
            token = WORD.match(scanned, start) if candidate else None
            words = matcher.words_of(token.group()) if token else None
            meanings[start] = (token, words) if words else None
        return meanings[start]

    spans: set[tuple[int, int]] = set()
    begin, stop = 0, len(text)
    for hit in matcher.candidates.finditer(scanned):
        if hit.start() >= stop:
            break
        found = meaning(hit.start(), candidate=True)
        if found is None:
            continue
        token, words = found
        for term in matcher.terms:
            if term[0] not in words:
                continue
            run = [token]
            for word in term[1:]:
                following = WORD.search(scanned, run[-1].end())
                after = meaning(following.start(), candidate=False) if following else None
                if after is None or word not in after[1]:
                    break
                run.append(following)
            if len(run) == len(term):
                if not spans and not whole:  # the first match: the window is known
                    begin, stop = _window(text, token.start())
                spans.update((t.start(), t.end()) for t in run)
    return sorted(spans), begin, stop


def _extract(text: str, spans: list[tuple[int, int]], begin: int, stop: int) -> Markup:
    """The text from begin to stop, escaped, its spans in <mark> (built as one string:
    Markup's own join escapes every piece again)."""
    parts = ["… " if begin > 0 else ""]
    position = begin
    for start, end in spans:
        if start < begin or end > stop:
            continue
        parts += (escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>")
        position = end
    parts += (escape(text[position:stop]), " …" if stop < len(text) else "")
    return Markup("".join(parts))  # noqa: S704 (each piece escaped above)  # nosec B704


def expert_texts(expert: Expert) -> dict[str, str]:
    """The searched texts of a profile (or of a row with the same columns), by field."""
    return {
        "name": f"{expert.first_name} {expert.last_name}".strip(),  # Expert.name
        "work": " · ".join(filter(None, (expert.employer, expert.position, expert.email))),
        "biography": expert.biography or "",
        "cv": expert.cv_text or "",
    }


def snippets(query: SearchQuery, texts: dict[str, str]) -> list[Snippet]:
    """An extract of each field where the query matched, its matched words in <mark>."""
    if not query:
        return []
    matcher = _matcher(query)
    found = []
    for field, text in texts.items():
        if text:
            spans, begin, stop = _marked(text, matcher, whole=field in ("name", "work"))
            if spans:
                found.append(Snippet(field, _extract(text, spans, begin, stop)))
    return found
