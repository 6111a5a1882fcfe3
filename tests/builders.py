"""Small builders for test data; every argument has a default."""

import itertools
from datetime import date

from roster.auth.models import Role, User
from roster.core.time import utcnow
from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    Status,
)
from roster.taxonomy.models import Country, Region, Theme

PASSWORD = "correct horse battery staple"
_seq = itertools.count(1)
_hashes: dict[str, str] = {}


def password_hash(password: str) -> str:
    """The app's hash of a password, computed once per run: scrypt costs a tenth of a second
    and most tests make several users with the same password."""
    if password not in _hashes:
        probe = User()
        probe.set_password(password)
        _hashes[password] = probe.password_hash
    return _hashes[password]


class Builders:
    def __init__(self, db):
        self.db = db

    def user(
        self,
        role: str | Role = Role.EXPERT,
        email: str | None = None,
        password: str = PASSWORD,
        confirmed: bool = True,
    ) -> User:
        user = User(
            email=email or f"user{next(_seq)}@example.org",
            role=Role(role),
            confirmed_at=utcnow() if confirmed else None,
        )
        user.password_hash = password_hash(password)
        self.db.session.add(user)
        self.db.session.commit()
        return user

    def staff(self, **kw) -> User:
        return self.user(role=Role.STAFF, **kw)

    def admin(self, **kw) -> User:
        return self.user(role=Role.ADMIN, **kw)

    def region(self, slug: str = "asia", label: str | None = None) -> Region:
        region = self.db.session.scalar(self.db.select(Region).filter_by(slug=slug))
        if region is None:
            label = label or slug.replace("-", " ").title()
            region = Region(slug=slug, label_en=label, label_fr=label, label_es=label)
            self.db.session.add(region)
            self.db.session.commit()
        return region

    def country(self, code: str, region: str | None = None) -> Country:
        country = self.db.session.get(Country, code)
        if country is None:
            country = Country(code=code, region=self.region(region) if region else None)
            self.db.session.add(country)
            self.db.session.commit()
        return country

    def theme(self, slug: str = "asylum", label: str | None = None) -> Theme:
        theme = self.db.session.scalar(self.db.select(Theme).filter_by(slug=slug))
        if theme is None:
            label = label or slug.replace("-", " ").capitalize()
            theme = Theme(slug=slug, label_en=label, label_fr=label, label_es=label)
            self.db.session.add(theme)
            self.db.session.commit()
        return theme

    def expert(
        self,
        user: User | None = None,
        status: str | Status = Status.APPROVED,
        first_name: str = "Ana",
        last_name: str | None = None,
        themes: dict[str, str] | None = None,
        languages: dict[str, str] | None = None,
        countries: dict[str, str | None] | None = None,
        joined_on: date | None = date(2021, 5, 1),
        **fields,
    ) -> Expert:
        """An expert; themes {slug: depth}, languages {code: level}, countries {code: region}."""
        n = next(_seq)
        expert = Expert(
            user=user,
            status=Status(status),
            first_name=first_name,
            last_name=last_name or f"Expert{n}",
            email=user.email if user else f"expert{n}@example.org",
            joined_on=joined_on if Status(status) == Status.APPROVED else None,
            consent_at=utcnow(),
            **fields,
        )
        for slug, depth in (themes or {}).items():
            expert.themes.append(ExpertTheme(theme=self.theme(slug), depth=depth))
        for code, level in (languages or {}).items():
            expert.languages.append(ExpertLanguage(code=code, level=level))
        for code, region in (countries or {}).items():
            expert.countries.append(ExpertCountry(country=self.country(code, region)))
        self.db.session.add(expert)
        self.db.session.commit()
        return expert
