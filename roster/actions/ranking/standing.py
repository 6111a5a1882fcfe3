"""Plain, translatable words for where an expert stands beside the scores: availability in
the dates, the hard requirements they fail ("why not") and how a suggested team covers the
request. Like reasons.py, reads the library's objects by their attributes."""

from datetime import date

from flask_babel import _

from roster.actions.ranking.reasons import DEPTH_LABELS, Labels, level_words
from roster.i18n import country_name, language_name


def availability(busy_days: int, total_days: int, start: date, end: date) -> str:
    """Availability in the request's dates, from the days the expert is taken."""
    if busy_days <= 0:
        return _(
            "Free on every day from %(start)s to %(end)s.",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    return _(
        "Busy on %(busy)d of the %(total)d days asked for (partial overlap allowed).",
        busy=busy_days,
        total=total_days,
    )


def failure(f) -> str:
    """A failed hard requirement in plain words."""
    if f.requirement == "language":
        if not f.have:
            return _(
                "Does not speak %(language)s (%(want)s required).",
                language=language_name(f.key),
                want=level_words(f.want),
            )
        return _(
            "Speaks %(language)s at %(have)s, below the %(want)s required.",
            language=language_name(f.key),
            have=level_words(f.have),
            want=level_words(f.want),
        )
    if f.requirement == "availability":
        return _(
            "Unavailable on %(busy)s of the days asked for (at most %(allowed)s allowed).",
            busy=f.have,
            allowed=f.want,
        )
    if f.requirement == "national":
        return _(
            "A national of the partner country (%(country)s), which is excluded.",
            country=country_name(f.key),
        )
    return _("Excluded from this request.")


def coverage(team, labels: Labels, names: dict[str, str]) -> list[str]:
    """How a suggested team covers each requested theme and language."""
    out = []
    for c in team.coverage:
        what = labels.theme(c.key) if c.kind == "theme" else language_name(c.key)
        if c.expert_id is None:
            out.append(_("%(item)s: nobody among the candidates covers it.", item=what))
        elif c.kind == "theme":
            out.append(
                _(
                    "%(item)s: %(name)s (%(depth)s).",
                    item=what,
                    name=names.get(c.expert_id, c.expert_id),
                    depth=DEPTH_LABELS.get(c.have, c.have),
                )
            )
        else:
            out.append(
                _(
                    "%(item)s: %(name)s (%(level)s).",
                    item=what,
                    name=names.get(c.expert_id, c.expert_id),
                    level=level_words(c.have),
                )
            )
    return out
