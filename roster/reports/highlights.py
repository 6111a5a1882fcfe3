"""Highlights per region: what each Action did in the year, written from its own notes.

The frame of each sentence is a translatable template with placeholders (the Action, its
partners, a month); the notes that staff wrote on the activities are quoted as they are.
"""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import _, ngettext

from roster.actions.models import Action, Activity, InstitutionKind
from roster.actions.states import ActionStatus, ActivityKind
from roster.i18n import country_name
from roster.reports.text import listing, month_year, sort_key

ACTIVE = (ActionStatus.IMPLEMENTATION, ActionStatus.CONCLUDED)


@dataclass
class Highlight:
    """One Action's year: where (a country or a regional body), then sentences."""

    place: str
    code: str
    action_id: int
    sentences: list[str]


@dataclass
class RegionHighlights:
    slug: str
    label: str
    items: list[Highlight] = field(default_factory=list)


def _place(action: Action) -> str:
    bodies = [p for p in action.partners if p.kind == InstitutionKind.REGIONAL_BODY]
    if bodies and len(bodies) == len(action.partners):
        return bodies[0].acronym or bodies[0].name
    return country_name(action.country_code)


def _partners(action: Action) -> str:
    names = [p.name for p in action.partners[:2]]
    if len(action.partners) > 2:
        names.append(_("other partners"))
    return listing(names) or _("the partner")


def _entered_implementation(action: Action) -> date | None:
    steps = [s.at.date() for s in action.history if s.to_status in ACTIVE]
    return min(steps) if steps else None


def _with_period(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _opening(action: Action, year: int, activities: list[Activity]) -> str:
    title, partners = action.title, _partners(action)
    entered = _entered_implementation(action)
    if action.concluded_on and action.concluded_on.year == year:
        return _(
            "The Action “%(title)s” (%(partners)s) was concluded in %(month)s.",
            title=title,
            partners=partners,
            month=month_year(action.concluded_on),
        )
    if entered and entered.year == year:
        return _(
            "The Action “%(title)s” (%(partners)s) started in %(month)s.",
            title=title,
            partners=partners,
            month=month_year(entered),
        )
    if entered and entered.year < year:
        return _(
            "The Action “%(title)s” (%(partners)s) continued throughout the year.",
            title=title,
            partners=partners,
        )
    assessments = [a for a in activities if a.kind == ActivityKind.NEEDS_ASSESSMENT]
    if assessments:
        return _(
            "Experts assessed capacities and training needs in %(month)s (%(partners)s), "
            "preparing the Action “%(title)s”.",
            title=title,
            partners=partners,
            month=month_year(assessments[-1].start_on),
        )
    first = activities[0].start_on if activities else None
    if first:
        return _(
            "The Action “%(title)s” (%(partners)s) was launched in %(month)s.",
            title=title,
            partners=partners,
            month=month_year(first),
        )
    return _("The Action “%(title)s” (%(partners)s) was prepared.", title=title, partners=partners)


def _activities(activities: list[Activity], year: int) -> str | None:
    if not activities:
        return None
    kinds: dict[str, int] = {}
    for a in activities:
        label = a.kind.label.lower()
        kinds[label] = kinds.get(label, 0) + 1
    online = sum(a.format.value == "online" for a in activities)
    parts = listing([f"{label} ({n})" if n > 1 else label for label, n in kinds.items()])
    text = ngettext(
        "%(num)d activity in %(year)s: %(kinds)s.",
        "%(num)d activities in %(year)s: %(kinds)s.",
        len(activities),
        year=year,
        kinds=parts,
    )
    if online and len(activities) == 1:
        text += " " + _("It was held online.")
    elif online == len(activities):
        text += " " + _("All of them were held online.")
    elif online:
        text += " " + ngettext(
            "%(num)d of them was held online.", "%(num)d of them were held online.", online
        )
    return text


def _notes(action: Action, activities: list[Activity], year: int) -> list[str]:
    noted = [a for a in activities if a.notes and a.notes.strip()]
    # The longest note of the year usually tells the most; the Action's own closing note too.
    out = [_with_period(max(noted, key=lambda a: len(a.notes)).notes)] if noted else []
    closing = [
        s.note
        for s in action.history
        if s.note and s.at.year == year and s.to_status == ActionStatus.CONCLUDED
    ]
    out += [_with_period(n) for n in closing]
    return out


def action_highlight(action: Action, year: int) -> Highlight:
    """One Action's year told in sentences."""
    activities = [a for a in action.activities if a.start_on.year == year]
    sentences = [_opening(action, year, activities)]
    told = _activities(activities, year)
    if told:
        sentences.append(told)
    sentences += _notes(action, activities, year)
    return Highlight(_place(action), action.code, action.id, sentences)


def highlights(implemented: list[Action], year: int) -> list[RegionHighlights]:
    """The year's Actions grouped by region (regions by label; no region last)."""
    regions: dict[str, RegionHighlights] = {}
    for action in sorted(implemented, key=lambda a: (sort_key(_place(a)), a.code)):
        region = action.region
        key = region.slug if region else ""
        if key not in regions:
            regions[key] = RegionHighlights(key, region.label if region else _("Other countries"))
        regions[key].items.append(action_highlight(action, year))
    return sorted(regions.values(), key=lambda r: (not r.slug, sort_key(r.label)))
