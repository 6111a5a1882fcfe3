"""The invented roster of 2021: who joined when, with coherent themes, languages and places.

Everything here is pure and driven by the random generator it is given, so the same seed
always yields the same people with the same e-mail addresses (the seed's stable keys).
"""

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from babel import Locale

from roster.demo import employers as emp
from roster.demo.archetypes import (
    ARCHETYPES,
    CALLING_CODES,
    PARTNER_NATIONALITIES,
    RUSSIAN_SPEAKING,
    SPANISH_SPEAKING,
    weighted,
)
from roster.demo.biography import compose, gender_tokens
from roster.demo.names import NATIONALITIES, POOLS, surname_for


@dataclass
class ExpertSpec:
    """One invented expert, before it becomes rows in the database."""

    first_name: str
    last_name: str
    woman: bool
    email: str
    nationality: str
    status: str
    employer: str = ""
    employer_type: str = ""
    position: str = ""
    years: int = 10
    biography: str = ""
    bio_lang: str = "en"
    phone: str | None = None
    days_per_year: int = 20
    themes: list[tuple[str, str]] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    unavailability: list[tuple[date, date, str | None]] = field(default_factory=list)
    joined_on: date | None = None
    submitted_at: datetime | None = None
    vetting_note: str | None = None


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch == "-")


def _day_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


class RosterBuilder:
    """Draws people one by one, keeping names unique and biography languages balanced."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.emails: set[str] = set()
        self.names: set[tuple[str, str]] = set()
        self.bio_counts = {"en": 0, "fr": 0, "es": 0}

    def person(self, archetype: str, spanish: str = "any") -> ExpertSpec:
        """One profile; spanish is "any", "fluent" (B2 or above), "basic" (below B2) or "none"."""
        rng = self.rng
        pool = POOLS[archetype]
        if spanish in ("basic", "none"):
            pool = tuple(c for c in pool if c not in SPANISH_SPEAKING) or POOLS["global"]
        for _attempt in range(50):  # a roster with two people of the same name confuses readers
            nat = NATIONALITIES[rng.choice(pool)]
            woman = rng.random() < 0.55
            first = rng.choice(nat.women if woman else nat.men)
            surnames = rng.sample(nat.surnames, 2)
            last = surname_for(nat.code, surnames[0], woman)
            if nat.double_surname:
                last = f"{surnames[0]} {surnames[1]}"
            if (first, last) not in self.names:
                break
        self.names.add((first, last))
        email = self._email(first, last.split()[0] if nat.double_surname else last)
        return ExpertSpec(first, last, woman, email, nat.code, status="approved")

    def _email(self, first: str, last: str) -> str:
        base = f"{_ascii(first.split()[0])}.{_ascii(last.replace(' ', '-'))}"
        candidate, n = base, 1
        while candidate in self.emails:
            n += 1
            candidate = f"{base}{n}"
        self.emails.add(candidate)
        return candidate  # the domain is added once the employer is known

    def fill(self, spec: ExpertSpec, archetype: str, spanish: str, first_theme: str | None):
        """Give the person themes, languages, countries, an employer and a biography."""
        rng = self.rng
        arch = ARCHETYPES[archetype]
        spec.years = rng.randint(5, 32)
        themes = [first_theme] if first_theme else []
        wanted = rng.choices((1, 2, 3, 4), weights=(25, 40, 25, 10))[0]
        while len(themes) < wanted:
            slug = rng.choice(weighted(arch["themes"]))
            if slug not in themes:
                themes.append(slug)
        depths = ["senior" if spec.years >= 15 else "experienced"]
        depths += [
            rng.choice(("working", "experienced", "experienced", "senior")) for _ in themes[1:]
        ]
        spec.themes = list(zip(themes, depths, strict=True))
        spec.languages = self._languages(spec, arch, spanish)
        spec.countries = self._countries(spec, archetype)
        if spanish == "fluent" and not {"CR", "MX"} & set(spec.countries):
            spec.countries.insert(0, rng.choice(("CR", "MX")))
        self._employer(spec, themes[0])
        spec.bio_lang = self._bio_language(spec, spanish)
        self._position(spec)
        spec.biography = compose(
            rng,
            spec.bio_lang,
            name=f"{spec.first_name} {spec.last_name}",
            woman=spec.woman,
            position=spec.position,
            employer=spec.employer,
            since=rng.randint(max(1995, 2021 - spec.years), 2020),
            years=spec.years,
            themes=themes,
            countries=spec.countries,
            languages=[code for code, _ in spec.languages],
        )
        spec.days_per_year = rng.choice((10, 15, 20, 20, 30, 40, 60))
        if spec.nationality in CALLING_CODES and rng.random() < 0.7:
            code = CALLING_CODES[spec.nationality]
            spec.phone = f"+{code} 555 {rng.randint(100, 999)} {rng.randint(100, 999)}"
        for _ in range(rng.choices((0, 1, 2), weights=(72, 20, 8))[0]):
            start = _day_in(rng, date(2021, 9, 1), date(2022, 11, 30))
            note = rng.choice((None, "Mission abroad", "Annual leave", "Training course", None))
            spec.unavailability.append((start, start + timedelta(days=rng.randint(7, 60)), note))
        spec.unavailability.sort()
        return spec

    def _languages(self, spec: ExpertSpec, arch: dict, spanish: str) -> list[tuple[str, str]]:
        rng = self.rng
        nat = NATIONALITIES[spec.nationality]
        langs = {nat.mother_tongue: "native"}
        if spec.nationality == "SN" or spec.nationality in ("BJ", "CI", "CM"):
            langs["fr"] = "C2" if nat.mother_tongue != "fr" else "native"
        if spec.nationality in ("MA", "TN"):
            langs["fr"] = "C1"
        if spec.nationality in RUSSIAN_SPEAKING:
            langs["ru"] = rng.choice(("C1", "C2", "C2"))
        if spec.nationality in ("KE", "MU", "ZA", "GH", "IE"):
            langs["en"] = "native" if spec.nationality in ("IE", "ZA") else "C2"
        if "en" not in langs:
            langs["en"] = rng.choices(("C2", "C1", "B2", "B1"), weights=(20, 45, 28, 7))[0]
        lingua = arch["lingua"][0] if rng.random() < 0.75 else rng.choice(arch["lingua"])
        if spanish == "fluent":
            lingua = "es"
        if spanish in ("basic", "none") and lingua == "es":
            lingua = "fr"
        if lingua not in langs and len(langs) < 4:
            levels = {"sw": ("B1", "B2"), "es": ("B2", "C1", "C1", "C2", "C2")}.get(
                lingua, ("B2", "C1", "C1", "C2")
            )
            langs[lingua] = rng.choice(levels)
        if spanish == "basic":
            langs["es"] = rng.choice(("A2", "B1", "B1"))
        if len(langs) < 4 and rng.random() < 0.45:
            extra = rng.choice(("es", "es", "fr", "de", "it", "pt", "ru"))
            if extra not in langs and not (extra == "es" and spanish in ("basic", "none")):
                langs[extra] = rng.choice(("A2", "B1", "B2", "C1", "C1"))
        if spanish == "none":
            langs.pop("es", None)
        return list(langs.items())

    def _countries(self, spec: ExpertSpec, archetype: str) -> list[str]:
        rng = self.rng
        pool = weighted(ARCHETYPES[archetype]["countries"])
        wanted = rng.choices((1, 2, 3, 4, 5), weights=(15, 30, 30, 15, 10))[0]
        countries: list[str] = []
        if spec.nationality in PARTNER_NATIONALITIES:
            countries.append(spec.nationality)
        while len(countries) < wanted:
            code = rng.choice(pool)
            if code not in countries:
                countries.append(code)
        if rng.random() < 0.2:
            other = rng.choice([a for a in ARCHETYPES if a != archetype])
            code = rng.choice(weighted(ARCHETYPES[other]["countries"]))
            if code not in countries:
                countries.append(code)
        return countries

    def _employer(self, spec: ExpertSpec, theme: str) -> None:
        rng = self.rng
        partner = spec.nationality in PARTNER_NATIONALITIES
        kinds = (
            "partner_admin" if partner else "member_state",
            "international_org",
            "academia",
            "civil_society",
            "independent",
        )
        kind = rng.choices(kinds, weights=(55, 12, 11, 12, 10))[0]
        function = emp.THEME_FUNCTION[theme]
        cc = spec.nationality
        if kind in ("member_state", "partner_admin"):
            name = emp.NATIONAL.get(cc, {}).get(function)
            if name is None:
                lang = emp.PATTERN_LANGUAGE.get(cc, "en")
                country = Locale(lang).territories.get(cc, cc)
                name = emp.PATTERNS[lang][function].format(country=country)
        elif kind == "international_org":
            name = rng.choice(emp.INTERNATIONAL.get(function, emp.INTERNATIONAL["default"]))
        elif kind == "academia":
            name = rng.choice(emp.UNIVERSITIES.get(cc, emp.UNIVERSITIES["default"]))
        elif kind == "civil_society":
            lang = (
                "es"
                if cc in SPANISH_SPEAKING
                else ("fr" if cc in ("FR", "BE", "LU", "SN", "BJ", "CI", "CM") else "en")
            )
            name = rng.choice(emp.CIVIL_SOCIETY[lang])
        else:
            name = f"{spec.last_name.split()[0]} Migration Consulting"
        spec.employer, spec.employer_type = name, kind
        domain = emp.EMAIL_DOMAINS[kind].format(cc=cc.lower())
        spec.email = f"{spec.email}@{domain}"

    def _bio_language(self, spec: ExpertSpec, spanish: str) -> str:
        # Spanish at B2 too: Latin American partners expect profiles written in Spanish.
        fluent = [
            c
            for c, lvl in spec.languages
            if (c in ("en", "fr") and lvl in ("C1", "C2", "native"))
            or (c == "es" and lvl in ("B2", "C1", "C2", "native"))
        ]
        if spanish in ("basic", "none"):
            fluent = [c for c in fluent if c != "es"]
        if not fluent:
            spec.languages = [(c, "C1" if c == "en" else lvl) for c, lvl in spec.languages]
            fluent = ["en"]
        # Favour the language written least so far, so that each is about a third.
        lang = min(fluent, key=lambda c: (self.bio_counts[c], self.rng.random()))
        self.bio_counts[lang] += 1
        return lang

    def _position(self, spec: ExpertSpec) -> None:
        kind = spec.employer_type
        group = "administration" if kind in ("member_state", "partner_admin") else kind
        title = self.rng.choice(emp.POSITIONS[group][spec.bio_lang])
        spec.position = title.format(**gender_tokens(spec.woman))
