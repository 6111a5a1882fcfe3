"""Where a roster search matched: short extracts of the name, work, biography and CV with
the matched words marked, built from the stored text and escaped here (no engine's HTML).

A page shows 25 experts, each with a biography and maybe a long CV, so the words are not
all looked at: a regular expression over a same-length folded copy of the text finds the
few that begin like a query word, and only those are stemmed and compared.
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


class _Matcher:
    """Tells which query words a word of the text stands for: the same word once folded,
    or the same stem in English, French or Spanish."""

    def __init__(self, query: SearchQuery):
        self.keys: dict[tuple[str, str], set[str]] = {}
        for word in query.words:
            for key in self._keys(word):
                self.keys.setdefault(key, set()).add(fold(word))
        self.terms = [tuple(fold(w) for w in term) for term in query.terms]
        prefixes = sorted({key[1][:_PREFIX] for key in self.keys if key[1]}, key=len)
        alternatives = "|".join(re.escape(p) for p in reversed(prefixes))
        self.candidates = re.compile(rf"(?<![^\W_])(?:{alternatives})", re.IGNORECASE)

    @staticmethod
    def _keys(word: str):
        yield ("", fold(word))
        for language in _LANGUAGES:
            yield (language, stem(word, language))

    def words_of(self, token: str) -> set[str]:
        found: set[str] = set()
        for key in self._keys(token):
            found |= self.keys.get(key, set())
        return found


@lru_cache(maxsize=64)
def _matcher(query: SearchQuery) -> _Matcher:
    """One matcher per query (a page asks for 25 experts' snippets with the same one)."""
    return _Matcher(query)


def _marked(text: str, matcher: _Matcher) -> list[tuple[int, int]]:
    """The character spans of the words that belong to a matched term, in order."""
    text = text[:SCANNED]
    folded = text.translate(_fold_table())
    meanings: dict[int, tuple[re.Match, set[str]]] = {}  # by start of word
    for hit in matcher.candidates.finditer(folded):
        token = WORD.match(text, hit.start())
        if token and token.start() not in meanings:
            words = matcher.words_of(token.group())
            if words:
                meanings[token.start()] = (token, words)
    spans: set[tuple[int, int]] = set()
    for term in matcher.terms:
        for token, words in list(meanings.values()):
            run = [token]
            for word in term[1:]:
                following = WORD.search(text, run[-1].end())
                if following is None or following.start() not in meanings:
                    break
                if word not in meanings[following.start()][1]:
                    break
                run.append(following)
            if len(run) == len(term) and term[0] in words:
                spans.update((t.start(), t.end()) for t in run)
    return sorted(spans)


def _extract(text: str, spans: list[tuple[int, int]], whole: bool) -> Markup:
    begin, stop = 0, len(text)
    if not whole:
        first = spans[0][0]
        if first > BEFORE:  # start at a word, BEFORE characters or so ahead of the match
            begin = next(WORD.finditer(text, first - BEFORE)).start()
        if first + AFTER < len(text):  # and stop at the end of a word
            end_word = WORD.search(text, first + AFTER)
            stop = end_word.end() if end_word else len(text)
    parts: list = ["… " if begin > 0 else ""]
    position = begin
    for start, end in spans:
        if start < begin or end > stop:
            continue
        parts += [escape(text[position:start]), Markup("<mark>"), escape(text[start:end])]
        parts.append(Markup("</mark>"))
        position = end
    parts += [escape(text[position:stop]), " …" if stop < len(text) else ""]
    return Markup("").join(parts)


def expert_texts(expert: Expert) -> dict[str, str]:
    """The searched texts of a profile, by field."""
    return {
        "name": expert.name,
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
        spans = _marked(text, matcher) if text else []
        if spans:
            whole = field in ("name", "work")
            found.append(Snippet(field, _extract(text, spans, whole)))
    return found
