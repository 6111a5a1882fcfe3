"""Compose a biography in English, French or Spanish from theme-specific building blocks."""

import random

from babel import Locale

from roster.demo import bios_en, bios_es, bios_fr

BLOCKS = {"en": bios_en, "fr": bios_fr, "es": bios_es}
MIN_WORDS, MAX_WORDS = 80, 250


def gender_tokens(woman: bool) -> dict[str, str]:
    """The words that agree with the person, for every language's templates."""
    return {
        # English
        "he": "she" if woman else "he",
        "He": "She" if woman else "He",
        "his": "her" if woman else "his",
        "His": "Her" if woman else "His",
        "him": "her" if woman else "him",
        # French
        "il": "elle" if woman else "il",
        "Il": "Elle" if woman else "Il",
        "e": "e" if woman else "",
        "ne": "ne" if woman else "",
        "fe": "fe" if woman else "",
        "eur": "rice" if woman else "eur",
        "euse": "euse" if woman else "eur",
        "er": "ère" if woman else "er",
        # Spanish
        "o": "a" if woman else "o",
        "a": "a" if woman else "",
        "e_a": "a" if woman else "e",
    }


def enumerate_names(names: list[str], lang: str) -> str:
    """Join names the way the language does: "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {BLOCKS[lang].AND} {names[-1]}"


def country_names(codes: list[str], lang: str) -> list[str]:
    """Country names as written in the biography's language."""
    names = Locale(lang).territories
    return [names.get(code, code) for code in codes]


def language_names(codes: list[str], lang: str) -> list[str]:
    """Language names as written in the biography's language."""
    names = Locale(lang).languages
    return [names.get(code, code) for code in codes]


def compose(
    rng: random.Random,
    lang: str,
    *,
    name: str,
    woman: bool,
    position: str,
    employer: str,
    since: int,
    years: int,
    themes: list[str],
    countries: list[str],
    languages: list[str],
) -> str:
    """Write one biography of 80 to 250 words whose vocabulary follows the person's themes."""
    blocks = BLOCKS[lang]
    tokens = gender_tokens(woman)
    values = {
        **tokens,
        "name": name,
        "position": position,
        "employer": employer,
        "since": since,
        "years": years,
        "field": rng.choice(blocks.FIELDS),
        "countries": enumerate_names(country_names(countries, lang), lang),
        "languages": enumerate_names(language_names(languages, lang), lang),
    }
    intro = rng.choice(blocks.INTROS)
    theme_parts: list[str] = []
    spare: list[str] = []
    for i, slug in enumerate(themes[:3]):
        pool = list(blocks.THEMES[slug])
        rng.shuffle(pool)
        take = 2 if i == 0 or len(themes) <= 2 else 1
        theme_parts += pool[:take]
        spare += pool[take:]
    tail = []
    if countries:
        tail.append(rng.choice(blocks.COUNTRIES))
    method = rng.choice(blocks.METHODS)
    education = rng.choice(blocks.EDUCATION)
    closing = blocks.LANGUAGES

    def render(parts: list[str]) -> str:
        return " ".join(part.format(**values) for part in parts)

    parts = [intro, *theme_parts, *tail, method, education, closing]
    text = render(parts)
    while len(text.split()) < MIN_WORDS and spare:
        theme_parts.append(spare.pop())
        parts = [intro, *theme_parts, *tail, method, education, closing]
        text = render(parts)
    for optional in (method, education):
        if len(text.split()) <= MAX_WORDS:
            break
        parts.remove(optional)
        text = render(parts)
    while len(text.split()) > MAX_WORDS and len(theme_parts) > 1:
        parts.remove(theme_parts.pop())
        text = render(parts)
    return text
