"""Reasons and failed requirements, built for the few experts returned only."""

from __future__ import annotations

import numpy as np

from . import _criteria as cr
from . import _passages as ps
from . import _scoring as sc
from ._profiles import day
from ._types import SIGNALS, Evidence, Expert, Failure, Passage, Reason, Request


def build(
    request: Request, experts, parts, active, known, regions, text=None, best=None, judges=None
):
    """Reasons per returned expert; ``parts``, ``known``, ``best`` and ``judges`` (per
    expert, which model judged each of its texts, or None without text models) follow
    ``experts``."""
    out = []
    region = sc.request_region(request, regions)
    for i, expert in enumerate(experts):
        reasons = []
        for criterion, weight in active.items():
            score = float(parts[criterion][i])
            kw = {"known": bool(known[criterion][i])}
            if criterion == "themes":
                kw |= _themes(expert, request)
            elif criterion == "languages":
                kw |= _languages(expert, request)
            elif criterion == "geography":
                kw |= _geography(expert, request, regions, region)
            elif criterion == "text":
                kw |= _text(best[i], text, None if judges is None else judges[i])
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


def _geography(expert: Expert, request: Request, regions: dict, region: str | None) -> dict:
    places = expert.countries | ({expert.nationality} if expert.nationality else set())
    if request.country and request.country in places:
        return {"matched": (Evidence(request.country, "country"),)}
    theirs = set(expert.regions) | {regions[c] for c in places if c in regions}
    wanted = [Evidence(request.country)] if request.country else []
    if region and region in theirs:
        return {"matched": (Evidence(region, "region"),), "missing": tuple(wanted)}
    return {"missing": (*wanted, *([Evidence(region)] if region else []))}


def best_texts(experts, per_text: list[np.ndarray], lex, texts=None) -> list:
    """Per expert: its two closest texts, analysed together (``passages``); None if unknown."""
    # ``per_text``: each expert's texts' closeness; ``texts`` (mapping or callable id ->
    # texts) gives again the texts of a matcher that keeps none.
    chosen = []
    for expert, closeness in zip(experts, per_text, strict=True):
        own = expert.texts or _lookup(texts, expert.id)
        if len(closeness) and len(own) == len(closeness):
            order = np.argsort(-closeness, kind="stable")[:2].tolist()
            chosen.append((own, order))
        else:
            chosen.append(None)
    wanted = [own[j] for own, order in filter(None, chosen) for j in order]
    found = dict(zip(wanted, ps.analyse(lex, wanted), strict=True))
    return [None if c is None else [(j, found[c[0][j]], c[0][j]) for j in c[1]] for c in chosen]


JUDGES = (None, "english", "multilingual")  # by _semantic.SemanticQuery.judge


def _text(best, text, judges=None) -> dict:
    """Shared terms and closest sentence of the expert's two best texts.

    A term's weight is its share of the text's cosine with the request.
    """
    if not best:
        return _judged(best, text, None, False)
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
    out = {"terms": tuple(top_terms), "passages": tuple(passages)}
    return out | _judged(best, text, judges, bool(top_terms))


def _judged(best, text, judges, words: bool) -> dict:
    """Which model judged the closest text: ``words`` in common (lexical), ``meaning``
    (``have``: "english" or "multilingual" model), or ``meaning`` missing when the text
    models have not read that text yet; ``language`` missing (``want``: the request's
    language) when no text of the roster is written in it."""
    matched, missing = [], []
    if words:
        matched.append(Evidence("words"))
    judge = int(judges[best[0][0]]) if judges is not None and best else 0
    if judge:
        matched.append(Evidence("meaning", JUDGES[judge]))
    elif judges is not None and best:
        missing.append(Evidence("meaning"))
    if getattr(text, "uncovered", False):
        missing.append(Evidence("language", None, text.language))
    return {"matched": tuple(matched), "missing": tuple(missing)}


def _lookup(texts, expert_id: str) -> tuple[str, ...]:
    """Texts the caller passes again for a matcher that keeps none."""
    if texts is None:
        return ()
    found = texts(expert_id) if callable(texts) else texts.get(expert_id)
    return tuple(t for t in (found or ()) if t.strip())


def failures(request: Request, expert: Expert, available: float | None) -> tuple[Failure, ...]:
    """The hard requirements one expert fails; ``available``: share of the days free, or None."""
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
    if available is not None and available < request.min_available - 1e-9:
        days = day(request.end) - day(request.start) + 1
        busy = round((1 - available) * days)
        allowed = int((1 - request.min_available) * days + 1e-9)
        # have: days unavailable in the request's dates; want: the most allowed
        out.append(Failure("availability", None, str(busy), str(allowed)))
    return tuple(out)
