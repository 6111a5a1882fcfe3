"""Plain, translatable words for where an expert stands beside the scores: availability in
the dates, the hard requirements they fail ("why not") and how a suggested team covers the
request. Like reasons.py, reads the library's objects by their attributes."""

from datetime import date

from flask_babel import _, format_date, ngettext

from roster.actions.ranking.reasons import Labels, depth_words
from roster.i18n import country_name, language_name


def availability(busy_days: int, total_days: int, start: date, end: date) -> str:
    """Availability in the request's dates, from the days the expert is taken."""
    if busy_days <= 0:
        if start == end:
            return _("Free on %(day)s.", day=format_date(start, "long"))
        return _(
            "Free on every day from %(start)s to %(end)s.",
            start=format_date(start, "long"),
            end=format_date(end, "long"),
        )
    return ngettext(
        "Busy on %(busy)d of the %(num)d day asked for (partial overlap allowed).",
        "Busy on %(busy)d of the %(num)d days asked for (partial overlap allowed).",
        total_days,
        busy=busy_days,
    )


def _language_failure(f) -> str:
    language = language_name(f.key)
    if not f.have:
        if f.want == "native":
            return _("Does not speak %(language)s (native level required).", language=language)
        return _("Does not speak %(language)s (%(want)s required).", language=language, want=f.want)
    if f.want == "native":
        return _(
            "Speaks %(language)s at %(have)s, below the native level required.",
            language=language,
            have=f.have,
        )
    return _(
        "Speaks %(language)s at %(have)s, below the %(want)s required.",
        language=language,
        have=f.have,
        want=f.want,
    )


def failure(f) -> str:
    """A failed hard requirement in plain words."""
    if f.requirement == "language":
        return _language_failure(f)
    if f.requirement == "availability":
        return ngettext(
            "Unavailable on %(num)d of the days asked for (at most %(allowed)s allowed).",
            "Unavailable on %(num)d of the days asked for (at most %(allowed)s allowed).",
            int(f.have),
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
        name = names.get(c.expert_id, c.expert_id)
        if c.expert_id is None:
            out.append(_("%(item)s: nobody among the candidates covers it.", item=what))
        elif c.kind == "theme":
            out.append(
                _(
                    "%(item)s: %(name)s (%(depth)s).",
                    item=what,
                    name=name,
                    depth=depth_words(c.have),
                )
            )
        elif c.have == "native":
            out.append(_("%(item)s: %(name)s (native speaker).", item=what, name=name))
        else:
            out.append(_("%(item)s: %(name)s (%(level)s).", item=what, name=name, level=c.have))
    return out
