"""The matcher's structured reasons in plain, translatable words, for the page and the API.

Works on the library's Reason, Evidence, Failure and Cover objects by their attributes, so
it needs no import of the library. Theme and region labels follow the reader's language.
"""

import re
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import _, pgettext
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


def _depth_words() -> dict[str, str]:
    # "senior" and "experienced" describe a person elsewhere: here they qualify knowledge.
    return {
        "working": pgettext("depth of knowledge", "working knowledge"),
        "experienced": pgettext("depth of knowledge", "experienced"),
        "senior": pgettext("depth of knowledge", "senior"),
    }


DEPTHS = ("working", "experienced", "senior")  # the keys of _depth_words, in the library's order


def depth_words(depth: str | None) -> str:
    """How well an expert knows a theme, as a short label inside a sentence's brackets."""
    return _depth_words().get(depth or "", depth or "")


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


def _knows(theme: str, depth: str | None) -> str:
    """A whole sentence per depth: no label is slotted into another sentence."""
    if depth == "senior":
        return _("Has senior expertise in %(theme)s.", theme=theme)
    if depth == "experienced":
        return _("Is experienced in %(theme)s.", theme=theme)
    if depth == "working":
        return _("Has working knowledge of %(theme)s.", theme=theme)
    return _("Knows %(theme)s.", theme=theme)


def _themes(reason, labels: Labels) -> list[str]:
    out = [_knows(labels.theme(e.key), e.have) for e in reason.matched]
    for e in reason.missing:
        out.append(_("No experience recorded in %(theme)s.", theme=labels.theme(e.key)))
    return out


def speaks(language: str, have: str | None, want: str | None) -> str:
    """What an expert's level of a language is beside the level asked for, in one sentence.

    Each case is its own message ("native" is never slotted into a sentence written for a
    CEFR code, which read "a nivel nivel nativo" in Spanish)."""
    native_have, native_want = have == "native", want == "native"
    if want and level_rank(have) < level_rank(want):
        if native_want:
            return _(
                "Speaks %(language)s at %(have)s, below the native level wanted.",
                language=language,
                have=have,
            )
        return _(
            "Speaks %(language)s at %(have)s, below the %(want)s wanted.",
            language=language,
            have=have,
            want=want,
        )
    if want:
        if native_have and native_want:
            return _("Speaks %(language)s as a native speaker, as wanted.", language=language)
        if native_have:
            return _(
                "Speaks %(language)s as a native speaker (%(want)s or above wanted).",
                language=language,
                want=want,
            )
        return _(
            "Speaks %(language)s at %(have)s (%(want)s or above wanted).",
            language=language,
            have=have,
            want=want,
        )
    if native_have:
        return _("Speaks %(language)s as a native speaker.", language=language)
    return _("Speaks %(language)s at %(have)s.", language=language, have=have)


def does_not_list(language: str, want: str | None) -> str:
    """A language asked for that the profile does not list."""
    if want == "native":
        return _("Does not list %(language)s (native level wanted).", language=language)
    if want:
        return _("Does not list %(language)s (%(want)s wanted).", language=language, want=want)
    return _("Does not list %(language)s.", language=language)


def _languages(reason) -> list[str]:
    out = [speaks(language_name(e.key), e.have, e.want) for e in reason.matched]
    out += [does_not_list(language_name(e.key), e.want) for e in reason.missing]
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
    return out + judged_by(reason)


def judged_by(reason) -> list[str]:
    """Which text model judged the closeness, and how sure it can be (matching's evidence:
    "words" and "meaning" matched; "meaning" missing: not read yet; "language" missing: no
    profile text is in the request's language)."""
    out = []
    meaning = next((e.have for e in reason.matched if e.key == "meaning"), None)
    if meaning == "english":
        out.append(_("Close in meaning: judged by the English text model."))
    elif meaning == "multilingual":
        out.append(_("Close in meaning across languages: judged by the multilingual text model."))
    if any(e.key == "meaning" for e in reason.missing):
        out.append(
            _("Judged on words in common only: the text model has not read this profile yet.")
        )
    for e in reason.missing:
        if e.key == "language" and e.want:
            out.append(language_notice(e.want, meaning is not None))
    return out


def language_notice(code: str, across: bool) -> str:
    """A request written in a language that no profile text of the roster is written in."""
    if across:
        return _(
            "No profile text is written in %(language)s: texts were compared across "
            "languages, which is less certain.",
            language=language_name(code),
        )
    return _(
        "No profile text is written in %(language)s: only the words it shares with the "
        "profiles count, so good experts may be missed.",
        language=language_name(code),
    )


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
