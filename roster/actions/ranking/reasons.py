"""The matcher's structured reasons in plain, translatable words, for the page and the API.

Works on the library's Reason, Evidence, Failure and Cover objects by their attributes, so
it needs no import of the library. Theme and region labels follow the reader's language.
"""

import re
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from roster.experts.models import level_rank
from roster.extensions import db
from roster.i18n import country_name, language_name
from roster.taxonomy.models import Region, Theme

CRITERION_LABELS = {
    "text": _l("Description"),
    "themes": _l("Themes"),
    "languages": _l("Languages"),
    "geography": _l("Country and region"),
    "evaluation": _l("Evaluations"),
    "training": _l("Toolkit training"),
    "workload": _l("Workload"),
}
DEPTH_LABELS = {
    "working": _l("working knowledge"),
    "experienced": _l("experienced"),
    "senior": _l("senior"),
}
# Words too common to show as "in common" (the index keeps them when a roster is small).
COMMON_WORDS = frozenset(
    "and are but for from has have its not off our that the their this was were with "  # noqa: SIM905
    "aux avec dans des est les par pour que qui sur une con del las los por para una uno".split()
)


def shown_terms(terms) -> list[str]:
    """The matched terms worth showing: no short or very common words."""
    return [t for t in terms if len(t) > 2 and t.lower() not in COMMON_WORDS]


def criterion_label(criterion: str) -> str:
    return str(CRITERION_LABELS.get(criterion, criterion))


def level_words(level: str | None) -> str:
    """A CEFR level as shown in sentences (the codes are CEFR's own)."""
    return _("native level") if level == "native" else (level or "")


@dataclass
class Labels:
    """Theme and region labels in the reader's language, read once per page."""

    themes: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    said: dict = field(default_factory=dict)  # sentences already told on this page

    @classmethod
    def load(cls) -> "Labels":
        return cls(
            {t.slug: t.label for t in db.session.scalars(sa.select(Theme))},
            {r.slug: r.label for r in db.session.scalars(sa.select(Region))},
        )

    def theme(self, slug: str) -> str:
        return self.themes.get(slug, slug)

    def region(self, slug: str) -> str:
        return self.regions.get(slug, slug)


def _themes(reason, labels: Labels) -> list[str]:
    out = []
    for e in reason.matched:
        out.append(
            _(
                "Knows %(theme)s (%(depth)s).",
                theme=labels.theme(e.key),
                depth=DEPTH_LABELS.get(e.have, e.have),
            )
        )
    for e in reason.missing:
        out.append(_("No experience recorded in %(theme)s.", theme=labels.theme(e.key)))
    return out


def _languages(reason) -> list[str]:
    out = []
    for e in reason.matched:
        name, have, want = language_name(e.key), level_words(e.have), level_words(e.want)
        if e.want and level_rank(e.have) < level_rank(e.want):
            out.append(
                _(
                    "Speaks %(language)s at %(have)s, below the %(want)s wanted.",
                    language=name,
                    have=have,
                    want=want,
                )
            )
        elif e.want:
            out.append(
                _(
                    "Speaks %(language)s at %(have)s (%(want)s or above wanted).",
                    language=name,
                    have=have,
                    want=want,
                )
            )
        else:
            out.append(_("Speaks %(language)s at %(have)s.", language=name, have=have))
    for e in reason.missing:
        out.append(
            _(
                "Does not list %(language)s (%(want)s wanted).",
                language=language_name(e.key),
                want=level_words(e.want),
            )
        )
    return out


def _is_country(key: str) -> bool:
    return len(key) == 2 and key.isupper()


def _geography(reason, labels: Labels) -> list[str]:
    out = []
    for e in reason.matched:
        if e.have == "country":
            out.append(
                _("Knows %(country)s (experience or nationality).", country=country_name(e.key))
            )
        else:
            out.append(_("Has experience in the region: %(region)s.", region=labels.region(e.key)))
    for e in reason.missing:
        if _is_country(e.key):
            out.append(_("No recorded experience in %(country)s.", country=country_name(e.key)))
        else:
            out.append(
                _("No recorded experience in the region %(region)s.", region=labels.region(e.key))
            )
    return out


def _text(reason) -> list[str]:
    out = [
        _(
            "The profile's texts are %(percent)d%% close to the request.",
            percent=round(100 * reason.score),
        )
    ]
    if shown_terms(reason.terms):
        out.append(_("Words in common: %(terms)s.", terms=", ".join(shown_terms(reason.terms))))
    return out


def _signal(reason) -> list[str]:
    value = next((float(e.have) for e in reason.matched if e.have is not None), None)
    if reason.criterion == "evaluation":
        if value is None:
            return [_("No evaluation yet: counted as neutral.")]
        return [_("Past evaluations: %(rating).1f out of 5 on average.", rating=1 + 4 * value)]
    if reason.criterion == "training":
        if value is None:
            return [_("No toolkit progress to count.")]
        return [
            _(
                "Completed %(percent)d%% of the published toolkit modules.",
                percent=round(100 * value),
            )
        ]
    if value is None:
        return [_("No workload recorded.")]
    return [
        _(
            "Booked for %(percent)d%% of their yearly days in the last twelve months.",
            percent=round(100 * value),
        )
    ]


def sentences(reason, labels: Labels) -> list[str]:
    """Plain sentences for one criterion's reason (told once per page for equal reasons)."""
    # ten experts often share their theme, language and region reasons: translate them once
    key = (reason.criterion, reason.matched, reason.missing, reason.known, reason.terms)
    key += (round(100 * reason.score),) if reason.criterion == "text" else ()
    if key not in labels.said:
        labels.said[key] = _sentences(reason, labels)
    return list(labels.said[key])


def _sentences(reason, labels: Labels) -> list[str]:
    if reason.criterion == "themes":
        found = _themes(reason, labels)
    elif reason.criterion == "languages":
        found = _languages(reason)
    elif reason.criterion == "geography":
        found = _geography(reason, labels)
    elif reason.criterion == "text":
        found = _text(reason)
    else:
        found = _signal(reason)
    if not reason.known and reason.criterion in ("themes", "languages", "geography", "text"):
        found.append(_("The profile has no data for this yet."))
    return found


def highlight(text: str, terms) -> Markup:
    """The passage, escaped, with the matched words wrapped in <mark>."""
    words = sorted(set(shown_terms(terms)), key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
    )
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(escape(text[last : found.start()]))
        out.append(Markup("<mark>%s</mark>") % found.group(0))
        last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@dataclass
class ReasonView:
    """One criterion of a match, ready for a template or a JSON answer."""

    criterion: str
    label: str
    score: float
    weight: float
    known: bool
    sentences: list[str]
    passages: list[Markup]
    raw: object

    @property
    def contribution(self) -> float:
        return self.score * self.weight


def describe(match, labels: Labels) -> list[ReasonView]:
    """Every reason of a match in plain words, largest contribution first."""
    return [
        ReasonView(
            r.criterion,
            criterion_label(r.criterion),
            r.score,
            r.weight,
            r.known,
            sentences(r, labels),
            [highlight(p.text, r.terms) for p in r.passages],
            r,
        )
        for r in match.reasons
    ]


def _evidence(items) -> list[dict]:
    return [{"key": e.key, "have": e.have, "want": e.want} for e in items]


def reason_json(reason, labels: Labels) -> dict:
    """One reason as structured JSON, with its sentences in the reader's language."""
    return {
        "criterion": reason.criterion,
        "score": round(reason.score, 4),
        "weight": round(reason.weight, 4),
        "known": reason.known,
        "matched": _evidence(reason.matched),
        "missing": _evidence(reason.missing),
        "terms": list(reason.terms),
        "passages": [{"text": p.text, "score": round(p.score, 4)} for p in reason.passages],
        "explanation": sentences(reason, labels),
    }
