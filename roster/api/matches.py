"""Matches over the API (staff only): rank the roster for a request given as JSON, or for an
Action. Bad input answers 400 with the JSON error naming the field, never 500."""

from datetime import date

import pycountry
import sqlalchemy as sa
from flask import request
from flask_babel import _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.actions import ranking
from roster.actions import reasons as rs
from roster.actions.models import Action
from roster.api.errors import abort_api
from roster.api.views import bp
from roster.auth.permissions import can_manage_actions
from roster.experts.models import Expert
from roster.extensions import db
from roster.taxonomy.models import Theme

FIELDS = {"text", "themes", "languages", "country", "start", "end", "k"}
DEFAULT_K = 10
MAX_K = 100
MAX_TEXT = 10_000
MAX_ITEMS = 50


def _bad(name: str, message: str):
    abort_api(
        400,
        "bad_request",
        _("Bad field '%(name)s': %(message)s", name=name, message=message),
        field=name,
        parameters={name: str(message)},  # as the other API routes name a bad parameter
    )


def _staff_only() -> None:
    if not can_manage_actions(current_user):
        abort_api(403, "forbidden", _("Only staff may ask for matches."))


def _k(value, name: str = "k") -> int:
    if value is None:
        return DEFAULT_K
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_K:
        _bad(name, _("Give a whole number from 1 to %(max)d.", max=MAX_K))
    return value


def _date(body: dict, name: str) -> date | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        _bad(name, _("Give a date as YYYY-MM-DD."))
    try:
        return date.fromisoformat(value)
    except ValueError:
        _bad(name, _("Give a date as YYYY-MM-DD."))


def _themes(value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _bad("themes", _("Give a list of theme slugs."))
    if len(value) > MAX_ITEMS:
        _bad("themes", _("Give at most %(n)d themes.", n=MAX_ITEMS))
    known = set(db.session.scalars(sa.select(Theme.slug).where(Theme.slug.in_(value))))
    unknown = [v for v in value if v not in known]
    if unknown:
        _bad("themes", _("Unknown theme: %(slugs)s.", slugs=", ".join(unknown)))
    return list(dict.fromkeys(value))


def _languages(value) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        _bad("languages", _('Give a list such as [{"code": "es", "min_level": "B2"}].'))
    out: dict[str, str] = {}
    for i, item in enumerate(value):
        name = f"languages[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            _bad(name, _('Give an object such as {"code": "es", "min_level": "B2"}.'))
        code = item["code"].strip().lower()
        known = (
            pycountry.languages.get(alpha_2=code)
            if len(code) == 2
            else pycountry.languages.get(alpha_3=code)
            if len(code) == 3
            else None
        )
        if known is None:
            _bad(f"{name}.code", _("Unknown language code."))
        level = item.get("min_level", "B2")
        if level not in ranking.LEVELS:
            _bad(
                f"{name}.min_level",
                _("Unknown level; use one of %(levels)s.", levels=", ".join(ranking.LEVELS)),
            )
        if code in out:
            _bad(name, _("Each language once, please."))
        out[code] = level
    return out


def _country(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or pycountry.countries.get(alpha_2=value.upper()) is None:
        _bad("country", _("Unknown country code; give an ISO 3166 alpha-2 code such as CR."))
    return value.upper()


def query_from_json(body) -> tuple[ranking.Query, int]:
    """The query and k of a POST /matches body, or a 400 naming the first bad field."""
    if not isinstance(body, dict):
        abort_api(
            400, "bad_request", _('Send a JSON object such as {"text": "...", "themes": [...]}.')
        )
    unknown = sorted(set(body) - FIELDS)
    if unknown:
        _bad(unknown[0], _("Unknown field."))
    text = body.get("text") or ""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        _bad("text", _("Give a text of at most %(n)d characters.", n=MAX_TEXT))
    start, end = _date(body, "start"), _date(body, "end")
    if end is not None and start is None:
        _bad("start", _("An end date needs a start date."))
    if start and end and end < start:
        _bad("end", _("The end date must not be before the start date."))
    query = ranking.Query(
        text=text,
        themes=_themes(body.get("themes")),
        languages=_languages(body.get("languages")),
        country=_country(body.get("country")),
        start=start,
        end=end or start,
    )
    return query, _k(body.get("k"))


def match_items(matches) -> list[dict]:
    """The JSON items of a ranking: expert, score, confidence and structured reasons."""
    ids = [int(m.expert_id) for m in matches]
    names = {}
    if ids:
        rows = db.session.execute(
            sa.select(Expert.id, Expert.first_name, Expert.last_name).where(Expert.id.in_(ids))
        )
        names = {i: f"{first} {last}".strip() for i, first, last in rows}
    labels = rs.Labels.load()
    return [
        {
            "expert_id": int(m.expert_id),
            "name": names.get(int(m.expert_id), ""),
            "score": round(m.score, 4),
            "confidence": round(m.confidence, 4),
            "reasons": [rs.reason_json(r, labels) for r in m.reasons],
        }
        for m in matches
    ]


@bp.post("/matches")
def matches():
    """Rank the approved experts for a request given as JSON (staff only)."""
    _staff_only()
    query, k = query_from_json(request.get_json(silent=True))
    result = ranking.rank(query, k)
    return {"items": match_items(result.matches), "eligible": result.eligible}


@bp.get("/actions/<int:action_id>/matches")
def action_matches(action_id: int):
    """Rank the approved experts for an Action, as its page does by default (staff only)."""
    _staff_only()
    for name in request.args:
        if name not in ("k", "lang"):
            _bad(name, _("Unknown parameter."))
    k = _k(request.args.get("k"))
    action = db.session.scalar(
        sa.select(Action).where(Action.id == action_id).options(selectinload(Action.requests))
    )
    if action is None:
        abort_api(404, "not_found", _("No Action with this id."))
    result = ranking.rank(ranking.action_query(action), k)
    return {"items": match_items(result.matches), "eligible": result.eligible}
