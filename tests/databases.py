"""Where the suite's PostgreSQL comes from: a server already running, or a throwaway one."""

import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


class MemoryCopies:
    """In-memory SQLite databases, each a copy of one template: copying the empty schema is
    ~50 times faster than create_all, so every test can start from a database of its own."""

    def __init__(self):
        self.template: sqlite3.Connection | None = None

    def connect(self) -> sqlite3.Connection:
        """A new database (an engine's `creator`): empty before `freeze`, a copy after."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        if self.template is not None:
            self.template.backup(conn)
        return conn

    def freeze(self, engine: sa.Engine) -> None:
        """Keep the engine's current database as the template of the next ones."""
        raw = engine.raw_connection()
        try:
            self.template = sqlite3.connect(":memory:", check_same_thread=False)
            raw.driver_connection.backup(self.template)
        finally:
            raw.close()


def empty_postgres(engine: sa.Engine, tables: list[sa.Table]) -> None:
    """Delete every row and restart the sequences: the same state as TRUNCATE ... RESTART
    IDENTITY, but a few milliseconds where TRUNCATE of every table takes most of a second."""
    deletes = ";".join(str(sa.delete(t).compile(engine)) for t in reversed(tables))
    # No % in it: psycopg 3.3 reads % as a placeholder even in a statement without parameters.
    restart = """DO $$ DECLARE s record; BEGIN
        FOR s IN SELECT schemaname, sequencename FROM pg_sequences WHERE last_value IS NOT NULL
        LOOP EXECUTE 'ALTER SEQUENCE ' || quote_ident(s.schemaname) || '.'
            || quote_ident(s.sequencename) || ' RESTART';
        END LOOP; END $$"""
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"{deletes};{restart}")
    except sa.exc.IntegrityError:  # rows that point at each other across tables
        names = ", ".join(f'"{t.name}"' for t in tables)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


def _can_connect(url: str) -> bool:
    engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / "initdb").exists():
            return base
    return None


@contextmanager
def throwaway_server():
    """Start a private PostgreSQL on a free loopback port (as the postgres user when root)."""
    bindir = _pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL binaries not found (apt-get install postgresql)")
    datadir = Path(tempfile.mkdtemp(prefix="roster-pg-"))
    port = _free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(datadir, "postgres")
    run = lambda *cmd: subprocess.run([*as_postgres, *cmd], check=True, capture_output=True)  # noqa: E731
    run(str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "--auth=trust")
    opts = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c fsync=off -c full_page_writes=off "
        f"-c unix_socket_directories={datadir} -c lock_timeout=20000 -c statement_timeout=60000"
    )
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(datadir),
        "-o",
        opts,
        "-w",
        "start",
        "-l",
        str(datadir / "log"),
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop")
        shutil.rmtree(datadir, ignore_errors=True)


@contextmanager
def fresh_database(server_url: str):
    """Create a database for this run on the server, yield its URL, drop it afterwards."""
    name = f"roster_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(server_url).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def postgres_database():
    """A fresh database on TEST_PG_SERVER (or the local default), else on a throwaway server."""
    server = os.environ.get("TEST_PG_SERVER", DEFAULT_SERVER)
    if _can_connect(server):
        with fresh_database(server) as url:
            yield url
        return
    with throwaway_server() as started:
        for _ in range(50):
            if _can_connect(started):
                break
            time.sleep(0.1)
        with fresh_database(started) as url:
            yield url
