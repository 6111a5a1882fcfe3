"""The app's "find experts" service at roster size: ``python -m bench.app_match [--size N]``.

Generates N approved experts (bench/synthetic.py profiles) into a fresh database with bulk
inserts, then times what a worker does: the first build of the index (and its save), a
second worker loading the saved index, a warm ranking of an Action (p50/p95), the whole
find-experts page, and the change check that runs before every ranking (nothing changed,
and one profile edited). The library's own rank on the same index is the same-run baseline.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from bench import synthetic

BATCH = 2000


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def _pcts(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return _ms(statistics.median(ordered)), _ms(p95)


def populate(db, size: int) -> None:
    """Reference data and `size` approved experts, inserted in bulk."""
    from roster.core.time import utcnow
    from roster.experts.models import (
        Expert,
        ExpertCountry,
        ExpertLanguage,
        ExpertTheme,
        Unavailability,
    )
    from roster.experts.models import level_rank as rank_of
    from roster.taxonomy.models import Country, Region, Theme

    regions = sorted(set(synthetic.REGIONS.values()))
    db.session.execute(
        sa.insert(Region),
        [{"slug": r, "label_en": r, "label_fr": r, "label_es": r} for r in regions],
    )
    region_id = dict(db.session.execute(sa.select(Region.slug, Region.id)).all())
    db.session.execute(
        sa.insert(Country),
        [{"code": c, "region_id": region_id[r]} for c, r in synthetic.REGIONS.items()],
    )
    db.session.execute(
        sa.insert(Theme),
        [{"slug": t, "label_en": t, "label_fr": t, "label_es": t} for t in synthetic.THEMES],
    )
    theme_id = dict(db.session.execute(sa.select(Theme.slug, Theme.id)).all())
    now = utcnow()
    rows = {"expert": [], "theme": [], "lang": [], "country": [], "busy": []}

    def flush():
        for table, key in (
            (Expert, "expert"),
            (ExpertTheme, "theme"),
            (ExpertLanguage, "lang"),
            (ExpertCountry, "country"),
            (Unavailability, "busy"),
        ):
            if rows[key]:
                db.session.execute(sa.insert(table), rows[key])
                rows[key].clear()

    for i, e in enumerate(synthetic.iter_roster(size), 1):
        texts = list(e.texts)
        rows["expert"].append(
            {
                "id": i,
                "first_name": "Expert",
                "last_name": f"N{i}",
                "email": f"x{i}@example.org",
                "nationality": e.nationality,
                "biography": texts[0],
                "cv_text": "\n".join(texts[1:]) or None,
                "status": "approved",
                "joined_on": date(2021, 1, 1),
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        rows["theme"] += [
            {"expert_id": i, "theme_id": theme_id[t], "depth": d} for t, d in e.themes.items()
        ]
        rows["lang"] += [
            {"expert_id": i, "code": c, "level": lv, "level_rank": rank_of(lv)}
            for c, lv in e.languages.items()
        ]
        rows["country"] += [{"expert_id": i, "country_code": c} for c in sorted(e.countries)]
        rows["busy"] += [{"expert_id": i, "start": a, "end": b} for a, b in e.unavailable]
        if i % BATCH == 0:
            flush()
    flush()
    db.session.commit()


def make_action(db):
    from roster.actions.models import Action
    from roster.taxonomy.models import Theme

    request = synthetic.requests(1)[0]
    action = Action(
        code="BENCH-01",
        title="Benchmark Action",
        summary=request.text,
        country_code=request.country,
        languages=list(request.languages) or ["en"],
        start_on=request.start,
        end_on=request.end,
    )
    action.themes = list(db.session.scalars(sa.select(Theme).where(Theme.slug.in_(request.themes))))
    db.session.add(action)
    db.session.commit()
    return action


def run(size: int, repeat: int, database_url: str | None) -> dict:
    from roster import create_app
    from roster.actions import ranking
    from roster.auth.models import Role, User
    from roster.experts.models import Expert, ExpertTheme
    from roster.extensions import db

    folder = Path(tempfile.mkdtemp(prefix="bench-app-match-"))
    url = database_url or f"sqlite:///{folder / 'bench.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_DIR": folder, "TESTING": True})
    out = {"experts": size, "database": url.split(":")[0]}
    with app.app_context():
        db.drop_all()
        db.create_all()
        t = time.perf_counter()
        populate(db, size)
        out["insert_s"] = round(time.perf_counter() - t, 1)
        action = make_action(db)
        query = ranking.action_query(action)

        index = ranking.roster_index()
        t = time.perf_counter()
        with index.use():
            pass
        out["first_build_s"] = round(time.perf_counter() - t, 2)
        app.extensions.pop("roster_index")
        t = time.perf_counter()
        with ranking.roster_index().use():
            pass
        out["load_saved_s"] = round(time.perf_counter() - t, 2)

        ranking.rank(query, 20)
        out["rank_p50_ms"], out["rank_p95_ms"] = _pcts(
            _timed(lambda: ranking.rank(query, 20), repeat)
        )
        index = ranking.roster_index()
        request, weights = query.request(), query.weights or None
        out["library_p50_ms"], _ = _pcts(
            _timed(lambda: index.matcher.rank(request, k=20, weights=weights), repeat)
        )
        out["check_idle_p50_ms"], _ = _pcts(_timed(index.refresh, repeat))

        theme = db.session.scalar(sa.select(ExpertTheme.theme_id).limit(1))
        edits = []
        for n in range(min(repeat, 20)):
            expert = db.session.get(Expert, 1 + n)
            row = next((t for t in expert.themes if t.theme_id == theme), None)
            if row is None:
                expert.themes.append(ExpertTheme(theme_id=theme, depth="senior"))
            else:
                expert.themes.remove(row)
            db.session.commit()
            t = time.perf_counter()
            index.refresh()
            edits.append(time.perf_counter() - t)
        out["check_one_edit_p50_ms"], _ = _pcts(edits)

        staff = User(email="bench@example.org", role=Role.STAFF)
        staff.set_password("bench password 1234")
        db.session.add(staff)
        db.session.commit()
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = str(staff.id)
            session["_fresh"] = True
            session["_tfa"] = True  # staff sign in with a second factor
            session["_auth_at"] = session["_seen_at"] = time.time()
        path = f"/actions/{action.id}/find-experts"
        assert client.get(path).status_code == 200
        out["page_p50_ms"], out["page_p95_ms"] = _pcts(
            _timed(lambda: client.get(path), max(3, repeat // 3))
        )
        db.session.remove()
        if database_url:
            db.drop_all()
        db.engine.dispose()
    return out


COLUMNS = [
    ("experts", "experts"),
    ("database", "db"),
    ("insert_s", "insert s"),
    ("first_build_s", "first build s"),
    ("load_saved_s", "load saved s"),
    ("rank_p50_ms", "rank p50 ms"),
    ("rank_p95_ms", "rank p95 ms"),
    ("library_p50_ms", "library rank p50 ms"),
    ("check_idle_p50_ms", "change check ms"),
    ("check_one_edit_p50_ms", "check + 1 edit ms"),
    ("page_p50_ms", "page p50 ms"),
    ("page_p95_ms", "page p95 ms"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--database-url", help="an empty database to use (default: a fresh SQLite file)"
    )
    args = parser.parse_args()
    from bench.__main__ import table

    print(table([run(args.size, args.repeat, args.database_url)], COLUMNS))


if __name__ == "__main__":
    main()
