"""The demo seed's Actions: partners, requests, Actions with their history, activities and
teams of demo experts, as the facility's 2021 is told in the seed (see actions_data.py).

Idempotent: rows are looked up by a stable key (a partner's name, an Action's code, a
request's title and date) and only what is missing is added; the team of an Action is built
when the Action is created. Deterministic: choices come from the rng the caller passes.
"""

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from roster.actions.models import (
    Action,
    ActionStatusChange,
    Activity,
    Assignment,
    Evaluation,
    InstitutionKind,
    PartnerInstitution,
    Request,
)
from roster.actions.states import (
    ActionStatus,
    ActivityFormat,
    ActivityKind,
    AssignmentState,
    RequestSource,
    RequestStatus,
    SupportKind,
)
from roster.auth.models import User
from roster.demo.actions_data import ACTIONS, PARTNERS
from roster.demo.requests_data import REQUESTS
from roster.experts.models import Expert, Status
from roster.taxonomy.models import Country, Theme

ACTION_UNITS = len(ACTIONS)
DEMO_EXPERT = "expert@example.org"
DEMO_STAFF = "staff@example.org"
END_OF_SEED_YEAR = date(2021, 12, 31)  # activities until then are done and evaluated

EVALUATION_COMMENTS = {
    5: "Excellent preparation; the partner asked for the expert again.",
    4: "Solid contribution, well adapted to the online format.",
    3: "Good content; the sessions could have been more interactive.",
    2: "Material arrived late and did not fit the partner's context.",
}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0))


def _ensure_reference_data(session: Session) -> None:
    needed = {spec["country"] for spec in ACTIONS} | {c for _a, c, _k in PARTNERS.values()}
    known = set(session.scalars(sa.select(Country.code).where(Country.code.in_(needed))))
    if known != needed or not session.scalar(sa.select(sa.func.count(Theme.id))):
        from roster.taxonomy.seed import seed_reference_data

        seed_reference_data(session)
        session.flush()


def _partners(session: Session) -> tuple[dict[str, PartnerInstitution], int]:
    found = {p.name: p for p in session.scalars(sa.select(PartnerInstitution))}
    added = 0
    for name, (acronym, country, kind) in PARTNERS.items():
        if name not in found:
            found[name] = PartnerInstitution(
                name=name, acronym=acronym, country_code=country, kind=InstitutionKind(kind)
            )
            session.add(found[name])
            added += 1
    return found, added


class _Team:
    """Picks demo experts whose themes and languages fit, never booked twice."""

    def __init__(self, session: Session, rng: random.Random):
        self.rng = rng
        experts = session.scalars(
            sa.select(Expert)
            .where(Expert.status == Status.APPROVED, Expert.erased_at.is_(None))
            .options(selectinload(Expert.themes), selectinload(Expert.languages))
            .order_by(Expert.id)
        ).all()
        self.demo = next((e for e in experts if e.email == DEMO_EXPERT), None)
        self.experts = [e for e in experts if e is not self.demo]
        self.booked: dict[int, list[tuple[date, date]]] = {}

    def free(self, expert: Expert, start: date, end: date) -> bool:
        return all(e < start or s > end for s, e in self.booked.get(expert.id, []))

    def book(self, expert: Expert, start: date, end: date) -> None:
        self.booked.setdefault(expert.id, []).append((start, end))

    def pick(self, action_spec: dict, start: date, end: date, count: int) -> list[Expert]:
        themes, languages = set(action_spec["themes"]), set(action_spec["languages"])

        def score(e: Expert) -> int:
            theme_fit = len(themes & {t.theme.slug for t in e.themes})
            language_fit = any(
                lang.code in languages and lang.level_rank >= 3 for lang in e.languages
            )
            return 2 * theme_fit + int(language_fit)

        ranked = sorted(
            (e for e in self.experts if score(e) >= 2 and self.free(e, start, end)),
            key=lambda e: (-score(e), e.id),
        )
        chosen = self.rng.sample(ranked[:8], min(count, len(ranked[:8])))
        for e in chosen:
            self.book(e, start, end)
        return chosen


def _assign(session, rng, action, activity, expert, state, staff) -> Assignment:
    start, end = activity.start_on, activity.last_day
    invited = _at(start - timedelta(days=rng.randint(20, 40)))
    a = Assignment(
        expert=expert,
        action=action,
        activity=activity,
        state=state,
        role="Lead expert" if rng.random() < 0.4 else "Expert",
        invited_at=invited,
        answered_at=invited + timedelta(days=rng.randint(1, 6)),
        proposed_by_id=staff.id if staff else None,
        created_at=invited - timedelta(days=2),
    )
    if state == AssignmentState.COMPLETED:
        a.days = Decimal((end - start).days + 1 + rng.choice((1, 1, 2)))
        a.completed_at = _at(end + timedelta(days=7))
        rating = rng.choices((5, 4, 3, 2), weights=(40, 40, 15, 5))[0]
        if rng.random() < 0.85:
            a.evaluation = Evaluation(
                rating=rating,
                comment=EVALUATION_COMMENTS[rating],
                by_id=staff.id if staff else None,
                at=_at(end + timedelta(days=10)),
            )
    session.add(a)
    return a


def _build_action(session, spec, partners, themes, staff) -> Action:
    start, end = spec["dates"]
    history = spec["history"]
    action = Action(
        code=spec["code"],
        title=spec["title"],
        summary=spec["summary"],
        country_code=spec["country"],
        languages=list(spec["languages"]),
        start_on=start,
        end_on=end,
        status=ActionStatus(history[-1][1]),
        created_at=_at(history[0][0]),
    )
    action.partners = [partners[name] for name in spec["partners"]]
    action.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
    previous = None
    for day, status, note in history:
        action.history.append(
            ActionStatusChange(
                from_status=previous,
                to_status=ActionStatus(status),
                at=_at(day),
                by_id=staff.id if staff else None,
                note=note,
            )
        )
        previous = ActionStatus(status)
    if action.status == ActionStatus.CONCLUDED:
        action.concluded_on = history[-1][0]
    for start_on, end_on, kind, fmt, title, place, participants, notes in spec["activities"]:
        action.activities.append(
            Activity(
                kind=ActivityKind(kind),
                format=ActivityFormat(fmt),
                title=title,
                start_on=start_on,
                end_on=end_on,
                place=place,
                participants=participants,
                notes=notes,
            )
        )
    session.add(action)
    return action


def _staff_team(session, rng, team: _Team, spec, action, staff) -> None:
    """Completed (mostly evaluated) assignments until 2021, accepted ones after."""
    for activity in action.activities:
        done = activity.last_day <= END_OF_SEED_YEAR
        state = AssignmentState.COMPLETED if done else AssignmentState.ACCEPTED
        count = 1 if activity.kind == ActivityKind.COORDINATION else 2
        for expert in team.pick(spec, activity.start_on, activity.last_day, count):
            _assign(session, rng, action, activity, expert, state, staff)


def _demo_expert_flow(session, rng, team: _Team, actions: dict[str, Action], staff) -> None:
    """The demo expert: one past assignment, one accepted, one invitation waiting."""
    expert = team.demo
    if expert is None:
        return
    plan = (
        ("CR-2020-01", "Training of frontline staff", AssignmentState.COMPLETED),
        ("MU-2021-01", "Training on the identification of victims", AssignmentState.ACCEPTED),
        ("KZ-2021-01", "Workshop on access of migrant children", AssignmentState.INVITED),
    )
    for code, title, state in plan:
        action = actions.get(code)
        activity = (
            next((a for a in action.activities if a.title.startswith(title)), None)
            if action
            else None
        )
        if activity is None:
            continue
        a = _assign(session, rng, action, activity, expert, state, staff)
        if state == AssignmentState.INVITED:
            a.answered_at = None
            a.invited_at = _at(activity.start_on - timedelta(days=30))


def _requests(session, partners, themes, actions: dict[str, Action], staff) -> int:
    known = {tuple(row) for row in session.execute(sa.select(Request.title, Request.received_on))}
    added = 0
    for spec in REQUESTS:
        if (spec["title"], spec["received_on"]) in known:
            continue
        partner = partners.get(spec.get("partner", ""))
        contact = spec.get("contact", (None, None))
        action = actions.get(spec.get("action", ""))
        status = RequestStatus.ACCEPTED if action else RequestStatus(spec.get("status"))
        req = Request(
            partner=partner,
            institution_name=spec.get("institution"),
            contact_name=contact[0],
            contact_email=contact[1],
            country_code=partner.country_code if partner else spec["country"],
            title=spec["title"],
            text=spec["text"],
            languages=list(spec["languages"]),
            support_kind=SupportKind(spec["support"]),
            source=RequestSource(spec["source"]),
            source_detail=spec.get("source_detail"),
            received_on=spec["received_on"],
            status=status,
            decline_reason=spec.get("decline_reason"),
            decided_on=spec.get("decided_on"),
            decided_by_id=staff.id if staff and spec.get("decided_on") else None,
            action=action,
            created_at=_at(spec["received_on"]),
        )
        req.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
        session.add(req)
        added += 1
    return added


def seed_actions(
    session: Session, rng: random.Random, progress: Callable[[int], None] | None = None
) -> int:
    """Add the demo's partners, requests, Actions, activities and teams that are missing."""
    progress = progress or (lambda n: None)
    _ensure_reference_data(session)
    partners, added = _partners(session)
    themes = {t.slug: t for t in session.scalars(sa.select(Theme))}
    staff = session.scalar(sa.select(User).where(User.email == DEMO_STAFF))
    existing = {a.code: a for a in session.scalars(sa.select(Action))}
    team = _Team(session, rng)
    created: dict[str, Action] = {}
    for spec in ACTIONS:
        if spec["code"] not in existing:
            action = _build_action(session, spec, partners, themes, staff)
            created[spec["code"]] = action
            _staff_team(session, rng, team, spec, action, staff)
            added += 1 + len(action.activities)
        progress(1)
    actions = {**existing, **created}
    _demo_expert_flow(session, rng, team, {c: a for c, a in actions.items() if c in created}, staff)
    added += _requests(session, partners, themes, actions, staff)
    session.flush()
    return added
