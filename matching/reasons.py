"""Reasons and failed requirements, built for the few experts returned only."""

from __future__ import annotations

import numpy as np

from . import criteria as cr
from . import scoring as sc
from . import tokens as tk
from .profiles import day
from .text import sentences
from .types import DEPTHS, LEVELS, SIGNALS, Evidence, Expert, Failure, Passage, Reason, Request

_DEPTH = (None, *DEPTHS)
_LEVEL = (None, *LEVELS)


def build(matcher, request, rows, parts, active, text, known, texts=None):
    """Reasons per returned row; ``parts``/``known`` are arrays over those rows.

    ``texts`` (a mapping or callable id -> texts) supplies the texts of a
    matcher built with ``keep_texts=False``.
    """
    out = []
    for i, row in enumerate(rows.tolist()):
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
                kw |= _text(matcher, expert, row, text, texts)
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


def _text(matcher, expert: Expert, row: int, text: sc.TextScores, texts) -> dict:
    """Shared terms and closest sentence of the expert's two best texts.

    Each text is tokenised once, sentence by sentence; a term's weight is its
    share of the text's cosine with the request.
    """
    p = matcher.profiles_
    slots = p.slots[row, : p.n_texts[row]]
    own = expert.texts or _lookup(texts, expert.id)
    if not len(slots) or len(own) != len(slots):
        return {}
    best = np.argsort(-text.per_text[slots], kind="stable")[:2].tolist()
    lex = matcher.lexical_
    terms: dict[str, float] = {}
    passages = []
    for j in best:
        sents = sentences(own[j])
        hashes, which, starts, ends, data = tk.tokenize(sents)  # one "text" per sentence
        if not len(hashes):
            continue
        cols, idf = lex.weights(hashes)
        _, first, inv, counts = np.unique(cols, return_index=True, return_inverse=True,
                                          return_counts=True)  # fmt: skip
        tf = (1.0 + np.log(counts)).astype(np.float32) if lex.sublinear_tf else counts
        weights = tf * idf[first]
        norm = float(np.sqrt(weights @ weights)) or 1.0
        at = np.minimum(np.searchsorted(text.cols, cols[first]), max(len(text.cols) - 1, 0))
        hit = (text.cols[at] == cols[first]) & (cols[first] >= 0) if len(text.cols) else at < 0
        q = np.where(hit, text.vals[at] if len(text.vals) else 0.0, 0.0).astype(np.float32)
        share = weights * q / norm  # each term's part of this text's cosine
        for i in np.flatnonzero(share > 0).tolist():
            k = first[i]
            name = data[starts[k] : ends[k]].decode("utf-8", "replace")
            terms[name] = terms.get(name, 0.0) + float(share[i])
        per_use = (share / counts)[inv]  # a term's share per occurrence
        shares = np.bincount(which, weights=per_use, minlength=len(sents))
        if shares.max() > 0:
            top = int(np.argmax(shares))
            passages.append(Passage(j, sents[top][:400], float(shares[top])))
    if not passages:  # multilingual closeness without shared words: point at the best text
        first_sentence = (sentences(own[best[0]]) or [own[best[0]]])[0]
        passages.append(Passage(best[0], first_sentence[:400], 0.0))
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
    if request.start is not None and expert.unavailable:
        share = float(sc.available_share(p, request)[row])
        if share < request.min_available - 1e-9:
            days = day(request.end) - day(request.start) + 1
            busy = round((1 - share) * days)
            allowed = int((1 - request.min_available) * days + 1e-9)
            # have: days unavailable in the request's dates; want: the most allowed
            out.append(Failure("availability", None, str(busy), str(allowed)))
    return tuple(out)
