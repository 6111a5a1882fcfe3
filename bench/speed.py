"""Speed of one roster size, run in its own process so peak memory is its own."""

from __future__ import annotations

import json
import resource
import statistics
import time

import numpy as np
import scipy.sparse as sp

from bench import synthetic
from matching import Matcher, Request
from matching._text import LexicalIndex  # the bound reads the index's own blocks

N_REQUESTS = 40


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


BOUND_SAMPLE = 100_000


def streaming_bound(size: int, query_text: str) -> dict:
    """One core reading the full float32 CSR TF-IDF of the profiles once.

    Built for the first ``BOUND_SAMPLE`` experts (unpruned, every term) and
    scaled by the roster's word count above that: reading time is linear.
    """
    n = min(size, BOUND_SAMPLE)
    texts = [t for e in synthetic.iter_roster(n) for t in e.texts]
    words = sum(len(t.split()) for t in texts)
    lex = LexicalIndex(max_terms=None, idf_sample=len(texts) + 1).fit(texts)
    blocks = []
    for b in lex.blocks_:  # the same weights as a plain float32 CSR, rows by text
        rows = np.repeat(np.arange(len(b.cols)), np.diff(b.ptr))
        m = sp.csr_matrix((b.data.astype(np.float32), (b.rows.astype(np.int64), b.cols[rows])),
                          shape=(b.n, len(lex.idf_)))  # fmt: skip
        blocks.append(m)
    csr = sp.vstack(blocks, format="csr")
    cols, _ = lex.query(query_text)
    q = np.zeros(csr.shape[1], np.float32)
    q[cols] = 1.0
    sums, sums_cpu, matvecs, cpu = [], [], [], []
    for _ in range(5):
        t, c = time.perf_counter(), time.thread_time()
        csr.data.sum()
        sums.append(time.perf_counter() - t)
        sums_cpu.append(time.thread_time() - c)
        t, c = time.perf_counter(), time.thread_time()
        csr @ q
        matvecs.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
    return {"nnz": int(csr.nnz), "sum_ms": _ms(min(sums)), "sum_cpu_ms": _ms(min(sums_cpu)),
            "matvec_ms": _ms(min(matvecs)), "matvec_cpu_ms": _ms(min(cpu)),
            "words": words}  # fmt: skip


def _as_dict(row) -> dict[int, float]:
    return dict(zip(row.indices.tolist(), row.data.tolist(), strict=True))


def python_loop(matcher: Matcher, experts, request: Request) -> float:
    """Reference: the same scoring written as a loop over experts in Python."""
    lex = matcher.lexical_
    cols, vals = lex.query(request.text)
    q = dict(zip(cols.tolist(), vals.tolist(), strict=True))
    rows = [lex.transform(list(e.texts)) for e in experts]  # precomputed, not timed
    vecs = [[_as_dict(r[i]) for i in range(r.shape[0])] for r in rows]
    t = time.perf_counter()
    scores = []
    for e, texts in zip(experts, vecs, strict=True):
        if request.languages and any(
            e.languages.get(k) is None for k in request.languages
        ):  # coarse filter, like the vectorised one
            continue
        sims = sorted((sum(w * q.get(c, 0.0) for c, w in v.items()) for v in texts), reverse=True)
        text = sum(sims[:3]) / max(min(len(sims), 3), 1)
        themes = sum(1.0 for t in request.themes if t in e.themes) / max(len(request.themes), 1)
        geo = 1.0 if request.country in e.countries else 0.0
        scores.append((0.5 * text + 0.3 * themes + 0.2 * geo, e.id))
    scores.sort(reverse=True)
    return time.perf_counter() - t


def run(size: int, loop: bool) -> dict:
    gen = [0.0, 0, 0.0]  # generating: seconds, words, CPU seconds (not fit's cost)

    def stream():
        it = synthetic.iter_roster(size)
        while True:
            t, c = time.perf_counter(), time.process_time()
            e = next(it, None)
            gen[0] += time.perf_counter() - t
            gen[2] += time.process_time() - c
            if e is None:
                return
            gen[1] += sum(x.count(" ") + 1 for x in e.texts)
            yield e

    base_mb = _peak_mb()
    big = size > 100_000
    t, c = time.perf_counter(), time.process_time()
    m = Matcher(
        semantic=False,
        regions=synthetic.REGIONS,
        keep_texts=not big,
        latent_dtype="float16" if big else "float32",
    ).fit(stream())
    fit = time.perf_counter() - t - gen[0]
    fit_cpu = time.process_time() - c - gen[2]
    fit_peak = _peak_mb()
    requests = synthetic.requests(N_REQUESTS)
    texts = synthetic.texts_of if big else None
    m.rank(requests[0], texts=texts)  # warm caches
    lat, cpu = [], []
    for r in requests:
        t, c = time.perf_counter(), time.thread_time()
        m.rank(r, k=10, texts=texts)
        lat.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
    updates = []
    for i, e in enumerate(synthetic.roster(20, seed=size + 7)):
        e = type(e)(**{**e.__dict__, "id": f"x{i * 3}" if i % 2 else f"new{i}"})
        t = time.perf_counter()
        m.update(e)
        updates.append(time.perf_counter() - t)
    out = {
        "size": size,
        "words_per_expert": round(gen[1] / size),
        "generate_s": round(gen[0], 1),
        "fit_s": round(fit, 2),
        "fit_cpu_s": round(fit_cpu, 2),
        "rank_p50_ms": _ms(statistics.median(lat)),
        "rank_p95_ms": _ms(float(np.percentile(lat, 95))),
        "rank_cpu_p50_ms": _ms(statistics.median(cpu)),
        "update_p50_ms": _ms(statistics.median(updates)),
        "update_max_ms": _ms(max(updates)),
        "index_nnz": m.lexical_.nnz,
        "index_mb": round(m.lexical_.nbytes / 2**20),
        "roster_rss_mb": round(base_mb),
        "peak_rss_mb": round(max(fit_peak, _peak_mb())),
    }
    if loop and size <= 10_000:
        experts = synthetic.roster(size)
        out["loop_ms"] = _ms(statistics.median(python_loop(m, experts, r) for r in requests[:3]))
    return out


def bound(size: int) -> dict:
    b = streaming_bound(size, synthetic.requests(1)[0].text)
    scale = 1.0
    if size > BOUND_SAMPLE:  # words grow linearly with the roster (same generator)
        scale = size / BOUND_SAMPLE
    out = {f"bound_{k}": v for k, v in b.items() if k != "words"}
    for k in ("bound_sum_ms", "bound_sum_cpu_ms", "bound_matvec_ms", "bound_matvec_cpu_ms"):
        out[k] = round(out[k] * scale, 2)
    out["bound_scaled"] = scale != 1.0
    return out


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1])
    if "--bound" in sys.argv:
        print(json.dumps(bound(size)))
    else:
        print(json.dumps(run(size, "--loop" in sys.argv)))
