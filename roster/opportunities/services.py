"""The matching the other way round: the expert's standing for each open call, read from the
same index, library and words as Find experts (the call is the request, the expert's profile
the one row explained), and the suggestions the digest sends."""

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from matching import DEFAULT_MIN_LEVEL
from roster.actions.models import Activity
from roster.actions.ranking import reasons as rs
from roster.actions.ranking import standing
from roster.actions.ranking.forms import FindExpertsForm, as_args, defaults
from roster.actions.ranking.service import Query, action_query, roster_index
from roster.experts.models import Expert
from roster.extensions import db
from roster.opportunities.models import (
    DEFAULT_THRESHOLD,
    CallStatus,
    Interest,
    OpenCall,
    OpportunityPreference,
)


def call_query(call: OpenCall) -> Query:
    """The call as the library's request: its own requirements, the Action's text around it."""
    base = action_query(call.activity.action, call.activity)
    text = "\n".join(p for p in (call.title, call.expected, base.text) if p and p.strip())
    return Query(
        text=text,
        themes=[t.slug for t in call.themes],
        languages=dict(call.languages or {}),
        country=call.country_code or call.activity.action.country_code,
        start=call.start_on,
        end=call.last_day,
        partial=False,
        weights=base.weights,
    )


def open_calls(since: datetime | None = None) -> list[OpenCall]:
    """The calls experts may still answer, newest deadline last; published after `since`."""
    stmt = (
        sa.select(OpenCall)
        .where(OpenCall.status == CallStatus.OPEN, OpenCall.deadline >= date.today())
        .options(
            selectinload(OpenCall.themes),
            selectinload(OpenCall.activity).selectinload(Activity.action),
        )
        .order_by(OpenCall.deadline, OpenCall.id)
    )
    if since is not None:
        stmt = stmt.where(OpenCall.published_at > since)
    return list(db.session.scalars(stmt))


@dataclass
class Opportunity:
    """One open call as it stands for one expert: the library's match and its words."""

    call: OpenCall
    match: object  # matching.Match
    reasons: list  # rs.ReasonView
    failures: list[str]  # hard requirements missed, in words

    @property
    def score(self) -> float:
        return self.match.score

    @property
    def eligible(self) -> bool:
        return self.match.eligible


def _matches(expert: Expert, calls: list[OpenCall]) -> list | None:
    """(call, matching.Match) for each call, the call being the library's request and the
    expert the one row explained; None when the roster does not rank the expert."""
    key = str(expert.id)
    with roster_index().use() as matcher:
        if key not in matcher:
            return None
        out = []
        for call in calls:
            query = call_query(call)
            out.append((call, matcher.explain(query.request(), key, weights=query.weights or None)))
        return out


def _best_first(found: list) -> list:
    return sorted(found, key=lambda o: (not o.eligible, -o.score, o.call.deadline, o.call.id))


def opportunities_for(expert: Expert, calls: list[OpenCall] | None = None) -> list | None:
    """Every given call (by default the open ones) as it stands for the expert, best first,
    with the reasons in the reader's words; None when the roster does not rank the expert
    (not approved, or erased)."""
    found = _matches(expert, open_calls() if calls is None else calls)
    if found is None:
        return None
    labels = rs.Labels.load()
    return _best_first(
        [
            Opportunity(
                call,
                match,
                rs.describe(match, labels),
                [standing.failure(f) for f in match.failures],
            )
            for call, match in found
        ]
    )


def ranked_for(expert: Expert | None) -> list[Opportunity] | None:
    """Opportunities for you: the open calls whose hard requirements the expert meets, best
    first (a call asking for a language they lack is not theirs to see); None when the
    roster does not rank them."""
    if expert is None or expert.erased_at is not None:
        return None
    found = opportunities_for(expert)
    return None if found is None else [o for o in found if o.eligible]


def standing_in(call: OpenCall, expert: Expert | None) -> Opportunity | None:
    """How the expert fits one call (None when the roster does not rank them)."""
    if expert is None or expert.erased_at is not None:
        return None
    found = opportunities_for(expert, [call])
    return found[0] if found else None


def threshold_of(expert: Expert) -> int:
    """How well (percent) a call must fit before the digest suggests it."""
    found = db.session.get(OpportunityPreference, expert.id)
    return found.digest_threshold if found is not None else DEFAULT_THRESHOLD


def set_threshold(expert: Expert, percent: int) -> None:
    """Keep the expert's threshold (added to the session; the view commits)."""
    found = db.session.get(OpportunityPreference, expert.id)
    if found is None:
        found = OpportunityPreference(expert_id=expert.id)
        db.session.add(found)
    found.digest_threshold = percent


def calls_for_digest(expert: Expert, since: datetime | None) -> list[Opportunity]:
    """New calls that fit the expert, for the e-mail digest: published after `since` (all open
    ones when None), still open, not yet answered, whose hard requirements the expert meets
    and whose score reaches the expert's threshold; best first. Each item has .call and
    .score (no reasons: the digest runs outside any page, and names the calls only). Empty
    for anyone the roster does not rank (not approved, erased)."""
    if expert is None or expert.erased_at is not None:
        return []
    answered = set(
        db.session.scalars(sa.select(Interest.call_id).where(Interest.expert_id == expert.id))
    )
    calls = [c for c in open_calls(since) if c.id not in answered]
    found = _matches(expert, calls) if calls else None
    threshold = threshold_of(expert) / 100
    chosen = [
        Opportunity(call, match, [], [])
        for call, match in found or []
        if match.eligible and match.score >= threshold
    ]
    return _best_first(chosen)


def interest_counts(call_ids) -> dict[int, int]:
    """How many experts expressed interest in each call."""
    ids = sorted(set(call_ids))
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(Interest.call_id, sa.func.count(Interest.id))
        .where(Interest.call_id.in_(ids))
        .group_by(Interest.call_id)
    )
    return dict(rows.all())


def find_experts_args(call: OpenCall) -> dict[str, list[str]]:
    """Find experts' GET parameters for a call: the activity's request with the call's own
    themes, languages and dates, so that staff rank for what the call asked of experts."""
    data = defaults(action_query(call.activity.action, call.activity))
    if call.themes:
        data["themes"] = [theme.slug for theme in call.themes]
    if call.languages:
        rows = [{"code": code, "level": level} for code, level in call.languages.items()]
        data["languages"] = [*rows, {"code": "", "level": DEFAULT_MIN_LEVEL}]
    data["start"], data["end"] = call.start_on, call.end_on or call.start_on
    return as_args(FindExpertsForm(formdata=None, data=data))
