"""A worker killed in the middle of a request leaves the database whole and consistent."""

import http.cookiejar
import os
import re
import subprocess
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from roster.actions.models import Request, request_theme
from roster.extensions import db
from roster.taxonomy.models import Country, Region, Theme
from tests.conftest import need
from tests.databases import postgres_database
from tests.ops.helpers import ROOT, app_on, free_port, gunicorn_cmd, wait_until_serving

pytestmark = [pytest.mark.timeout(120), pytest.mark.slow]
FORM = {
    "institution_name": "Commissioner for Human Rights",
    "country_code": "KZ",
    "contact_name": "Aigerim Sultanova",
    "contact_email": "aigerim@example.org",
    "title": "Rights of migrant children",
    "text": "We ask for support to promote the rights of migrant children in Almaty.",
    "themes": ["migrant-children", "trafficking"],
    "languages": ["ru", "en"],
    "consent": "y",
}


@contextmanager
def _database(backend, tmp_path):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'crash.db'}"
        return
    try:
        ctx = postgres_database()
        url = ctx.__enter__()
    except Exception as exc:
        need(f"no PostgreSQL server available: {exc}")
    try:
        yield url
    finally:
        ctx.__exit__(None, None, None)


def _post_form(opener, base, headers):
    page = opener.open(f"{base}/actions/request-support").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({**FORM, "csrf_token": token}, doseq=True).encode()
    post = urllib.request.Request(f"{base}/actions/request-support", body, headers)  # noqa: S310
    return opener.open(post)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_worker_killed_mid_request_leaves_no_partial_rows(backend, tmp_path):
    with _database(backend, tmp_path) as url:
        app = app_on(url, tmp_path)
        with app.app_context():
            db.create_all()
            region = Region(slug="asia", label_en="Asia", label_fr="Asie", label_es="Asia")
            db.session.add(Country(code="KZ", region=region))
            for slug in FORM["themes"]:
                db.session.add(Theme(slug=slug, label_en=slug, label_fr=slug, label_es=slug))
            db.session.commit()
            db.session.remove()
            db.engine.dispose()

        env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "PROXY_FIX_"))}
        env.update(
            ROSTER_ENV="development",
            DATABASE_URL=url,
            ROSTER_INSTANCE_DIR=str(tmp_path),
            WEB_CONCURRENCY="1",
            REQUEST_SUPPORT_RATE_LIMIT="100 per hour",
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log_path = tmp_path / "gunicorn.log"
        config = str(ROOT / "tests" / "ops" / "gunicorn_crash.conf.py")
        with log_path.open("w") as log:
            proc = subprocess.Popen(
                gunicorn_cmd(port, config), env=env, cwd=ROOT, stdout=log, stderr=log
            )
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        try:
            wait_until_serving(proc, port)
            with pytest.raises(OSError):  # the connection drops: no answer at all
                _post_form(opener, base, {"X-Test-Crash": "after-flush"})
            wait_until_serving(proc, port)  # the master started a new worker
            with _post_form(opener, base, {}) as response:
                assert response.status == 200
                assert response.url.endswith("/actions/request-support/thanks")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        assert "SIGKILL" in log_path.read_text()

        with app.app_context():
            requests = db.session.scalars(sa.select(Request)).all()
            assert len(requests) == 1  # the killed request left nothing, the next one all
            assert sorted(t.slug for t in requests[0].themes) == sorted(FORM["themes"])
            links = db.session.execute(sa.select(request_theme)).all()
            assert {r.request_id for r in links} == {requests[0].id}
            if backend == "sqlite":
                with db.engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                    assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            db.session.remove()
            db.engine.dispose()
