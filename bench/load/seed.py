"""A load-test roster in seconds: demo-like experts, Actions, a staff token, bulk inserts.

Experts come from the demo's generator (roster/demo/profiles.py: real names, themes,
languages, countries and biographies), written with one INSERT per table and batch rather
than through the ORM. ``python -m bench.load.seed OUT_DIR`` runs it against DATABASE_URL
(already migrated) and writes the staff token and the update scenario's data to OUT_DIR.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa

BATCH = 1000
STAFF_EMAIL = "load-staff@example.org"


def _specs(count: int, seed: int):
    from roster.demo.archetypes import ARCHETYPES
    from roster.demo.profiles import RosterBuilder

    builder = RosterBuilder(random.Random(seed))
    archetypes = list(ARCHETYPES)
    for i in range(count):
        archetype = archetypes[i % len(archetypes)]
        spec = builder.person(archetype)
        yield builder.fill(spec, archetype, "any", None)


def seed_experts(db, count: int, seed: int = 2026, progress=None) -> None:
    """`count` approved experts with ids 1..count, inserted in batches."""
    from roster.core.time import utcnow
    from roster.experts.models import (
        Expert,
        ExpertCountry,
        ExpertLanguage,
        ExpertTheme,
        Unavailability,
        level_rank,
    )
    from roster.taxonomy.models import Theme

    theme_id = dict(db.session.execute(sa.select(Theme.slug, Theme.id)).all())
    now = utcnow()
    tables = (Expert, ExpertTheme, ExpertLanguage, ExpertCountry, Unavailability)
    rows: dict = {table: [] for table in tables}

    def flush():
        for table in tables:
            if rows[table]:
                db.session.execute(sa.insert(table), rows[table])
                rows[table].clear()

    for i, spec in enumerate(_specs(count, seed), 1):
        rows[Expert].append(
            {
                "id": i,
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": spec.email,
                "phone": spec.phone,
                "nationality": spec.nationality,
                "employer": spec.employer,
                "employer_type": spec.employer_type or None,
                "position": spec.position,
                "years_experience": spec.years,
                "biography": spec.biography,
                "days_per_year": spec.days_per_year,
                "status": "approved",
                "joined_on": date(2021, 1, 1) + timedelta(days=i % 365),
                "consent_at": now,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        rows[ExpertTheme] += [
            {"expert_id": i, "theme_id": theme_id[slug], "depth": depth}
            for slug, depth in spec.themes
            if slug in theme_id
        ]
        rows[ExpertLanguage] += [
            {"expert_id": i, "code": code, "level": level, "level_rank": level_rank(level)}
            for code, level in spec.languages
        ]
        rows[ExpertCountry] += [{"expert_id": i, "country_code": c} for c in spec.countries]
        rows[Unavailability] += [
            {"expert_id": i, "start": a, "end": b, "note": note}
            for a, b, note in spec.unavailability
        ]
        if i % BATCH == 0:
            flush()
            if progress:
                progress(i, count)
    flush()
    if progress and count % BATCH:
        progress(count, count)


def _action_text(rng: random.Random, slugs: list[str]) -> str:
    from roster.demo import bios_en
    from roster.demo.biography import gender_tokens

    words = gender_tokens(rng.random() < 0.5) | {"He": "The institution", "His": "Its"}
    parts = [rng.choice(bios_en.THEMES[s]) for s in slugs if s in bios_en.THEMES]
    request = " ".join(parts) or "Peer exchange on migration governance."
    return "The partner asks for peers with this experience. " + request.format(**words)


def seed_actions(db, count: int, seed: int = 2026) -> None:
    """`count` planned Actions with themes, working languages, a country and dates."""
    from roster.actions.models import Action, action_theme
    from roster.core.time import utcnow
    from roster.experts.models import ExpertCountry
    from roster.taxonomy.models import Theme

    rng = random.Random(seed)
    themes = list(db.session.execute(sa.select(Theme.slug, Theme.id, Theme.label_en)).all())
    countries = sorted(db.session.scalars(sa.select(ExpertCountry.country_code).distinct()))
    now = utcnow()
    actions, links = [], []
    for i in range(1, count + 1):
        chosen = rng.sample(themes, rng.choice((1, 1, 2, 3)))
        start = date(2026, 1, 5) + timedelta(days=rng.randrange(300))
        actions.append(
            {
                "id": i,
                "code": f"LOAD-{i:04d}",
                "title": f"Peer exchange on {chosen[0].label_en.lower()} ({i})",
                "summary": _action_text(rng, [t.slug for t in chosen]),
                "country_code": rng.choice(countries),
                "languages": rng.sample(["en", "fr", "es", "ru"], rng.choice((1, 1, 2))),
                "start_on": start,
                "end_on": start + timedelta(days=rng.randrange(30, 180)),
                "status": "planned",
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        links += [{"action_id": i, "theme_id": t.id} for t in chosen]
    db.session.execute(sa.insert(Action), actions)
    db.session.execute(sa.insert(action_theme), links)


def staff_account(db) -> dict:
    """A staff account (password, and a second factor where the app has them) and a
    personal API token: what the runner needs to sign in as a browser and call the API."""
    import secrets

    import pyotp

    from roster.auth.models import ApiToken, Role, User
    from roster.core.time import utcnow

    password = secrets.token_urlsafe(18)
    user = User(email=STAFF_EMAIL, role=Role.STAFF, confirmed_at=utcnow())
    user.set_password(password)
    totp_secret = None
    if hasattr(User, "totp_secret"):  # staff sign in with a second factor
        totp_secret = user.totp_secret = pyotp.random_base32()
        if hasattr(User, "two_factor_enabled_at"):
            user.two_factor_enabled_at = utcnow()
    db.session.add(user)
    token, secret = ApiToken.issue(user, "load test")
    db.session.add(token)
    db.session.flush()
    return {"email": STAFF_EMAIL, "password": password, "totp": totp_secret, "token": secret}


def update_lines(db) -> list[str]:
    """One line per expert for scripts/update.lua: id, version and the About form's fields.

    The form is posted whole (a field left out would be emptied), so the line carries every
    field as stored; the script adds a unique `position`.
    """
    from roster.experts.models import Expert

    fields = ("first_name", "last_name", "email", "phone", "nationality", "employer")
    fields += ("years_experience", "biography")
    out = []
    for expert in db.session.scalars(sa.select(Expert).order_by(Expert.id)):
        values = {f: getattr(expert, f) for f in fields}
        values["employer_type"] = expert.employer_type.value if expert.employer_type else ""
        body = urlencode({k: "" if v is None else v for k, v in values.items()})
        out.append(f"{expert.id} {expert.version} {body}")
    return out


def populate(db, experts: int, actions: int, progress=None) -> dict:
    """Reference data, experts, Actions and a staff account (committed); returns the
    account's credentials (staff_account)."""
    from roster.experts import search_index
    from roster.taxonomy.seed import seed_reference_data

    seed_reference_data(db.session)
    seed_experts(db, experts, progress=progress)
    # Bulk inserts pass by the flush that keeps the full-text index current: fill it once.
    search_index.rebuild(db.session.connection())
    seed_actions(db, actions)
    staff = staff_account(db)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        # Rows came with their ids: move the sequences past them, then gather statistics.
        for table in ("expert", "action"):
            sequence = f"pg_get_serial_sequence('{table}', 'id')"
            db.session.execute(sa.text(f"SELECT setval({sequence}, MAX(id)) FROM {table}"))  # noqa: S608
        db.session.commit()
        db.session.execute(sa.text("ANALYZE"))
        db.session.commit()
    return staff


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--create-all", action="store_true", help="schema from the models")
    args = parser.parse_args(argv)

    from roster import create_app
    from roster.extensions import db

    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r  experts {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    app = create_app()
    with app.app_context():
        if args.create_all:
            db.create_all()
        staff = populate(db, args.experts, args.actions, progress)
        lines = update_lines(db)
        db.session.remove()
    print(file=sys.stderr)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "updates.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out_dir / "seed.json").write_text(
        json.dumps(staff | {"experts": args.experts, "actions": args.actions}),
        encoding="utf-8",
    )
    seconds = time.perf_counter() - started
    print(f"  seeded {args.experts:,} experts and {args.actions} Actions in {seconds:.1f} s")


if __name__ == "__main__":
    main()
