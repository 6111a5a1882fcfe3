"""pg_dump and pg_restore of the server's own major version, and how to reach the server."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import sqlalchemy as sa


class ToolMissing(RuntimeError):
    """No pg_dump/pg_restore that can talk to this server is installed."""


def server_major(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SHOW server_version_num")).scalar()) // 10000


def _major(tool: Path) -> int | None:
    out = subprocess.run([str(tool), "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    found = re.search(r"(\d+)(?:\.\d+)?", out.stdout)
    return int(found.group(1)) if found else None


def find_tool(name: str, major: int) -> Path:
    """The server's version of the tool: PG_BINDIR, Debian's per-version folder, then PATH.

    An older pg_dump refuses a newer server and a newer dump may not restore into an older
    one, so only the same major version (or a newer one on PATH, for pg_dump) is accepted.
    """
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]) / name)
    candidates.append(Path(f"/usr/lib/postgresql/{major}/bin/{name}"))
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    for tool in candidates:
        if tool.is_file() and _major(tool) == major:
            return tool
    raise ToolMissing(
        f"{name} for PostgreSQL {major} not found: install the client of the server's version "
        f"(Debian: apt-get install postgresql-client-{major}) or set PG_BINDIR to its bin folder."
    )


def libpq_args(url: sa.URL) -> tuple[list[str], dict[str, str]]:
    """A --dbname for the tools and an environment carrying the password (never argv)."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return [f"--dbname={plain.render_as_string(hide_password=False)}"], env
