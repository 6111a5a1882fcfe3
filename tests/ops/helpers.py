"""Throwaway databases of the run's backend, apps bound to them, and a free port."""

import socket
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from roster import create_app
from tests.databases import fresh_database


@contextmanager
def scratch_database(database_url: str | None, tmp_path: Path, name: str):
    """An empty database next to the run's: a SQLite file, or a new PostgreSQL database."""
    if database_url is None:
        yield f"sqlite:///{tmp_path / f'{name}.db'}"
        return
    server = sa.engine.make_url(database_url).set(database="postgres")
    with fresh_database(server.render_as_string(hide_password=False)) as url:
        yield url


def app_on(url: str, home: Path, **config):
    """An app on the given database with its files under home (as a separate host would)."""
    home.mkdir(parents=True, exist_ok=True)
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "INSTANCE_DIR": home,
            "UPLOAD_DIR": home / "uploads",
            "OUTBOX_DIR": home / "outbox",
            **config,
        }
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ROOT = Path(__file__).resolve().parents[2]


def wait_until_serving(proc, port: int, timeout: float = 60) -> None:
    """Poll /healthz until gunicorn answers; fail with its log if it exits first."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"gunicorn exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer /healthz in time")


def gunicorn_cmd(port: int, *config_files: str) -> list[str]:
    """The command `make serve` runs, on a loopback port, with extra config files if any."""
    import sys

    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    configs = [arg for f in config_files for arg in ("-c", f)] or [
        "-c",
        str(ROOT / "gunicorn.conf.py"),
    ]
    return [gunicorn, *configs, "--bind", f"127.0.0.1:{port}", "roster:create_app()"]
