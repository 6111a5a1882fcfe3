"""``python -m bench.load``: seed a throwaway roster, serve it with gunicorn, drive it with wrk.

Prints one row per scenario (requests/s, p50, p99, errors) and whether every update that
was answered as saved is stored; exits 1 when a target is missed (any error, a search p99
of 250 ms or more or under 100 requests/s, a match p99 of 300 ms or more, a lost update).
The server, the database and the run's folder are removed at the end, also after Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa

from bench.load import database, report, wrk
from bench.load.browser import Browser, csrf_token, sign_in
from bench.load.server import Gunicorn

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("search", "expert", "match", "update")
PAGES = {"search": "/experts/?q=asylum", "expert": "/experts/1"}


def step(text: str) -> float:
    print(f"== {text}", flush=True)
    return time.perf_counter()


def call(env: dict, *args: str) -> None:
    """A command of the app (flask or a module) against the run's database."""
    subprocess.run([sys.executable, *args], env=env, cwd=ROOT, check=True)


def preflight(url: str, staff: dict, update_line: str) -> dict:
    """Sign in as a browser, then one request of each scenario must succeed before wrk runs
    (which also warms both workers); returns the environment the wrk scripts read."""
    browser = sign_in(url, staff["email"], staff["password"], staff.get("totp"))
    expert_id, version, fields = update_line.split(" ", 2)
    form_path = f"/experts/{expert_id}/edit/about"
    token = csrf_token(browser, form_path)
    for name, path in PAGES.items():
        status, location, _body = browser.request(path)
        if not 200 <= status < 300:
            raise RuntimeError(f"{name}: GET {path} answered {status} {location}".strip())
    api = Browser(url)
    api.opener.addheaders = [("Authorization", f"Bearer {staff['token']}")]
    paths = [f"/api/v1/actions/{i}/matches?k=10" for i in range(1, 13)]
    with ThreadPoolExecutor(4) as pool:
        statuses = set(pool.map(lambda p: api.request(p)[0], paths))
    if statuses != {200}:
        raise RuntimeError(f"match: the API answered {sorted(statuses)}")
    body = f"{fields}&version={version}&position=preflight-{expert_id}&csrf_token={token}"
    status, location, _body = browser.request(form_path, urllib.parse.parse_qs(body))
    if status not in (302, 303) or f"/experts/{expert_id}/edit/" not in location:
        raise RuntimeError(f"update: POST {form_path} answered {status} {location}")
    return {"LOAD_COOKIE": browser.cookie_header, "LOAD_CSRF": token, "LOAD_TOKEN": staff["token"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--duration", type=int, default=15, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--worker-threads", type=int, default=1, help="threads per worker")
    parser.add_argument("--db", choices=("auto", "postgresql", "sqlite"), default="auto")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument(
        "--schema",
        choices=("migrations", "models"),
        default="migrations",
        help="build the schema with `flask db upgrade` or from the models (a model changed "
        "before its migration is written)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the run's folder (logs)")
    args = parser.parse_args(argv)
    scenarios = [s for s in args.scenarios.split(",") if s]
    unknown = set(scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario: {', '.join(sorted(unknown))}")

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in background
    wrk_bin = wrk.ensure_wrk()
    folder = Path(tempfile.mkdtemp(prefix="roster-load-"))
    db = server = None
    try:
        db = database.create(folder, args.db)
        where = (
            f"PostgreSQL database {db.name} on the local server"
            if db.kind == "postgresql"
            else f"SQLite file {db.name} (no PostgreSQL server answered)"
        )
        print(f"database: {where}; dropped at the end")
        instance = folder / "instance"
        env = dict(
            os.environ,
            DATABASE_URL=db.url,
            SECRET_KEY=secrets.token_hex(32),
            ROSTER_ENV="production",
            EXTERNAL_BASE_URL="https://roster.example.org",
            ROSTER_INSTANCE_DIR=str(instance),
            MATCH_INDEX_DIR=str(instance),
            FLASK_APP="roster",
        )
        if db.kind == "sqlite":
            env["ALLOW_SQLITE_IN_PRODUCTION"] = "1"  # one host here, so SQLite may serve it
        seed_args = [str(folder), "--experts", str(args.experts), "--actions", str(args.actions)]
        if args.schema == "migrations":
            t = step("migrating")
            call(env, "-m", "flask", "db", "upgrade")
            print(f"  {time.perf_counter() - t:.1f} s")
        else:
            seed_args.append("--create-all")
        step(f"seeding {args.experts:,} experts and {args.actions} Actions")
        call(env, "-m", "bench.load.seed", *seed_args)
        seeded = json.loads((folder / "seed.json").read_text())
        lines = (folder / "updates.txt").read_text().splitlines()
        probe_line = lines.pop()  # the preflight's update; wrk must not write that expert again
        (folder / "updates.txt").write_text("\n".join(lines) + "\n")
        step("building the ranking index")
        call(env, "-m", "flask", "build-index")

        server = Gunicorn(env, folder, args.workers, args.worker_threads)
        shown = [a for a in server.command()[3:-1] if "log" not in a]
        step(f"starting gunicorn ({' '.join(shown)})")
        server.start()
        session_env = preflight(server.url, seeded, probe_line)

        tag = f"load{secrets.token_hex(4)}"
        wrk_env = session_env | {
            "LOAD_EXPERTS": str(args.experts),
            "LOAD_ACTIONS": str(args.actions),
            "LOAD_DATA": str(folder / "updates.txt"),
            "LOAD_TAG": tag,
            "LOAD_OUT": str(folder / "confirmed.txt"),
        }
        rows: dict[str, wrk.Result] = {}
        for name in scenarios:
            server.settle()
            cpu_before = server.cpu_seconds()
            step(
                f"wrk {name}: {args.threads} threads, {args.connections} connections, "
                f"{args.duration} s"
            )
            result, _text = wrk.run(
                wrk_bin,
                server.url,
                name,
                folder,
                wrk_env,
                threads=args.threads,
                connections=args.connections,
                duration=args.duration,
            )
            result.server_cpu_s = server.cpu_seconds() - cpu_before
            rows[name] = result
            print(
                f"  {result.rps:.1f} requests/s, p50 {result.p50_us / 1000:.1f} ms, "
                f"p99 {result.p99_us / 1000:.1f} ms, {result.errors} errors, "
                f"server CPU {result.cpu_ms:.1f} ms a request"
            )
        updates = None
        if "update" in rows:
            out = folder / "confirmed.txt"
            confirmed = [int(x) for x in out.read_text().split()] if out.exists() else []
            engine = sa.create_engine(db.url)
            try:
                updates = database.check_updates(engine, tag, confirmed)
            finally:
                engine.dispose()

        print(
            f"\n{args.experts:,} experts, {args.actions} Actions, {db.kind}; "
            f"gunicorn {args.workers} workers x {args.worker_threads} threads\n"
        )
        print(report.table(rows))
        if updates is not None:
            print("\n" + report.update_line(updates, rows["update"]))
        missed = report.misses(rows, updates, args.connections)
        if missed:
            print("\nTARGETS MISSED:\n  " + "\n  ".join(missed))
            if server.tail():
                print(f"\nlast lines of the server's log:\n{server.tail(15)}")
            return 1
        print(
            "\nAll targets met: no errors, search p99 < 250 ms and >= 100 requests/s, "
            "match p99 < 300 ms, every update stored."
        )
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted: cleaning up", file=sys.stderr)
        return 130
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"\nload run stopped: {exc}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not skip cleanup
        if server is not None:
            server.stop()
        if db is not None:
            db.drop()
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)


if __name__ == "__main__":
    sys.exit(main())
