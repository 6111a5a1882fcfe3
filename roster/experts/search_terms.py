"""What a roster search asks for: the words and "quoted phrases" of the query, and the
accent-free, stemmed forms that the SQLite index and the snippets compare.

Any text is a valid query: it is cut into words (letters and digits), quoted phrases and
words joined by punctuation ("covid-19", "j.doe") become phrases, and nothing else of the
text reaches a database engine, so an operator, a stray quote or a bracket is never an error.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_TERMS = 12  # words or phrases; the rest of a longer query is ignored
MAX_PHRASE_WORDS = 12
MAX_WORD_LENGTH = 60  # longer runs of letters are no word anyone types
MAX_QUERY_LENGTH = 500

WORD = re.compile(r"[^\W_]+")
_WORD_FAST = re.compile(r"\w+")  # the same words once "_" is a space, and faster
# A quoted stretch, with straight or typographic quotes (an unclosed one runs to the end).
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)(?:[\"“”„«»]|$)")
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters that NFKD does not take apart, folded as PostgreSQL's unaccent does.
_LETTERS = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae"}
    | {"œ": "oe", "Œ": "oe", "\u0131": "i", "þ": "th"}  # \u0131: the dotless i
)

# The stemmed columns of the SQLite index, and the Snowball algorithm of each.
STEMMED_LANGUAGES = {"fr": "french", "es": "spanish"}


@dataclass(frozen=True)
class SearchQuery:
    """The terms of a query (each a word or a phrase, as a tuple of words); all must match."""

    terms: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word of every term, once each, in order."""
        return tuple(dict.fromkeys(w for term in self.terms for w in term))

    def text(self) -> str:
        """The query as it was understood: words, and phrases in quotes."""
        return " ".join(t[0] if len(t) == 1 else '"' + " ".join(t) + '"' for t in self.terms)


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if len(w) <= MAX_WORD_LENGTH]


def parse_query(text: str | None) -> SearchQuery:
    """The words and phrases of what a person typed; an empty query when nothing is left."""
    text = unicodedata.normalize("NFC", (text or "")[:MAX_QUERY_LENGTH])
    terms: list[tuple[str, ...]] = []
    position = 0
    chunks: list[tuple[str, bool]] = []
    for quoted in _QUOTED.finditer(text):
        chunks.append((text[position : quoted.start()], False))
        chunks.append((quoted.group(1), True))
        position = quoted.end()
    chunks.append((text[position:], False))
    for chunk, is_phrase in chunks:
        pieces = [chunk] if is_phrase else chunk.split()
        for piece in pieces:
            words = tuple(_words(piece)[:MAX_PHRASE_WORDS])
            if words and words not in terms:
                terms.append(words)
    return SearchQuery(tuple(terms[:MAX_TERMS]))


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Lower case without accents: "Bénin" and "benin" fold alike."""
    # Compatibility forms may bring punctuation (a fraction slash in "½"): keep words only.
    decomposed = unicodedata.normalize("NFKD", word.translate(_LETTERS))
    return "".join(WORD.findall(_MARKS.sub("", decomposed))).lower()


_stemmers: dict[str, snowballstemmer.stemmer] = {}


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The word's Snowball stem in one language ("fr", "es", or "en"), folded."""
    algorithm = STEMMED_LANGUAGES.get(language, "porter" if language == "en" else language)
    stemmer = _stemmers.get(algorithm)
    if stemmer is None:
        stemmer = _stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    # The English stem is compared with SQLite's porter tokenizer, which stems folded words.
    return fold(stemmer.stemWord(fold(word) if language == "en" else word.lower()))


_seen: dict[str, dict[str, str]] = {}  # per language: word -> stem (indexing is hot)


def stemmed_texts(text: str | None, languages) -> list[str]:
    """The text's words stemmed in each language, in order (the index's stemmed columns)."""
    words = _WORD_FAST.findall((text or "").replace("_", " "))
    out = []
    for language in languages:
        seen = _seen.setdefault(language, {})
        if len(seen) > 500_000:
            seen.clear()
        stems = []
        for word in words:
            stemmed = seen.get(word)
            if stemmed is None:
                long = len(word) > MAX_WORD_LENGTH
                stemmed = seen[word] = "" if long else stem(word, language)
            if stemmed:
                stems.append(stemmed)
        out.append(" ".join(stems))
    return out


def stemmed_text(text: str | None, language: str) -> str:
    """The text's words stemmed in one language, in order."""
    return stemmed_texts(text, (language,))[0]
