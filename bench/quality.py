"""Ranking quality on a labelled migration-domain benchmark (bench/data).

Profiles are composed from hand-written sentences per theme and sub-topic
(bank.json, English, French, Spanish) plus neutral career sentences; requests
(requests.json) were written apart, in other words. A profile's relevance to a
request is graded from what its texts actually say: 3 its main sub-topic is the
request's, 2 it has sentences on that sub-topic, 1 on the theme, 0 otherwise.
Requests alternate between a dev split (tuning) and a test split (reporting).

The first 16 requests also have grades judged case by case (judgments.json):
each request's pool (top 8 of TF-IDF and of TF-IDF + LSA) was read profile by
profile and graded 0-3. nDCG counts profiles outside the pool as 0; the
pairwise loss, like the external set's, uses only the requests a person was
judged for.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from matching import Expert, Matcher, Request, semantic_available

DATA = Path(__file__).parent / "data"
FILLER = [
    "Holds a master's degree in international relations.",
    "Has worked for international organisations and national governments.",
    "Experienced facilitator of workshops and online trainings.",
    "Author of several reports and policy briefs.",
    "Fluent in several languages, used to multicultural teams.",
    "Led multi-stakeholder consultations with civil society.",
    "Managed project budgets, monitoring and evaluation frameworks.",
    "Previously worked as a consultant for development agencies.",
]


def load():
    bank = json.loads((DATA / "bank.json").read_text())
    requests = json.loads((DATA / "requests.json").read_text())
    return bank, requests


def roster(bank, n=300, seed=11):
    """Profiles and, for each, the (theme, sub) of every sentence it contains."""
    rng = np.random.default_rng(seed)
    subs = [(t, s) for t in bank for s in bank[t]]
    experts, content = [], []
    for i in range(n):
        lang = ["en", "en", "en", "fr", "es"][i % 5]
        main = subs[int(rng.integers(len(subs)))]
        same_theme = [s for s in bank[main[0]] if s != main[1]]
        second = (main[0], same_theme[int(rng.integers(len(same_theme)))])
        other = subs[int(rng.integers(len(subs)))]
        extra = [second] if rng.uniform() < 0.6 else []
        extra += [other] if rng.uniform() < 0.5 else []

        said = []

        def say(key, k=1, lang=lang, said=said):
            pool = bank[key[0]][key[1]][lang]
            picked = rng.permutation(len(pool))[:k].tolist()
            said.extend(f"{key[1]}:{j}" for j in picked)
            return [pool[j] for j in picked]

        fill = [FILLER[int(j)] for j in rng.permutation(len(FILLER))[:3]]
        texts = [" ".join(say(main) + fill[:1])]
        cv = say(main, 2) + [s for key in extra for s in say(key)] + fill[1:]
        texts.append(" ".join(rng.permutation(cv).tolist()))
        keys = [main, main, main, *extra]
        if rng.uniform() < 0.5:
            texts.append(" ".join(say(extra[0] if extra else main)))
            keys.append(extra[0] if extra else main)
        experts.append(Expert(id=f"p{i:03d}-{lang}", texts=texts))
        content.append({"main": main, "keys": set(keys), "lang": lang, "said": said})
    return experts, content


def grade(request, info) -> int:
    target = (request["theme"], request["sub"])
    if info["main"] == target:
        return 3
    if target in info["keys"]:
        return 2
    return 1 if any(t == request["theme"] for t, _ in info["keys"]) else 0


def ndcg(scores: np.ndarray, gains: np.ndarray, k=10) -> float:
    order = np.lexsort((np.arange(len(scores)), -scores))[:k]
    discount = 1 / np.log2(np.arange(2, k + 2))
    dcg = float(((2.0 ** gains[order] - 1) * discount[: len(order)]).sum())
    ideal = np.sort(gains)[::-1][:k]
    idcg = float(((2.0**ideal - 1) * discount[: len(ideal)]).sum())
    return dcg / idcg if idcg else 0.0


def pairwise_loss(scores: np.ndarray, ratings: np.ndarray) -> float:
    """Per person (column), pairs of requests: misordered costs the rating gap,
    a tie half of it; normalised per person, then averaged. NaN ratings (not
    judged) take part in no pair."""
    losses = []
    for j in range(scores.shape[1]):
        rated = ~np.isnan(ratings[:, j])
        s, r = scores[rated, j], ratings[rated, j]
        ds = s[:, None] - s[None, :]
        dr = r[:, None] - r[None, :]
        pairs = dr > 0
        if not pairs.any():
            continue
        cost = np.where(ds[pairs] < 0, 1.0, np.where(ds[pairs] == 0, 0.5, 0.0)) * dr[pairs]
        losses.append(cost.sum() / dr[pairs].sum())
    return float(np.mean(losses))


def judged() -> dict[str, dict[str, int]]:
    """Grades judged case by case (bench/data/judgments.json): request -> profile -> grade."""
    rows = json.loads((DATA / "judgments.json").read_text())["judgments"]
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        out.setdefault(r["request"], {})[r["profile"]] = r["grade"]
    return out


def person_grade(request_id: str, said: list[str], sentences: dict) -> int:
    """A person's judged grade for a request, from the judged grades of their sentences."""
    grades = [sentences.get(request_id, {}).get(s, 0) for s in said]
    best = max(grades, default=0)
    if best and 3 * grades.count(best) < len(grades):
        best -= 1
    return best


def judged_sentences() -> dict:
    return json.loads((DATA / "judgments.json").read_text())["sentences"]


def score_matrix(matcher: Matcher, experts, requests) -> np.ndarray:
    ids = [e.id for e in experts]
    scores = np.zeros((len(requests), len(experts)))
    for i, q in enumerate(requests):
        ranked = matcher.rank(Request(text=q["text"]), k=None, reasons=False)
        by_id = {m.expert_id: m.score for m in ranked}
        scores[i] = [by_id[x] for x in ids]
    return scores


def metrics(scores: np.ndarray, ratings: np.ndarray) -> dict:
    """nDCG@10 per request; pairwise loss per person over the requests (as the external set)."""
    gains = np.nan_to_num(ratings)  # unjudged: not relevant, for nDCG
    ndcgs = [ndcg(scores[i], gains[i]) for i in range(len(scores))]
    top1 = [gains[i][int(np.argmax(scores[i]))] >= 2 for i in range(len(scores))]
    return {
        "ndcg@10": round(float(np.mean(ndcgs)), 3),
        "pairwise loss": round(pairwise_loss(scores, ratings), 3),
        "top1 relevant": round(float(np.mean(top1)), 2),
    }


def evaluate(matcher: Matcher, experts, content, requests) -> dict:
    """Metrics with the rule grades (from the sentences each profile was built from)."""
    ratings = np.array([[grade(q, c) for c in content] for q in requests], float)
    return metrics(score_matrix(matcher, experts, requests), ratings)


def evaluate_judged(matcher: Matcher, experts, requests, grades) -> dict:
    """Metrics with the grades judged by reading each pooled profile.

    nDCG counts unjudged profiles as 0; the pairwise loss uses judged pairs only
    (a person judged for several requests), as the external set does.
    """
    ids = [e.id for e in experts]
    ratings = np.array([[grades[q["id"]].get(x, np.nan) for x in ids] for q in requests], float)
    return metrics(score_matrix(matcher, experts, requests), ratings)


def evaluate_people(matcher: Matcher, experts, content, requests, sentences) -> dict:
    """Person-centric: every profile graded for every request from judged sentences."""
    ratings = np.array(
        [[person_grade(q["id"], c["said"], sentences) for c in content] for q in requests], float
    )
    return metrics(score_matrix(matcher, experts, requests), ratings)


CONFIGS = {
    "tf-idf only (round 1, latent_dims=0)": {"latent_dims": 0},
    "default: tf-idf + LSA 32": {},
    "tf-idf + LSA 64": {"latent_dims": 64},
    "tf-idf + LSA 128": {"latent_dims": 128},
    "default, best text only (top_texts=1)": {"top_texts": 1},
    "default, no pruning (max_terms=None)": {"max_terms": None},
}


def fitted(params: dict, experts) -> Matcher:
    """A matcher fitted on ``experts``; text-model vectors come from the bench's store
    (bench/results/vectors), so only a first run with the extra encodes."""
    if not params.get("semantic"):
        return Matcher(**params).fit(experts)
    from bench.public import VectorCache

    m = Matcher(**params, encode="later").fit(experts)
    VectorCache("own").fill(m)
    return m


def report(split: str = "all") -> None:
    """Print dev and test figures per configuration (tune on dev, read test)."""
    bank, requests = load()
    experts, content = roster(bank)
    grades = judged()
    sentences = judged_sentences()
    same = [q for q in requests if not q.get("cross")]
    judged_requests = [q for q in same if q["id"] in grades]
    splits = {
        "dev": (same[0::2], judged_requests[0::2]),
        "test": (same[1::2], judged_requests[1::2]),
    }
    chosen = ["dev", "test"] if split == "all" else [split]
    cross = [q for q in requests if q.get("cross")]
    english = [i for i, c in enumerate(content) if c["lang"] == "en"]
    en_experts = [experts[i] for i in english]
    en_content = [content[i] for i in english]
    configs = dict(CONFIGS)
    if semantic_available():
        configs["default + text models (semantic extra)"] = {"semantic": True}
    rows = []
    for name, params in configs.items():
        params = {"semantic": False, **params}
        m = fitted(params, experts)
        row = {"config": name}
        for s in chosen:
            rule_q, judged_q = splits[s]
            rule = evaluate(m, experts, content, rule_q)
            jud = evaluate_judged(m, experts, judged_q, grades)
            people = evaluate_people(m, experts, content, judged_q, sentences)
            row[f"people {s} loss"] = people["pairwise loss"]
            row[f"judged {s} loss"] = jud["pairwise loss"]
            row[f"judged {s} ndcg"] = jud["ndcg@10"]
            row[f"rule {s} loss"] = rule["pairwise loss"]
            row[f"rule {s} ndcg"] = rule["ndcg@10"]
        m_en = fitted(params, en_experts)
        row["x-ling top1"] = evaluate(m_en, en_experts, en_content, cross)["top1 relevant"]
        rows.append(row)
    from bench.__main__ import table

    n_j = sum(len(v) for v in grades.values())
    n_q = len(judged_requests)
    print(f"\nQuality: {len(experts)} profiles (en/fr/es). Judged: {n_q} requests,")
    print(f"{n_j} pooled grades read case by case (dev/test alternate); 'people': every profile")
    print("graded for those requests from sentence grades judged by reading (person-centric,")
    print(f"like the external set). Rule: {len(same)} requests graded")
    print("from the sentences each profile was built from. Loss: per person, pairs of requests")
    print(f"(as the external set). Cross-lingual: {len(cross)} fr/es/pt/ru requests over")
    print(f"{len(en_experts)} English profiles.")
    print(table(rows, [(k, k) for k in rows[0]]))
