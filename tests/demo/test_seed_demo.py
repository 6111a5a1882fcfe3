"""`flask seed-demo`: the facility's 2021, loaded once, complete, and never duplicated."""

import random
import re
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from roster.actions.models import Action, Activity, InstitutionKind, PartnerInstitution, Request
from roster.auth.models import Role, User
from roster.demo import DEMO_LOGINS, DEMO_PARTNER_LOGINS
from roster.demo.cohorts import build_roster
from roster.experts.models import Expert, Status
from roster.experts.search import RosterFilters, roster_query
from roster.taxonomy.models import Theme

pytestmark = pytest.mark.slow

STOPWORDS = {
    "en": {"the", "and", "has", "with", "of", "in", "on"},
    "fr": {"les", "des", "et", "est", "dans", "pour", "une"},
    "es": {"los", "las", "y", "en", "con", "para", "una"},
}
SPANISH_B2_OR_ABOVE = {"B2", "C1", "C2", "native"}


def _language_of(text: str) -> str:
    words = Counter(re.findall(r"\w+", text.lower()))
    return max(STOPWORDS, key=lambda lang: sum(words[w] for w in STOPWORDS[lang]))


def _count(db, stmt) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))


def _experts(db) -> list[Expert]:
    return db.session.scalars(sa.select(Expert)).unique().all()


def test_seed_demo_loads_the_year_2021(app, runner, db):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Loading the demo data" in result.output
    assert "experts: 181 added" in result.output
    # docs/demo.md: the last step's line counts the Actions, their activities and the requests.
    counts = [
        db.session.scalar(sa.select(sa.func.count(m.id))) for m in (Action, Activity, Request)
    ]
    assert counts == [13, 38, 18]
    assert "Actions, activities and requests: 69 added" in result.output

    # The retrospective's figure, through the query the API and the roster pages use.
    assert _count(db, roster_query(RosterFilters(joined_year=2021))) == 114
    assert _count(db, roster_query(RosterFilters(joined_year=2020))) == 30
    assert _count(db, roster_query(RosterFilters(joined_year=2019))) == 25
    joined_2021 = db.session.scalars(
        roster_query(RosterFilters(joined_year=2021)).order_by(None)
    ).all()
    assert {e.status for e in joined_2021} == {Status.APPROVED}
    statuses = Counter(e.status for e in _experts(db))
    assert statuses[Status.APPLIED] >= 5
    assert statuses[Status.REJECTED] >= 2 and statuses[Status.INACTIVE] >= 2

    # The three demo logins.
    for email, role in [
        ("admin@example.org", Role.ADMIN),
        ("staff@example.org", Role.STAFF),
        ("expert@example.org", Role.EXPERT),
    ]:
        user = db.session.scalar(sa.select(User).filter_by(email=email))
        assert user.role == role and user.confirmed_at is not None
        assert user.check_password("demo-password")
        assert not user.check_password("wrong-password")
    demo = db.session.scalar(
        sa.select(Expert)
        .join(User, Expert.user_id == User.id)
        .where(User.email == "expert@example.org")
    )
    assert demo.status == Status.APPROVED and demo.joined_on.year == 2021
    assert demo.consent_at and demo.biography and demo.phone and demo.position
    assert demo.themes and demo.languages and demo.countries and demo.unavailability
    assert "referral mechanism" in demo.cv_text and demo.cv_filename.endswith(".pdf")
    cv_file = Path(app.config["UPLOAD_DIR"]) / "cv" / demo.cv_path
    assert cv_file.read_bytes().startswith(b"%PDF-")
    # Roster experts have no login account: only the demo logins and the demo partners' sign
    # in. (Five roster experts write in the demo communities: their accounts have no password.)
    signs_in = sa.select(sa.func.count(User.id)).where(User.password_hash.is_not(None))
    assert db.session.scalar(signs_in) == len(DEMO_LOGINS) + len(DEMO_PARTNER_LOGINS)

    approved = [e for e in _experts(db) if e.status == Status.APPROVED]
    for expert in approved:
        assert 1 <= len(expert.themes) <= 4, expert.email
        assert 2 <= len(expert.languages) <= 4, expert.email
        assert expert.countries and expert.consent_at, expert.email
        assert 80 <= len(expert.biography.split()) <= 250, expert.email
        assert re.search(r"@[\w.-]*example\.(org|eu|edu)$", expert.email), expert.email
    emails = [e.email.lower() for e in _experts(db)]
    assert len(emails) == len(set(emails))

    # Biographies written in English, French and Spanish, about a third each.
    languages = Counter(_language_of(e.biography) for e in _experts(db))
    assert set(languages) == {"en", "fr", "es"}
    assert min(languages.values()) >= len(emails) // 4

    # For the matching demo: counter-trafficking experts by level of Spanish.
    def spanish(expert):
        return {lang.code: lang.level for lang in expert.languages}.get("es")

    trafficking = [e for e in approved if any(t.theme.slug == "trafficking" for t in e.themes)]
    fluent_latam = [
        e
        for e in trafficking
        if spanish(e) in SPANISH_B2_OR_ABOVE
        and {"CR", "MX"} & {c.country_code for c in e.countries}
    ]
    assert len(fluent_latam) >= 5
    assert len([e for e in trafficking if spanish(e) in ("A1", "A2", "B1")]) >= 2
    assert len([e for e in trafficking if spanish(e) is None]) >= 3
    vocabulary = ("victim", "víctima", "victime")
    assert all(any(w in e.biography.lower() for w in vocabulary) for e in trafficking[:20])

    # Partner institutions in the seed's countries, regional bodies included.
    partners = {p.acronym or p.name: p for p in db.session.scalars(sa.select(PartnerInstitution))}
    assert partners["COMESA"].kind == InstitutionKind.REGIONAL_BODY
    assert partners["COMESA"].country_code == "ZM"
    assert partners["ECOWAS"].country_code == "NG"
    ombudsperson = partners["Commissioner for Human Rights of the Republic of Kazakhstan"]
    assert ombudsperson.kind == InstitutionKind.OMBUDSPERSON
    countries = {p.country_code for p in partners.values()}
    assert {"BJ", "BR", "CR", "MX", "UA", "GE", "KZ", "MU", "MD", "KG", "TJ", "UZ"} <= countries

    # A second run adds nothing; --if-empty skips at once.
    before = (
        len(emails),
        len(partners),
        db.session.scalar(sa.select(sa.func.count()).select_from(Theme)),
    )
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0, again.output
    assert "experts: 0 added" in again.output and "Demo data already complete." in again.output
    db.session.expire_all()
    after = (
        len(_experts(db)),
        db.session.scalar(sa.select(sa.func.count()).select_from(PartnerInstitution)),
        db.session.scalar(sa.select(sa.func.count()).select_from(Theme)),
    )
    assert after == before
    skipped = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "already has experts" in skipped.output


def test_if_empty_seeds_an_empty_roster_and_keeps_existing_accounts(runner, db, make):
    admin = make.admin(email="admin@example.org", password="my-own-password-1")
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "demo accounts: 2 added" in result.output
    db.session.expire_all()
    admin = db.session.get(User, admin.id)
    assert admin.check_password("my-own-password-1")  # an existing account is left alone
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Expert)) == 181


def test_demo_logins_lists_the_accounts(runner, make):
    make.admin(email="admin@example.org")
    result = runner.invoke(args=["demo-logins"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "demo-password" in lines[0]
    assert "admin@example.org" in lines[1] and "not loaded" not in lines[1]
    assert "staff@example.org" in lines[2] and "not loaded" in lines[2]
    assert "expert@example.org" in lines[3]


def test_the_roster_is_deterministic():
    first = build_roster(random.Random("2021:experts"))
    second = build_roster(random.Random("2021:experts"))
    assert [(s.email, s.biography, s.themes) for s in first] == [
        (s.email, s.biography, s.themes) for s in second
    ]
