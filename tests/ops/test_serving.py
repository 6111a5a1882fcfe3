"""`make serve`: gunicorn with the production configuration over PostgreSQL."""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from config import ProductionConfig
from roster import create_app
from roster.extensions import db, limiter
from tests.conftest import need
from tests.databases import postgres_database
from tests.ops.helpers import ROOT, free_port, gunicorn_cmd, wait_until_serving

pytestmark = [pytest.mark.timeout(180), pytest.mark.slow]
SECRET = "s" * 40


@pytest.fixture
def pg_url():
    try:
        ctx = postgres_database()
        url = ctx.__enter__()
    except Exception as exc:
        need(f"no PostgreSQL server available: {exc}")
    yield url
    ctx.__exit__(None, None, None)


def _production_env(tmp_path: Path, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "PROXY_FIX_"))}
    env.update(
        ROSTER_ENV="production",
        SECRET_KEY=SECRET,
        DATABASE_URL=url,
        EXTERNAL_BASE_URL="https://roster.example.org",
        ROSTER_INSTANCE_DIR=str(tmp_path),
        WEB_CONCURRENCY="1",
        PROXY_FIX_X_FOR="1",
        PROXY_FIX_X_PROTO="1",
        FLASK_APP="roster",
    )
    return env


def test_production_refuses_sqlite_and_missing_database(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", SECRET)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("ALLOW_SQLITE_IN_PRODUCTION", raising=False)
    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        create_app(config_name="production")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///somewhere.db")
    with pytest.raises(RuntimeError, match="ALLOW_SQLITE_IN_PRODUCTION"):
        create_app(config_name="production")


def test_gunicorn_serves_production(pg_url, tmp_path):
    env = _production_env(tmp_path, pg_url)
    flask = str(Path(sys.executable).with_name("flask"))
    migrated = subprocess.run(
        [flask, "db", "upgrade"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert migrated.returncode == 0, migrated.stderr
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    proc = subprocess.Popen(gunicorn_cmd(port), env=env, cwd=ROOT, stdout=log, stderr=log)
    try:
        wait_until_serving(proc, port)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as r:
            assert r.read() == b'{"database":"ok","status":"ok"}\n'
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/auth/login?next=/private-token-123",
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"},
        )
        with urllib.request.urlopen(request) as r:  # noqa: S310 (http, built here)
            assert r.status == 200
            assert b"<form" in r.read()
            cookies = r.headers.get_all("Set-Cookie")
            hsts = getattr(ProductionConfig, "STRICT_TRANSPORT_SECURITY", None)
            if hsts:  # set by the security headers of the production configuration
                assert r.headers["Strict-Transport-Security"] == hsts
        reset = f"http://127.0.0.1:{port}/auth/reset/secret-reset-token-456"
        try:  # traded for a session and redirected; without cookies the form then refuses
            urllib.request.urlopen(reset).close()
        except urllib.error.HTTPError as refused:
            assert refused.code < 500
        name = getattr(ProductionConfig, "SESSION_COOKIE_NAME", "session")
        session = next(c for c in cookies if c.startswith(f"{name}="))
        flags = {part.strip().lower() for part in session.split(";")}
        assert {"secure", "httponly", "samesite=lax"} <= flags
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    access = (tmp_path / "gunicorn.log").read_text()
    assert '"GET /auth/login HTTP/1.1" 200' in access
    assert "private-token-123" not in access  # no query strings in the access log
    assert "secret-reset-token-456" not in access  # nor the token of an e-mailed link
    assert "/auth/reset/[redacted]" in access


@pytest.mark.parametrize(("proxies", "second"), [(1, 200), (0, 429)])
def test_proxy_fix_trusts_forwarded_address_only_when_configured(tmp_path, proxies, second):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite'}",
            "INSTANCE_DIR": tmp_path,
            "UPLOAD_DIR": tmp_path / "uploads",
            "OUTBOX_DIR": tmp_path / "outbox",
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
            "LOGIN_RATE_LIMIT": "1 per minute",
            "PROXY_FIX_X_FOR": proxies,
        }
    )
    limiter._storage_dead = False
    with app.app_context():
        db.create_all()
        client = app.test_client()
        codes = [
            client.post(
                "/auth/login",
                data={"email": "x@example.org", "password": "wrong"},
                headers={"X-Forwarded-For": address},
            ).status_code
            for address in ("198.51.100.1", "198.51.100.2")
        ]
        # Behind a declared proxy each client has its own limit; without one the header is
        # ignored (anyone could forge it) and both attempts count for the same address.
        assert codes == [200, second]
        db.session.remove()
        db.engine.dispose()
