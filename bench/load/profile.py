"""``python -m bench.load.profile``: the roster search page's cost, request by request, in one
process: app CPU, the database server's CPU, wall time and queries a request, and optionally
where the time goes.

CPU time depends much less than wall time on what else the machine runs, so two versions
can be compared on a busy machine: run each a few times, alternately, and compare the means.
The same database as `make load` (a throwaway PostgreSQL database, migrated and seeded with
10,000 experts), the production configuration, staff signed in through the form, then the
search scenario's pages (scripts/search.lua) asked in turn. ``--profile`` prints cProfile's
heaviest functions; ``--keep`` keeps the seeded database and its folder for the next run's
``--reuse FOLDER`` (drop it with ``--drop``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyotp
import sqlalchemy as sa

from bench.load import database
from bench.load.browser import forms_of

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("scripts") / "search.lua"


def search_pages() -> list[str]:
    """The search scenario's pages, in the order wrk asks them (queries x pages 1 to 3)."""
    text = SCRIPT.read_text()
    queries = re.findall(r'"([^"]+)"', text.split("local queries = {", 1)[1].split("}", 1)[0])
    return [f"/experts/?{q}&page={(n % 3) + 1}" for n, q in enumerate(queries * 3)]


def seed(url: str, folder: Path, experts: int) -> None:
    """Migrate and seed the database as `make load` does, keeping in the folder what the
    app needs to sign staff in again (credentials, the key that encrypts their second
    factor) and the database's address."""
    key = secrets.token_hex(32)
    (folder / "secret_key").write_text(key)
    (folder / "database_url").write_text(url)
    env = dict(os.environ, DATABASE_URL=url, FLASK_APP="roster", ROSTER_ENV="development")
    env.update(ROSTER_INSTANCE_DIR=str(folder), SECRET_KEY=key)
    subprocess.run([sys.executable, "-m", "flask", "db", "upgrade"], env=env, cwd=ROOT, check=True)
    args = [str(folder), "--experts", str(experts), "--actions", "10"]
    subprocess.run([sys.executable, "-m", "bench.load.seed", *args], env=env, cwd=ROOT, check=True)


class Client:
    """The app's test client over https (the session cookie is Secure, CSRF checks the
    referrer), so that production's settings hold."""

    BASE = "https://roster.example.org"

    def __init__(self, app):
        self.client = app.test_client()

    def get(self, path: str):
        return self.client.get(path, base_url=self.BASE)

    def post(self, path: str, data: dict):
        headers = {"Referer": self.BASE + path}
        return self.client.post(path, data=data, base_url=self.BASE, headers=headers)


def sign_in(client: Client, staff: dict) -> None:
    """The sign-in form, then the second factor, as bench.load.browser does over HTTP."""

    def submit(path: str, needs: str, values: dict):
        page = client.get(path)
        form = next(f for f in forms_of(page.get_data(as_text=True)) if needs in f["inputs"])
        inputs = form["inputs"].items()
        data = {n: v for n, (v, kind) in inputs if kind not in ("submit", "checkbox")}
        return client.post(form["action"] or path, data=data | values)

    login = {"email": staff["email"], "password": staff["password"]}
    answer = submit("/auth/login", "password", login)
    if answer.location and "two-factor" in answer.location:
        page = client.get(answer.location).get_data(as_text=True)
        kinds = ("text", "number", "tel", "")
        field = next(
            name for f in forms_of(page) for name, (_v, k) in f["inputs"].items() if k in kinds
        )
        totp = pyotp.TOTP(staff["totp"])
        code = submit(answer.location, field, {field: totp.now()})
        if code.status_code == 200:  # refused: a code is used once, the last run took it
            time.sleep(totp.interval - time.time() % totp.interval + 1)
            code = submit(answer.location, field, {field: totp.now()})
        answer = code
    if client.get("/experts/").status_code != 200:
        raise RuntimeError(f"staff could not open the roster after signing in ({answer.status})")


class DatabaseCpu:
    """The CPU time of the PostgreSQL server processes serving this database, read from the
    kernel's process table when the server runs on this machine (else `readable` is False).
    Clock ticks are 10 ms: a scenario's mean over several requests is what to read."""

    def __init__(self, engine: sa.Engine):
        # A connection of its own, not one of the app's pool (nor counted with its queries).
        self.engine = sa.create_engine(engine.url, poolclass=sa.pool.NullPool)
        self.tick = os.sysconf("SC_CLK_TCK")
        self.readable = engine.dialect.name == "postgresql"
        self.last = self._total() if self.readable else 0.0

    def _pids(self) -> list[int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT pid FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            return [row.pid for row in rows]

    def _total(self) -> float:
        total = 0.0
        try:
            for pid in self._pids():
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) * 1000 / self.tick  # utime, stime
        except (OSError, IndexError, ValueError):
            self.readable = False
        return total

    def spent_ms(self) -> float:
        """The server's CPU milliseconds since the last call."""
        if not self.readable:
            return 0.0
        now = self._total()
        spent, self.last = now - self.last, now
        return spent


def measure(app, staff: dict, rounds: int, profile: bool, top: int) -> None:
    from roster.extensions import db

    client = Client(app)
    sign_in(client, staff)
    pages = search_pages()
    queries = {"n": 0}

    def count(*_args, **_kw):
        queries["n"] += 1

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", count)
    for path in pages:  # warm: templates compiled, caches filled
        assert client.get(path).status_code == 200, path
    cpu, wall, per_page, db_per_page = [], [], {}, {}
    server = DatabaseCpu(engine)
    # Wall-clock timing (a CPU timer costs a system call per event and skews the profile):
    # the waits for the database show as psycopg's Connection.wait.
    profiler = cProfile.Profile() if profile else None
    queries["n"] = 0
    for _ in range(rounds):
        for path in pages:
            c0, w0 = time.process_time(), time.perf_counter()
            if profiler:
                profiler.enable()
            answer = client.get(path)
            if profiler:
                profiler.disable()
            c1, w1 = time.process_time(), time.perf_counter()
            assert answer.status_code == 200, path
            cpu.append((c1 - c0) * 1000)
            wall.append((w1 - w0) * 1000)
            scenario = path.split("&page=")[0]
            per_page.setdefault(scenario, []).append((c1 - c0) * 1000)
            db_per_page.setdefault(scenario, []).append(server.spent_ms())
    n = len(cpu)
    db_ms = sum(sum(v) for v in db_per_page.values()) / n if server.readable else None
    db_text = f"database CPU {db_ms:.1f} ms, " if db_ms is not None else ""
    mean, median = statistics.mean, statistics.median
    print(
        f"{n} requests: app CPU mean {mean(cpu):.1f} ms (median {median(cpu):.1f}), "
        f"{db_text}wall mean {mean(wall):.1f} ms (median {median(wall):.1f}), "
        f"{queries['n'] / n:.1f} queries a request"
    )
    print("  app CPU ms" + ("  database CPU ms" if server.readable else ""))
    for path, values in per_page.items():
        db_text = f"  {statistics.mean(db_per_page[path]):15.1f}" if server.readable else ""
        print(f"  {statistics.mean(values):10.1f}{db_text}  {path}")
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
        print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", type=Path, help="the folder of a run with --keep")
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=4, help="times each page is asked")
    parser.add_argument("--profile", action="store_true", help="print cProfile's heaviest")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--keep", action="store_true", help="keep the seeded database")
    parser.add_argument("--drop", action="store_true", help="drop the --reuse database after")
    args = parser.parse_args(argv)
    folder = args.reuse
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="roster-profile-"))
        created = database.create(folder, "postgresql")
        seed(created.url, folder, args.experts)
    url = (folder / "database_url").read_text()
    throwaway = database.Throwaway(url, "postgresql", sa.engine.make_url(url).database)
    os.environ.update(
        DATABASE_URL=url,
        SECRET_KEY=(folder / "secret_key").read_text(),
        ROSTER_ENV="production",
        EXTERNAL_BASE_URL="https://roster.example.org",
        ROSTER_INSTANCE_DIR=str(folder),
        MATCH_INDEX_DIR=str(folder),
    )
    try:
        from roster import create_app

        staff = json.loads((folder / "seed.json").read_text())
        measure(create_app(), staff, args.rounds, args.profile, args.top)
    finally:
        if args.keep:
            print(f"kept the database {throwaway.name}: --reuse {folder}")
        elif args.reuse is None or args.drop:
            throwaway.drop()
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
