"""The roster's experts: the demo expert's own profile and the invented roster of 2021."""

import io
import random
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage

from roster.demo.accounts import demo_user
from roster.demo.cohorts import DEMO_EXPERT_JOINED, build_roster
from roster.demo.cv import DEMO_CV_FILENAME, DEMO_CV_UPLOADED, demo_cv_pdf
from roster.demo.profiles import ExpertSpec
from roster.experts.cv import store_cv
from roster.experts.models import (
    Depth,
    EmployerType,
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    Status,
    Unavailability,
)
from roster.taxonomy.models import Theme

GENERATED = 180
EXPERT_UNITS = GENERATED + 1

DEMO_EXPERT = ExpertSpec(
    first_name="Lucía",
    last_name="Ferrer Ortega",
    woman=True,
    email="expert@example.org",
    nationality="ES",
    status="approved",
    employer="Ministerio del Interior, Unidad de Coordinación contra la Trata",
    employer_type="member_state",
    position="Senior Policy Officer, Anti-Trafficking Coordination Unit",
    years=16,
    phone="+34 555 210 437",
    days_per_year=30,
    bio_lang="en",
    biography=(
        "Lucía Ferrer Ortega is a senior policy officer in the anti-trafficking coordination "
        "unit of the Spanish Ministry of the Interior, where she has worked since 2014 after "
        "eight years as a police inspector. She specialises in the identification of victims "
        "of trafficking in human beings, national referral mechanisms and the protection of "
        "migrant children at risk of exploitation. She has drafted standard operating "
        "procedures that connect police, labour inspectors, prosecutors, child protection "
        "services and shelters, and has trained frontline officers on indicators of "
        "trafficking, victim-centred interviews and the non-punishment principle. Since 2017 "
        "she has taken part in peer-to-peer exchanges with partner administrations in Costa "
        "Rica, Mexico, Guatemala and Panama, supporting national coalitions against "
        "trafficking, the review of referral protocols and the training of trainers. During "
        "the COVID-19 pandemic she moved these workshops online and co-facilitated regional "
        "webinars on the identification of victims among mixed migration flows. She holds a "
        "master's degree in criminology and international human rights law. She works in "
        "Spanish, English, French and Portuguese."
    ),
    themes=[("trafficking", "senior"), ("migrant-children", "experienced"), ("asylum", "working")],
    languages=[("es", "native"), ("en", "C1"), ("fr", "B2"), ("pt", "B1")],
    countries=["CR", "MX", "GT", "PA"],
    unavailability=[(date(2022, 3, 7), date(2022, 3, 18), "Annual leave")],
    joined_on=DEMO_EXPERT_JOINED,
    submitted_at=datetime(2021, 5, 27, 10, 12),
)


def _expert(spec: ExpertSpec, themes: dict[str, Theme], vetted_by_id: int | None) -> Expert:
    submitted = spec.submitted_at or datetime(2021, 1, 1)
    expert = Expert(
        first_name=spec.first_name,
        last_name=spec.last_name,
        email=spec.email,
        phone=spec.phone,
        nationality=spec.nationality,
        employer=spec.employer,
        employer_type=EmployerType(spec.employer_type),
        position=spec.position,
        years_experience=spec.years,
        biography=spec.biography,
        days_per_year=spec.days_per_year,
        status=Status(spec.status),
        submitted_at=submitted,
        joined_on=spec.joined_on,
        vetting_note=spec.vetting_note,
        vetted_by_id=vetted_by_id if spec.status != "applied" else None,
        consent_at=submitted,
        created_at=submitted - timedelta(days=3),
        updated_at=datetime.combine(spec.joined_on, datetime.min.time())
        if spec.joined_on
        else submitted,
    )
    for slug, depth in spec.themes:
        if slug in themes:
            expert.themes.append(ExpertTheme(theme=themes[slug], depth=Depth(depth)))
    for code, level in spec.languages:
        expert.languages.append(ExpertLanguage(code=code, level=level))
    for code in spec.countries:
        expert.countries.append(ExpertCountry(country_code=code))
    for start, end, note in spec.unavailability:
        expert.unavailability.append(Unavailability(start=start, end=end, note=note))
    return expert


def seed_experts(session: Session, rng: random.Random, progress) -> int:
    """Add the demo expert's profile and every invented expert not yet on the roster."""
    themes = {t.slug: t for t in session.scalars(sa.select(Theme))}
    known = {e.lower() for e in session.scalars(sa.select(Expert.email)) if e}
    staff = demo_user(session, "staff@example.org")
    staff_id = staff.id if staff else None
    added = 0

    account = demo_user(session, DEMO_EXPERT.email)
    has_profile = account is not None and session.scalar(
        sa.select(sa.func.count(Expert.id)).where(Expert.user_id == account.id)
    )
    if account is not None and not has_profile and DEMO_EXPERT.email not in known:
        expert = _expert(DEMO_EXPERT, themes, staff_id)
        expert.user = account
        # Through the CV service, so the file is checked, stored and its text extracted.
        store_cv(expert, FileStorage(io.BytesIO(demo_cv_pdf()), filename=DEMO_CV_FILENAME))
        expert.cv_uploaded_at = DEMO_CV_UPLOADED
        session.add(expert)
        added += 1
    progress(1)

    specs = build_roster(rng)
    assert len(specs) == GENERATED, "update GENERATED when the cohorts change"
    for spec in specs:
        if spec.email.lower() not in known:
            session.add(_expert(spec, themes, staff_id))
            added += 1
        progress(1)
    return added
