"""Ranking quality on two public sets judged by people outside the project.

``python -m bench public``. The sets are read at run time from the ``shared/data`` folder beside
the repository (or ``ROSTER_PUBLIC_DATA``), never copied here: ``bidding`` (reviewers' bids on
papers, CC BY 4.0) and ``stackexchange-android`` (who answered an Android Stack Exchange
question, CC BY-SA 4.0); each folder's ``SOURCE.md`` gives the source and licence, printed
with the table. Every expert is ranked for each request by text only, as their README says:
nDCG@10 (gain 2**grade - 1, unjudged = 0) and MRR over the requests with a grade above 0.
Without the folder the rows are skipped, and said so.

Text-model vectors are kept between runs in ``bench/results/vectors/`` (keyed by the text's
sha256 and the model's version, as the app stores them), so only the first run with the
``semantic`` extra pays the encoding; its cost is measured by ``bench semantic``.
"""

from __future__ import annotations

import json
import os
import pickle
import textwrap
import time
from pathlib import Path

import numpy as np

from matching import Expert, Matcher, Request, encode_texts, semantic_available, text_key

ROOT = Path(__file__).resolve().parent.parent
SETS = ("bidding", "stackexchange-android")
CACHE = ROOT / "bench" / "results" / "vectors"


def data_dir() -> Path:
    """Where the public sets are: ROSTER_PUBLIC_DATA, else shared/data beside the repository."""
    found = os.environ.get("ROSTER_PUBLIC_DATA")
    return Path(found) if found else ROOT.parent / "shared" / "data"


def attribution(name: str) -> str:
    """The set's source and licence lines, from its SOURCE.md (kept with the figures)."""
    path = data_dir() / name / "SOURCE.md"
    if not path.exists():
        return ""
    bullets: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("- "):
            bullets.append(line[2:].strip())
        elif line.startswith("  ") and bullets:  # a bullet's continued line
            bullets[-1] += " " + line.strip()
    keep = [b for b in bullets if b.lower().startswith(("licence", "paper", "repository"))]
    return " ".join(keep)


def load(name: str, root: Path | None = None):
    """Experts, the requests with a grade above 0, and grades: request -> expert -> grade."""
    folder = (root or data_dir()) / name
    experts = json.loads((folder / "experts.json").read_text(encoding="utf-8"))
    requests = json.loads((folder / "requests.json").read_text(encoding="utf-8"))
    grades: dict[str, dict[str, int]] = {}
    for q in json.loads((folder / "qrels.json").read_text(encoding="utf-8")):
        grades.setdefault(q["request"], {})[q["expert"]] = int(q["grade"])
    requests = [r for r in requests if any(g > 0 for g in grades.get(r["id"], {}).values())]
    # ``meta`` is for analysis only: a ranker never reads it.
    roster = [Expert(id=e["id"], texts=tuple(t for t in e["texts"] if t.strip())) for e in experts]
    return roster, requests, grades


def ndcg_mrr(ranked: list[str], grades: dict[str, int], k: int = 10) -> tuple[float, float]:
    """nDCG@k with gain 2**grade - 1 (unjudged: 0) and the reciprocal rank of the first hit."""
    gains = np.array([grades.get(i, 0) for i in ranked], float)
    discount = 1 / np.log2(np.arange(2, k + 2))
    top = gains[:k]
    dcg = float(((2**top - 1) * discount[: len(top)]).sum())
    ideal = np.sort(np.array(list(grades.values()), float))[::-1][:k]
    idcg = float(((2**ideal - 1) * discount[: len(ideal)]).sum())
    hits = np.flatnonzero(gains > 0)
    return (dcg / idcg if idcg else 0.0), (1.0 / (hits[0] + 1) if len(hits) else 0.0)


class VectorCache:
    """Text-model vectors on disk by (sha256 of the text, model version): a bench's store."""

    def __init__(self, name: str):
        self.path = CACHE / f"{name}.pkl"
        self.vectors: dict[str, dict] = {}
        if self.path.exists():
            with self.path.open("rb") as f:
                self.vectors = pickle.load(f)  # noqa: S301  (written by this bench only)

    def fill(self, matcher: Matcher) -> tuple[int, float]:
        """Give the matcher every vector known, encode the rest; returns (encoded, seconds)."""
        matcher.add_vectors(self.vectors)
        pending = matcher.pending_texts()
        start = time.perf_counter()
        for a in range(0, len(pending), 64):
            batch = pending[a : a + 64]
            found = dict(zip(map(text_key, batch), encode_texts(batch), strict=True))
            self.vectors.update(found)
            matcher.add_vectors(found)
        seconds = time.perf_counter() - start
        if pending:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("wb") as f:
                pickle.dump(self.vectors, f, protocol=pickle.HIGHEST_PROTOCOL)
        return len(pending), seconds


def evaluate(name: str, semantic: bool, root: Path | None = None) -> dict:
    """nDCG@10 and MRR of a Matcher (lexical, or with the text models) on one public set."""
    experts, requests, grades = load(name, root)
    start = time.perf_counter()
    matcher = Matcher(semantic=semantic, encode="later").fit(experts)
    fit_s = time.perf_counter() - start
    encoded, encode_s = VectorCache(name).fill(matcher) if semantic else (0, 0.0)
    scores = []
    for r in requests:
        ranked = [m.expert_id for m in matcher.rank(Request(text=r["text"]), k=None, reasons=False)]
        scores.append(ndcg_mrr(ranked, grades[r["id"]]))
    a = np.array(scores)
    return {
        "set": name,
        "text model": "lexical + English & multilingual" if semantic else "lexical (default)",
        "requests": len(requests),
        "experts": len(experts),
        "ndcg@10": round(float(a[:, 0].mean()), 3),
        "mrr": round(float(a[:, 1].mean()), 3),
        "fit s": round(fit_s, 1),
        "encoded now": encoded,
        "encode s": round(encode_s, 1),
    }


def report() -> None:
    from bench.__main__ import table

    root = data_dir()
    if not all((root / name / "qrels.json").exists() for name in SETS):
        print(f"\nPublic sets: not found ({root.name}/ beside the repository, or set")
        print("ROSTER_PUBLIC_DATA); the bidding and stackexchange-android rows are skipped.")
        return
    rows = []
    for name in SETS:
        rows.append(evaluate(name, False))
        if semantic_available():
            rows.append(evaluate(name, True))
    print("\nPublic sets with outside judgements (text only; nDCG@10 and MRR over the requests")
    print("with a grade above 0; vectors cached in bench/results/vectors between runs):")
    print(table(rows, [(k, k) for k in rows[0]]))
    if not semantic_available():
        print("(the semantic extra is not installed: pip install -e '.[semantic]' adds its rows)")
    for name in SETS:
        print(f"  {name}: {textwrap.fill(attribution(name), 96, subsequent_indent='    ')}")
