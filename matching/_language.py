"""Which language a text is written in, cheaply: its script, then its commonest small words.

Enough to tell whether a request and a profile text share a language (the English encoder
judges those pairs, the multilingual one the others) and whether any profile text is written
in the request's language at all. ``None`` when unsure: too few words to tell.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 1500  # the opening of a text says its language
MIN_HITS = 1.0

STOP = {
    "en": "the and of to in for with on is are was were be by an this that from as at which "
    "have has had their our not or it its we they into been also who will",
    "fr": "le la les des du de un une et est sont pour dans par sur avec au aux ce cette qui "
    "que ou pas nous vous ses leur leurs été être mais comme",
    "es": "el la los las del de un una y es son para en por con al que se su sus como más "
    "pero este esta fue ser está están desde entre sobre",
    "pt": "o a os as do da dos das de um uma e é são para em por com no na nos nas que se "
    "seu sua como mais mas este esta foi ser está pelo pela",
    "de": "der die das und ist sind für mit von zu den dem ein eine nicht auf im des sich "
    "auch als wird bei oder",
    "it": "il lo la gli le di del della dei delle un una e è sono per con che non nel nella "
    "come più anche sul alla",
    "nl": "de het een en van in is zijn voor met op dat die niet te aan ook als door bij",
}
_STOP = {lang: frozenset(words.split()) for lang, words in STOP.items()}
# A word several languages use counts a share to each ("de": French, Spanish, Portuguese...).
_WEIGHT: dict[str, list[tuple[str, float]]] = {}
for _lang, _words in _STOP.items():
    for _w in _words:
        _WEIGHT.setdefault(_w, []).append((_lang, 1.0))
_WEIGHT = {w: [(lang, 1.0 / len(v)) for lang, _ in v] for w, v in _WEIGHT.items()}
# Spellings only one of these languages has, each counting as one word.
_MARKS = {
    "es": re.compile(r"ción|ñ|¿|¡|ía[ns]?\b"),
    "pt": re.compile(r"ção|ções|ã|õ|ões\b"),
    "fr": re.compile(r"è|ê|œ|eaux?\b|ù"),
    "de": re.compile(r"ß|ä|ö|ü"),
}
_SCRIPTS = [
    ("uk", re.compile(r"[іїєґІЇЄҐ]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
]


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return None
    for lang, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) * 3 >= letters:
            return lang
    lower = sample.lower()
    counts = dict.fromkeys(_STOP, 0.0)
    for word in _WORD.findall(lower):
        for lang, share in _WEIGHT.get(word, ()):
            counts[lang] += share
    for lang, pattern in _MARKS.items():
        counts[lang] += len(pattern.findall(lower))
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits >= MIN_HITS and hits > 1.5 * second:
        return best
    return None


class Coverage:
    """The languages a roster's texts are written in, from a sample of them (cheap at fit)."""

    def __init__(self, sample: int = 2000):
        self.sample = sample
        self.seen = 0
        self.counts: dict[str | None, int] = {}

    def add(self, texts: list[str], always: bool = False) -> None:
        """Count the languages of ``texts`` while the sample lasts (or ``always``: an update)."""
        if not always:
            texts = texts[: max(self.sample - self.seen, 0)]
        for text in texts:
            lang = detect(text)
            self.counts[lang] = self.counts.get(lang, 0) + 1
        self.seen += len(texts)

    def covers(self, lang: str) -> bool | None:
        """Whether some sampled text is in ``lang``; None before any text was seen."""
        return bool(self.counts.get(lang)) if self.seen else None
