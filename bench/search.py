"""The roster's free-text search at roster size: ``python -m bench.search [--size N] [--db D]``.

Fills a fresh database (a SQLite file by default, or a throwaway PostgreSQL database) with N
approved experts from the demo's generator (bench/load/seed.py: names, languages and
biographies in English, French and Spanish), written with bulk inserts, then builds the
full-text index and times the roster page's query (first page of 25 and the total, as the
page runs it) for typical staff queries. The same-run baseline is the LIKE scan the roster
used before the index, on the same rows: "vs LIKE scan" is its p50 over the index's p50.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

QUERIES = (
    "asylum",
    "trafficking",
    '"border management"',
    "statistics migration",
    "García",
    "ministry",
    "reintegration training",
    "diaspora",
    "politiques migratoires",
    "trata de personas",
)


def _like_query(q: str) -> sa.Select:
    """The roster's text filter before the full-text index: every word a LIKE over seven
    columns (kept here as the baseline)."""
    from roster.experts.models import Expert

    stmt = sa.select(Expert).where(Expert.erased_at.is_(None))
    for word in q.replace('"', " ").split()[:8]:
        escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        columns = (Expert.first_name, Expert.last_name, Expert.email, Expert.biography)
        columns += (Expert.cv_text, Expert.employer, Expert.position)
        stmt = stmt.where(sa.or_(*(sa.func.lower(c).like(pattern, escape="\\") for c in columns)))
    return stmt.order_by(Expert.last_name, Expert.first_name, Expert.id)


def _time_queries(make_stmt, rounds: int) -> tuple[list[float], list[int]]:
    """Seconds per query (page 1 of 25 and its total), and the totals of the first round."""
    from roster.experts.search import paginate
    from roster.extensions import db

    samples, totals = [], []
    for round_ in range(rounds):
        for q in QUERIES:
            started = time.perf_counter()
            page = paginate(make_stmt(q), 1, 25)
            page.items  # noqa: B018 (read)
            samples.append(time.perf_counter() - started)
            if round_ == 0:
                totals.append(page.total)
            db.session.rollback()
    return samples, totals


def _pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000


def run(size: int, kind: str, rounds: int, like_rounds: int) -> dict:
    from bench.load import database, seed
    from roster import create_app
    from roster.experts import search_index
    from roster.experts.filters import RosterFilters
    from roster.experts.search import roster_query
    from roster.extensions import db
    from roster.taxonomy.seed import seed_reference_data

    folder = Path(tempfile.mkdtemp(prefix="roster-search-bench-"))
    target = database.create(folder, kind)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": target.url, "INSTANCE_DIR": folder})
        with app.app_context():
            db.create_all()
            started = time.perf_counter()
            seed_reference_data(db.session)
            seed.seed_experts(db, size, progress=lambda d, t: print(f"\r  {d:,}/{t:,}", end=""))
            db.session.commit()
            print(f"\r  {size:,} experts generated in {time.perf_counter() - started:.0f} s")
            started = time.perf_counter()
            with db.engine.begin() as conn:
                search_index.rebuild(conn)
                if target.kind == "postgresql":
                    conn.exec_driver_sql("ANALYZE")
            build_s = time.perf_counter() - started
            _time_queries(lambda q: roster_query(RosterFilters(q=q)), 1)  # warm the caches
            indexed, totals = _time_queries(lambda q: roster_query(RosterFilters(q=q)), rounds)
            like, like_totals = _time_queries(_like_query, like_rounds)
            db.session.remove()
            db.engine.dispose()
        p50, like_p50 = _pct(indexed, 0.5), _pct(like, 0.5)
        return {
            "engine": "SQLite FTS5" if target.kind == "sqlite" else "PostgreSQL tsvector+GIN",
            "experts": f"{size:,}",
            "build s": f"{build_s:.1f}",
            "queries": len(indexed),
            "p50 ms": f"{p50:.1f}",
            "p99 ms": f"{_pct(indexed, 0.99):.1f}",
            "found avg": f"{statistics.mean(totals):.0f}",
            "LIKE p50 ms": f"{like_p50:.1f}",
            "LIKE p99 ms": f"{_pct(like, 0.99):.1f}",
            "LIKE found avg": f"{statistics.mean(like_totals):.0f}",
            "vs LIKE scan": f"{like_p50 / max(p50, 1e-6):.0f}x faster",
        }
    finally:
        target.drop()
        shutil.rmtree(folder, ignore_errors=True)


def table(rows: list[dict]) -> str:
    head = list(rows[0])
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(str(r[h]) for h in head) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, nargs="+", default=[100_000])
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of the queries (index)")
    parser.add_argument("--like-rounds", type=int, default=2, help="rounds of the LIKE scan")
    args = parser.parse_args(argv)
    rows = [run(size, args.db, args.rounds, args.like_rounds) for size in args.size]
    print(
        f"\nRoster search: {len(QUERIES)} queries (words, a phrase, a name with an accent, "
        "French and Spanish), first page of 25 with its total; p50/p99 over every query"
    )
    print(table(rows))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
