"""The demo's partner accounts and open calls.

Two focal points sign in for their institutions (roster.demo.DEMO_PARTNER_LOGINS), named in
DEMO_PARTNER_NAMES as the communities sign their posts: the migration authority of Costa
Rica, a long-standing partner whose Action concluded in 2021, and the Commissioner for Human
Rights of Kazakhstan, new in 2021. Three open calls follow 2021 activities; their dates count
from the day the demo is loaded, so that they are open whenever someone tries them, and a
few roster experts (the demo expert among them) have said they are interested.
"""

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from roster.actions.models import Action, Activity, PartnerInstitution
from roster.auth.models import PartnerFocalPoint, Role, User
from roster.demo import DEMO_PARTNER_LOGINS, DEMO_PARTNER_NAMES, DEMO_PASSWORD
from roster.demo.accounts import CONFIRMED_AT, demo_user
from roster.experts.models import Expert, ExpertLanguage, ExpertTheme, Status, level_rank
from roster.opportunities.models import Interest, OpenCall
from roster.taxonomy.models import Theme

# (Action code, activity title, call): each call follows up one activity of 2021.
CALLS = (
    (
        "MU-2021-01",
        "Assessment of capacities and training needs",
        {
            "title": "Trainers on the identification of victims of trafficking",
            "expected": "Following the assessment of November 2021, two trainers for a "
            "four-day training of police officers, labour inspectors and social workers in "
            "Port Louis: indicators of trafficking, victim-centred interviews and referral. "
            "Five days of work each, preparation included.",
            "themes": ["trafficking"],
            "languages": {"en": "B2"},
        },
    ),
    (
        "KZ-2021-01",
        "Launch of the Action",
        {
            "title": "Expert on the rights of migrant children in the Almaty region",
            "expected": "Following the launch of December 2021, an expert to review, with the "
            "Commissioner's office and civil-society partners, how migrant children reach "
            "school and health care, and to lead a three-day workshop. Working language "
            "Russian; eight days of work.",
            "themes": ["migrant-children"],
            "languages": {"ru": "C1"},
        },
    ),
    (
        "ZM-2021-01",
        "Regional webinar: COVID-19 and border management",
        {
            "title": "Speakers for a follow-up webinar on health at borders",
            "expected": "After the regional webinar of September 2021, COMESA and ECOWAS "
            "asked for a follow-up on health screening at borders. Two speakers with "
            "practice in integrated border management or public health at points of entry; "
            "two days of work each.",
            "themes": ["border-management", "migration-health"],
            "languages": {"en": "B2"},
        },
    ),
)
NOTES = (
    "I led similar trainings with partner administrations and can adapt the material.",
    "Available on these dates; I would welcome working with the team again.",
    None,
)
INTERESTED = 2  # roster experts who fit a call and said so, besides the demo expert
OPEN_CALL_UNITS = len(CALLS)


def seed_partner_accounts(session: Session, rng: random.Random, progress) -> int:
    """Add the focal points' accounts, each tied to their institution (what is missing)."""
    added = 0
    for email, institution, locale in DEMO_PARTNER_LOGINS:
        partner = session.scalar(
            sa.select(PartnerInstitution).where(PartnerInstitution.name == institution)
        )
        user = demo_user(session, email)
        if partner is None:
            continue
        if user is None:
            user = User(email=email, role=Role.PARTNER, confirmed_at=CONFIRMED_AT, locale=locale)
            user.created_at = CONFIRMED_AT
            user.set_password(DEMO_PASSWORD)
            session.add(user)
            session.flush()
            added += 1
        link = session.get(PartnerFocalPoint, user.id)
        if link is None:
            link = PartnerFocalPoint(user_id=user.id, partner_id=partner.id)
            session.add(link)
            added += 1
        link.name = link.name or DEMO_PARTNER_NAMES.get(email, "")
    progress(1)
    return added


def _activity(session: Session, code: str, title: str) -> Activity | None:
    return session.scalar(
        sa.select(Activity).join(Action).where(Action.code == code, Activity.title == title)
    )


def _fitting(session: Session, spec: dict, count: int) -> list[Expert]:
    """The first approved experts (by id) with the call's first theme and every language."""
    stmt = (
        sa.select(Expert)
        .join(ExpertTheme)
        .join(Theme)
        .where(Expert.status == Status.APPROVED, Theme.slug == spec["themes"][0])
    )
    for code, level in spec["languages"].items():
        speaks = sa.select(ExpertLanguage.expert_id).where(
            ExpertLanguage.code == code, ExpertLanguage.level_rank >= level_rank(level)
        )
        stmt = stmt.where(Expert.id.in_(speaks))
    return list(session.scalars(stmt.order_by(Expert.id).limit(count)))


def seed_open_calls(session: Session, rng: random.Random, progress) -> int:
    """Publish the three calls and the interest in them (what is missing)."""
    staff = demo_user(session, "staff@example.org")
    demo_expert = session.scalar(sa.select(Expert).where(Expert.email == "expert@example.org"))
    today = date.today()
    added = 0
    for n, (code, activity_title, spec) in enumerate(CALLS):
        activity = _activity(session, code, activity_title)
        exists = session.scalar(sa.select(OpenCall.id).where(OpenCall.title == spec["title"]))
        if activity is None or exists:
            progress(1)
            continue
        start = today + timedelta(weeks=8 + n)
        call = OpenCall(
            activity=activity,
            title=spec["title"],
            expected=spec["expected"],
            country_code=activity.action.country_code,
            languages=dict(spec["languages"]),
            start_on=start,
            end_on=start + timedelta(days=3),
            deadline=today + timedelta(weeks=4 + n),
            published_by_id=staff.id if staff else None,
        )
        call.themes = list(session.scalars(sa.select(Theme).where(Theme.slug.in_(spec["themes"]))))
        session.add(call)
        experts = _fitting(session, spec, INTERESTED + 1)
        if n == 0 and demo_expert is not None:  # the demo expert fits the trafficking call
            experts = [demo_expert, *[e for e in experts if e.id != demo_expert.id]]
        limit = INTERESTED + 1 if n == 0 else INTERESTED
        for i, expert in enumerate(experts[:limit]):
            call.interests.append(Interest(expert=expert, note=NOTES[i % len(NOTES)]))
        added += 1 + len(call.interests)
        progress(1)
    return added
