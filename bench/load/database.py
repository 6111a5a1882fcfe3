"""The run's throwaway database: on the local PostgreSQL server when one answers, else a
SQLite file in the run's folder. Created at the start and dropped at the end."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

PG_SERVER = os.environ.get("LOAD_PG_SERVER", "postgresql+psycopg://postgres@127.0.0.1:5432")


@dataclass
class Throwaway:
    url: str  # for the app (DATABASE_URL) and the checks
    kind: str  # "postgresql" or "sqlite"
    name: str  # the database's name, or the SQLite file

    def drop(self) -> None:
        """Remove the database (idempotent); the server's other databases are untouched."""
        if self.kind == "postgresql":
            engine = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
            try:
                with engine.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            finally:
                engine.dispose()
        else:
            Path(self.name).unlink(missing_ok=True)


def _pg_answers(timeout: float = 1.0) -> bool:
    url = sa.engine.make_url(PG_SERVER)
    try:
        with socket.create_connection((url.host or "127.0.0.1", url.port or 5432), timeout):
            pass
    except OSError:
        return False
    try:
        engine = sa.create_engine(f"{PG_SERVER}/postgres", connect_args={"connect_timeout": 2})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except sa.exc.SQLAlchemyError:
        return False
    return True


def create(folder: Path, want: str = "auto") -> Throwaway:
    """A new empty database: `want` is "auto", "postgresql" or "sqlite"."""
    if want in ("auto", "postgresql") and _pg_answers():
        name = f"roster_load_{uuid.uuid4().hex[:10]}"
        engine = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        return Throwaway(f"{PG_SERVER}/{name}", "postgresql", name)
    if want == "postgresql":
        raise RuntimeError(f"No PostgreSQL server answers at {PG_SERVER} (LOAD_PG_SERVER).")
    path = folder / "load.db"
    return Throwaway(f"sqlite:///{path}", "sqlite", str(path))


def check_updates(engine: sa.Engine, tag: str, confirmed: list[int]) -> dict:
    """How many profiles hold this run's values, and which confirmed updates are missing.

    The update script writes position = "<tag>-<expert id>" once per expert, so a confirmed
    update is stored exactly when that expert's position holds its value.
    """
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT id, position FROM expert WHERE position LIKE :prefix"),
            {"prefix": f"{tag}-%"},
        ).all()
    stored = dict(rows)
    missing = [i for i in confirmed if stored.get(i) != f"{tag}-{i}"]
    return {
        "stored": len(set(stored.values())),
        "confirmed": len(confirmed),
        "missing": missing,
        "unconfirmed": len(set(stored) - set(confirmed)),
    }
