"""The demo's communities (roster/demo/communities_data.py): the Latin America and the
Caribbean partner community, the experts' community, their threads and the 2021 COVID-19
and border management webinar with COMESA; a few roster experts get accounts to post."""

import random
from datetime import date, time

import sqlalchemy as sa
from sqlalchemy.orm import Session

from roster.auth.models import Role, User
from roster.communities.calendar import to_utc
from roster.communities.models import (
    Community,
    Event,
    EventFormat,
    EventRegistration,
    MemberRole,
    Membership,
    Post,
    Thread,
    ThreadFollow,
)
from roster.demo import DEMO_LOGINS
from roster.demo.accounts import CONFIRMED_AT, demo_user
from roster.demo.communities_data import EXPERTS, LAC, THREADS, WEBINAR
from roster.experts.models import Expert, ExpertLanguage, Status

COMMUNITY_UNITS = 4
# How many roster experts of each language get an account to write with.
VOICES = {"es": 2, "pt": 1, "en": 2}


def _community(session: Session, spec: dict) -> tuple[Community, int]:
    found = session.scalar(sa.select(Community).where(Community.name_en == spec["name_en"]))
    if found is not None:
        return found, 0
    found = Community(**spec, created_at=CONFIRMED_AT)
    session.add(found)
    session.flush()
    return found, 1


def _voices(session: Session) -> dict[str, User]:
    """Roster experts who write in the demo, given an account (no password: they never sign
    in), picked by the language they speak, the same ones every time."""
    voices: dict[str, User] = {}
    taken: set[int] = set()
    for lang, count in VOICES.items():
        experts = session.scalars(
            sa.select(Expert)
            .join(ExpertLanguage)
            .where(
                ExpertLanguage.code == lang,
                Expert.status == Status.APPROVED,
                Expert.email.is_not(None),
                Expert.email.not_in([email for email, _role in DEMO_LOGINS]),
            )
            .order_by(Expert.id)
            .limit(count + 10)
        ).all()
        chosen = [e for e in experts if e.id not in taken][:count]
        for n, expert in enumerate(chosen, start=1):
            taken.add(expert.id)
            user = expert.user or session.scalar(sa.select(User).where(User.email == expert.email))
            if user is None:
                user = User(
                    email=expert.email,
                    role=Role.EXPERT,
                    confirmed_at=CONFIRMED_AT,
                    locale=lang if lang in ("en", "fr", "es") else "en",
                )
                session.add(user)
                session.flush()
            expert.user_id = user.id
            voices[f"{lang}{n}"] = user
    return voices


def _partner(session: Session) -> User | None:
    """The partner focal point's demo account, when the partner role exists."""
    role = getattr(Role, "PARTNER", None)
    if role is None:
        return None
    return session.scalar(sa.select(User).where(User.role == role).order_by(User.id))


def _join(session: Session, community: Community, user: User | None, role=MemberRole.MEMBER):
    if user is None:
        return 0
    found = session.scalar(
        sa.select(Membership).where(
            Membership.community_id == community.id, Membership.user_id == user.id
        )
    )
    if found is None:
        session.add(
            Membership(
                community_id=community.id, user_id=user.id, role=role, joined_at=CONFIRMED_AT
            )
        )
        return 1
    return 0


def _thread(session: Session, community: Community, title, language, posts, people) -> int:
    if session.scalar(
        sa.select(Thread.id).where(Thread.community_id == community.id, Thread.title == title)
    ):
        return 0
    first_at = posts[0][1]
    thread = Thread(
        community=community,
        title=title,
        language=language,
        author_id=people[posts[0][0]].id,
        created_at=first_at,
        last_post_at=posts[-1][1],
    )
    session.add(thread)
    session.flush()
    followers = set()
    for who, when, body in posts:
        author = people[who]
        session.add(Post(thread=thread, author_id=author.id, body=body, created_at=when))
        followers.add(author.id)
    for user_id in sorted(followers):
        session.add(ThreadFollow(thread_id=thread.id, user_id=user_id, created_at=first_at))
    return 1 + len(posts)


def _webinar(session: Session, community: Community, people) -> int:
    spec = WEBINAR
    if session.scalar(sa.select(Event.id).where(Event.title == spec["title"])):
        return 0
    day = date(*spec["day"])
    event = Event(
        community=community,
        title=spec["title"],
        description=spec["description"],
        starts_at=to_utc(day, time(*spec["start"]), spec["timezone"]),
        ends_at=to_utc(day, time(*spec["end"]), spec["timezone"]),
        timezone=spec["timezone"],
        format=EventFormat(spec["format"]),
        join_url=spec["join_url"],
        registration_open=False,
        recording_url=spec["recording_url"],
        materials=spec["materials"],
        created_at=CONFIRMED_AT,
        created_by_id=people["staff"].id,
    )
    session.add(event)
    session.flush()
    for who in spec["registered"]:
        if who in people:
            session.add(EventRegistration(event_id=event.id, user_id=people[who].id))
    return 1


def seed_communities(session: Session, rng: random.Random, progress) -> int:
    """Add the demo communities, their members, threads and the webinar (what is missing)."""
    staff = demo_user(session, "staff@example.org")
    expert = demo_user(session, "expert@example.org")
    if staff is None:
        progress(COMMUNITY_UNITS)
        return 0
    lac, added = _community(session, LAC)
    experts, more = _community(session, EXPERTS)
    added += more
    progress(1)
    voices = _voices(session)
    partner = _partner(session)
    people = {"staff": staff, "expert": expert or staff, "partner": partner or staff, **voices}
    session.flush()
    added += _join(session, lac, staff, MemberRole.MODERATOR)
    added += _join(session, experts, staff, MemberRole.MODERATOR)
    added += _join(session, lac, partner)
    for user in {expert, *voices.values()} - {None}:
        added += _join(session, experts, user)
    for key in ("expert", "es1", "es2", "pt1"):
        if key in people:
            added += _join(session, lac, people[key])
    session.flush()
    progress(1)
    spaces = {"lac": lac, "experts": experts}
    for key, title, language, posts in THREADS:
        if all(who in people for who, _when, _body in posts):
            added += _thread(session, spaces[key], title, language, posts, people)
    progress(1)
    added += _webinar(session, spaces[WEBINAR["community"]], people)
    progress(1)
    return added
