"""Find experts for an Action or one of its activities: the ranked list with reasons in plain
words, requirements and weights editable on the page, "why not" and a suggested team."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask import abort, render_template, request, url_for
from flask_babel import _
from sqlalchemy.orm import selectinload

from matching import DEFAULT_MIN_LEVEL
from roster.actions.models import Action, Activity, Assignment
from roster.actions.ranking import reasons as rs
from roster.actions.ranking import service as ranking
from roster.actions.ranking import standing
from roster.actions.ranking.forms import (
    MAX_SHOWN,
    PAGE,
    FindExpertsForm,
    as_args,
    defaults,
    error_list,
)
from roster.actions.ranking.interest import with_interest
from roster.actions.ranking.loading import load_experts
from roster.actions.signals import interest_in
from roster.auth.permissions import can_manage_actions, require
from roster.core.numbers import parse_int
from roster.experts.models import Expert
from roster.experts.profile import STATUS_LABELS
from roster.extensions import db

MAX_NAMED = 10


@dataclass
class Row:
    """One ranked expert as the page shows them."""

    position: int
    match: object
    expert: Expert
    reasons: list
    availability: str | None
    on_team: Assignment | None
    interests: list = field(default_factory=list)  # in this activity's (or Action's) calls


def _busy_days(periods, start: date, end: date) -> int:
    days: set[date] = set()
    for a, b in periods:
        first, last = max(a, start), min(b, end)
        days.update(first + timedelta(n) for n in range((last - first).days + 1))
    return len(days)


def _availability(ids: list[int], query: ranking.Query) -> dict[int, str]:
    if query.start is None or not ids:
        return {}
    end = query.end or query.start
    total = (end - query.start).days + 1
    experts, _stamps = load_experts(set(ids))
    return {
        i: standing.availability(
            _busy_days(e.unavailable, query.start, end), total, query.start, end
        )
        for i, e in experts.items()
    }


def _experts(ids) -> dict[int, Expert]:
    if not ids:
        return {}
    found = db.session.scalars(sa.select(Expert).where(Expert.id.in_(sorted(ids))))
    return {e.id: e for e in found}


def _team_of(action: Action, activity: Activity | None) -> dict[int, Assignment]:
    """Who is already on the team (of this activity, or of the Action as a whole)."""
    out = {}
    for a in action.assignments:
        if activity is None or a.activity_id in (None, activity.id):
            out.setdefault(a.expert_id, a)
    return out


def _named(form: FindExpertsForm) -> tuple[Expert | None, list[Expert]]:
    """The expert "why not" asks about: by id from a choice, or by every word of the name."""
    chosen = parse_int(request.args.get("why_id"))
    if chosen:
        expert = db.session.get(Expert, chosen)
        return expert, []
    words = (form.why.data or "").lower().split()[:4]
    if not words:
        return None, []
    stmt = sa.select(Expert)
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Expert.first_name).like(pattern, escape="\\"),
                sa.func.lower(Expert.last_name).like(pattern, escape="\\"),
            )
        )
    found = db.session.scalars(
        stmt.order_by(Expert.last_name, Expert.first_name).limit(MAX_NAMED + 1)
    ).all()
    if len(found) == 1:
        return found[0], []
    return None, list(found)


def _why_not(form: FindExpertsForm, query: ranking.Query, labels: rs.Labels) -> dict | None:
    expert, choices = _named(form)
    if expert is None:
        if not form.why.data:
            return None
        return {"expert": None, "choices": choices[:MAX_NAMED], "more": len(choices) > MAX_NAMED}
    answer = ranking.why_not(query, expert.id)
    out = {"expert": expert, "choices": [], "sentences": [], "position": answer.position}
    if answer.match is None:
        if expert.erased_at is not None:
            out["sentences"] = [_("Their data was erased: they are no longer on the roster.")]
        else:
            status = STATUS_LABELS.get(expert.status.value, expert.status.value)
            out["sentences"] = [
                _(
                    "Not approved (status: %(status)s): only approved experts are ranked.",
                    status=status,
                )
            ]
        return out
    out["match"] = answer.match
    out["sentences"] = [standing.failure(f) for f in answer.match.failures]
    out["reasons"] = rs.describe(answer.match, labels)
    return out


def find_experts(action_id: int, activity_id: int | None = None):
    """Rank the approved experts for an Action or activity, with reasons, "why not" and a team."""
    action = db.get_or_404(
        Action, action_id, options=[selectinload(Action.assignments), selectinload(Action.requests)]
    )
    activity = db.get_or_404(Activity, activity_id) if activity_id is not None else None
    if activity is not None and activity.action_id != action.id:
        abort(404)
    require(can_manage_actions)
    base = ranking.action_query(action, activity)
    if request.args.get("run"):
        form = FindExpertsForm(formdata=request.args)
        valid = form.validate()
    else:
        form = FindExpertsForm(formdata=None, data=defaults(base))
        form.why.data = (request.args.get("why") or "").strip()[:100]  # a link may name one
        valid = True
    if form.languages.entries[-1].code.data and len(form.languages.entries) < 8:
        form.languages.append_entry({"code": "", "level": DEFAULT_MIN_LEVEL})
    here = {"action_id": action.id, "activity_id": activity.id if activity else None}
    context = {
        "action": action,
        "activity": activity,
        "form": form,
        "valid": valid,
        "here": here,
        "errors": [] if valid else error_list(form),
        # Weights just set stay in view after re-ranking, as do weights with an error.
        "weights_open": bool(form.weights.errors or form.interest_weight.errors)
        or form.weights_set(base.weights)
        or bool(form.interest_weight.data),
        "reset_weights": url_for(
            "actions.find_experts", **here, **as_args(form, ("weights-", "interest_weight"))
        ),
        "link": lambda **extra: url_for(
            "actions.find_experts", **here, **{**as_args(form), **extra}
        ),
    }
    if valid:
        context.update(_results(action, activity, form))
    return render_template("actions/find_experts.html", **context), 200 if valid else 400


def _results(action: Action, activity: Activity | None, form: FindExpertsForm) -> dict:
    query = form.query(action.country_code)
    k = form.k.data or PAGE
    result = ranking.rank(query, k)
    interests = interest_in(action, activity)
    matches = with_interest(query, result.matches, interests, form.interest_weight.data, k)
    team = ranking.suggest_team(query)
    ids = {int(m.expert_id) for m in matches} | set(interests)
    if team is not None:
        ids |= {int(m.expert_id) for m in team.members}
    experts = _experts(ids)
    labels = rs.Labels.load()
    free = _availability([int(m.expert_id) for m in matches], query)
    on_team = _team_of(action, activity)
    rows = [
        Row(
            n,
            m,
            experts[int(m.expert_id)],
            rs.describe(m, labels),
            free.get(int(m.expert_id)),
            on_team.get(int(m.expert_id)),
            interests.get(int(m.expert_id), []),
        )
        for n, m in enumerate(matches, 1)
        if int(m.expert_id) in experts
    ]
    shown = {int(m.expert_id) for m in matches}
    names = {str(i): e.name for i, e in experts.items()}
    more = None
    if result.eligible > k and k < MAX_SHOWN:
        args = as_args(form, ("k",))
        more = url_for(
            "actions.find_experts",
            action_id=action.id,
            activity_id=activity.id if activity else None,
            k=min(k + PAGE, MAX_SHOWN),
            **args,
            _anchor=f"rank-{k + 1}",
        )
    return {
        "query": query,
        "rows": rows,
        "eligible": result.eligible,
        "indexed": result.indexed,
        "more": more,
        "team": team,
        "team_rows": [(m, experts.get(int(m.expert_id))) for m in team.members] if team else [],
        "coverage": standing.coverage(team, labels, names) if team else [],
        "why": _why_not(form, query, labels),
        "text_notices": _text_notices(result.matches),
        # Interested experts the list does not show (below the first k, or missing a
        # requirement): named, so that "why not" can tell where they stand.
        "interested_elsewhere": [
            experts[i] for i in sorted(interests) if i not in shown and i in experts
        ],
        "interested_count": len(interests),
    }


def _text_notices(matches) -> list[str]:
    """How sure the description's closeness can be: a request in a language no profile text
    is written in; profile texts the text models have not read yet."""
    out = []
    reason = matches[0].reason("text") if matches else None
    if reason is not None:
        across = any(e.key == "meaning" for e in reason.matched)
        out += [
            rs.language_notice(e.want, across)
            for e in reason.missing
            if e.key == "language" and e.want
        ]
    state = ranking.text_models_state()
    if state and state["pending"]:
        out.append(
            _(
                "The text models are still reading %(pending)d of %(texts)d profile texts: "
                "those are ranked on words in common until then.",
                pending=state["pending"],
                texts=state["texts"],
            )
        )
    return out
