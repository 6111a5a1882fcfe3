"""Browser tests: the app served from a thread, driven by Debian's Chromium through Playwright.

Every test in this folder is marked `browser`. Where Chromium or the playwright package is
missing the tests are skipped with the reason (a failure under CI=true). The fixtures are our
own (`live_server`, `browser`, `new_page`, `page`); pytest-playwright's plugin is disabled in
pyproject.toml because it deletes test-results/ at the start of every run, screenshots
included, and would download browsers we do not use.
"""

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from roster import create_app
from roster.extensions import db
from tests.builders import Builders
from tests.conftest import need

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags that keep Chromium quiet on a machine without network or display (ENVIRONMENT.md).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test of this folder `browser` before `-m` selects."""
    for item in items:
        if Path(str(item.path)).is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@dataclass
class LiveServer:
    url: str
    app: Flask

    def outbox(self) -> Path:
        return Path(self.app.config["OUTBOX_DIR"])


@pytest.fixture
def live_server(tmp_path):
    """The app on a free loopback port, over a file SQLite database the test shares.

    CSRF is on, as in real life. Yields a LiveServer with `url` and `app`.
    """
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'live.db'}",
            # Two threads write to one file: wait for the lock rather than fail at once.
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "connect_args": {"timeout": 30}},
            "WTF_CSRF_ENABLED": True,
            "INSTANCE_DIR": tmp_path,
            "UPLOAD_DIR": tmp_path / "uploads",
            "OUTBOX_DIR": tmp_path / "outbox",
        }
    )
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(url=url, app=app)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def live_make(live_server):
    """Builders (make.user(), make.expert(), ...) writing to the live server's database."""
    with live_server.app.app_context():
        yield Builders(db)
        db.session.remove()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, launched once per run."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("the playwright package is not installed (pip install -e '.[test]')")
    if not os.access(CHROMIUM, os.X_OK):
        need(
            f"Chromium not found at {CHROMIUM} "
            "(apt-get install --no-install-recommends chromium chromium-driver)"
        )
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a fresh browser profile (own cookies) with a given locale."""
    contexts = []

    def _new_page(locale: str = "en-GB", **options):
        context = browser.new_context(base_url=live_server.url, locale=locale, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A page in English in a fresh browser profile; goto() takes paths like "/auth/login"."""
    return new_page()
