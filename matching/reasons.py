"""Reasons and failed requirements, built for the few experts returned only."""

from __future__ import annotations

import numpy as np

from . import criteria as cr
from . import passages as ps
from . import scoring as sc
from .profiles import day
from .types import DEPTHS, LEVELS, SIGNALS, Evidence, Expert, Failure, Passage, Reason, Request

_DEPTH = (None, *DEPTHS)
_LEVEL = (None, *LEVELS)


def build(matcher, request, rows, parts, active, text, known, texts=None):
    """Reasons per returned row; ``parts``/``known`` are arrays over those rows.

    ``texts`` (a mapping or callable id -> texts) supplies the texts of a
    matcher built with ``keep_texts=False``.
    """
    out = []
    rows = rows.tolist()
    best = _best_texts(matcher, rows, text, texts) if "text" in active else {}
    for i, row in enumerate(rows):
        expert = matcher.experts_[row]
        reasons = []
        for criterion, weight in active.items():
            score = float(parts[criterion][i])
            kw = {"known": bool(known[criterion][i])}
            if criterion == "themes":
                kw |= _themes(expert, request)
            elif criterion == "languages":
                kw |= _languages(expert, request)
            elif criterion == "geography":
                kw |= _geography(matcher, expert, request)
            elif criterion == "text":
                kw |= _text(best.get(row), text)
            elif criterion in SIGNALS:
                value = expert.signals.get(criterion)
                kw["matched"] = () if value is None else (Evidence(criterion, f"{value:.2f}"),)
            reasons.append(Reason(criterion, score, weight, **kw))
        reasons.sort(key=lambda r: -r.contribution)
        out.append(tuple(reasons))
    return out


def _split(items):
    matched = tuple(e for e in items if e.have is not None)
    missing = tuple(e for e in items if e.have is None)
    return {"matched": matched, "missing": missing}


def _themes(expert: Expert, request: Request) -> dict:
    return _split([Evidence(t, expert.themes.get(t), d) for t, d in request.themes.items()])


def _languages(expert: Expert, request: Request) -> dict:
    return _split([Evidence(k, expert.languages.get(k), v) for k, v in request.languages.items()])


def _geography(matcher, expert: Expert, request: Request) -> dict:
    region = sc.request_region(matcher, request)
    places = expert.countries | ({expert.nationality} if expert.nationality else set())
    if request.country and request.country in places:
        return {"matched": (Evidence(request.country, "country"),)}
    regions = set(expert.regions) | {matcher.regions[c] for c in places if c in matcher.regions}
    wanted = [Evidence(request.country)] if request.country else []
    if region and region in regions:
        return {"matched": (Evidence(region, "region"),), "missing": tuple(wanted)}
    return {"missing": (*wanted, *([Evidence(region)] if region else []))}


def _best_texts(matcher, rows, text: sc.TextScores, texts) -> dict:
    """Per row: the expert's texts and their two closest, analysed together (``passages``)."""
    p = matcher.profiles_
    chosen = {}
    for row in rows:
        slots = p.slots[row, : p.n_texts[row]]
        expert = matcher.experts_[row]
        own = expert.texts or _lookup(texts, expert.id)
        if len(slots) and len(own) == len(slots):
            chosen[row] = (own, np.argsort(-text.per_text[slots], kind="stable")[:2].tolist())
    wanted = [own[j] for own, best in chosen.values() for j in best]
    found = dict(zip(wanted, ps.analyse(matcher.lexical_, wanted), strict=True))
    return {row: [(j, found[own[j]], own[j]) for j in best] for row, (own, best) in chosen.items()}


def _text(best, text: sc.TextScores) -> dict:
    """Shared terms and closest sentence of the expert's two best texts.

    A term's weight is its share of the text's cosine with the request.
    """
    if not best:
        return {}
    terms: dict[str, float] = {}
    passages = []
    for j, a, _ in best:
        found, top, share = ps.explain(a, text.cols, text.vals)
        for name, value in found:
            terms[name] = terms.get(name, 0.0) + value
        if top >= 0 and share > 0:
            passages.append(Passage(j, a.sents[top][:400], share))
    if not passages:  # multilingual closeness without shared words: point at the best text
        j, a, own = best[0]
        passages.append(Passage(j, (a.sents or [own])[0][:400], 0.0))
    top_terms = sorted(terms, key=lambda t: -terms[t])[:8]
    return {"terms": tuple(top_terms), "passages": tuple(passages)}


def _lookup(texts, expert_id: str) -> tuple[str, ...]:
    """Texts the caller passes again for a matcher that keeps none."""
    if texts is None:
        return ()
    found = texts(expert_id) if callable(texts) else texts.get(expert_id)
    return tuple(t for t in (found or ()) if t.strip())


def failures(matcher, request: Request, row: int) -> tuple[Failure, ...]:
    """The hard requirements one expert row fails, in plain structured form."""
    p = matcher.profiles_
    expert: Expert = matcher.experts_[row]
    out = []
    if expert.id in request.exclude_ids:
        out.append(Failure("excluded", expert.id))
    if request.exclude_nationals and request.country and expert.nationality == request.country:
        out.append(Failure("national", request.country, expert.nationality, None))
    if request.languages and request.languages_required:
        for lang, want in request.languages.items():
            have = expert.languages.get(lang)
            if cr.level_rank(have) < cr.level_rank(want):
                out.append(Failure("language", lang, have, want))
    if request.start is not None and p.n_un:  # read from the arrays, as ``eligible`` does
        share = float(sc.available_share(p, request)[row])
        if share < request.min_available - 1e-9:
            days = day(request.end) - day(request.start) + 1
            busy = round((1 - share) * days)
            allowed = int((1 - request.min_available) * days + 1e-9)
            # have: days unavailable in the request's dates; want: the most allowed
            out.append(Failure("availability", None, str(busy), str(allowed)))
    return tuple(out)
