"""Fixtures: the app on SQLite (default) or PostgreSQL (--db=postgres), a client, a runner,
a login helper and builders."""

import os
import time

import flask
import pytest
from flask.testing import FlaskClient

from roster import create_app
from roster.auth.models import ApiToken
from roster.auth.user_sessions import open_session
from roster.extensions import db as _db
from roster.extensions import limiter
from tests import builders
from tests.databases import MemoryCopies, empty_postgres

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_addoption(parser):
    parser.addoption(
        "--db",
        default=os.environ.get("TEST_DB", "sqlite"),
        choices=("sqlite", "postgres"),
        help="database backend for the app tests",
    )


def pytest_collection_modifyitems(config, items):
    if config.getoption("--db") == "postgres":
        for item in items:
            item.add_marker(pytest.mark.backend_postgres)


def pytest_configure(config):
    config.addinivalue_line("markers", "backend_postgres: this run uses PostgreSQL")
    config.addinivalue_line(
        "markers", "own_app: the test gets an app of its own, not the shared one"
    )
    from roster.catalogs import compile_catalogs

    compile_catalogs()  # pages are tested in French and Spanish: make sure the .mo are current


def need(reason: str):
    """Skip for a missing backend on a newcomer's machine; under CI=true that is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: nothing may be skipped for a missing backend)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def database_url(request, tmp_path_factory):
    """The URL the app tests use; one fresh PostgreSQL database per run, dropped after."""
    if request.config.getoption("--db") == "sqlite":
        yield None
        return
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    from tests.databases import postgres_database

    try:
        ctx = postgres_database()
        url = ctx.__enter__()
    except Exception as exc:
        need(f"no PostgreSQL server available: {exc}")
    try:
        yield url
    finally:
        ctx.__exit__(None, None, None)


@pytest.fixture(scope="session")
def _pg_schema(database_url):
    """On PostgreSQL create the tables once per run; tests empty them afterwards."""
    if database_url is None:
        yield
        return
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        _db.create_all()
    yield
    with app.app_context():
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


@pytest.fixture(scope="session")
def _shared_app(database_url, _pg_schema, tmp_path_factory):
    """One app for the whole run (per process): building one per test cost a fifth of the run.
    SQLite: each test gets a fresh in-memory copy of an empty schema; PostgreSQL: the rows
    are deleted after each test. Returns the app and the config and extensions to restore."""
    home = tmp_path_factory.mktemp("shared-app")
    config = {"SQLALCHEMY_DATABASE_URI": database_url or "sqlite://", "INSTANCE_DIR": home}
    copies = None
    if database_url is None:
        copies = MemoryCopies()
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {"creator": copies.connect}
    app = create_app(config)
    # Tests switch the limiter on with limiter.init_app(app), which adds its request hooks the
    # first time, and Flask refuses new hooks once an app has served: add them now, switched off.
    app.config["RATELIMIT_ENABLED"] = True
    limiter.init_app(app)
    app.config["RATELIMIT_ENABLED"] = limiter.enabled = False
    with app.app_context():
        if copies is not None:
            _db.create_all()
            copies.freeze(_db.engine)
            _db.engine.dispose()
    yield app, dict(app.config), set(app.extensions)
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()


def _own_app(database_url, tmp_path):
    """A new app, for a test marked `own_app` (one that must see create_app run)."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url or "sqlite://",
            "INSTANCE_DIR": tmp_path,
            "UPLOAD_DIR": tmp_path / "uploads",
            "OUTBOX_DIR": tmp_path / "outbox",
        }
    )
    with app.app_context():
        if database_url is None:
            _db.create_all()
    return app


def _empty_database(app, postgres: bool) -> None:
    with app.app_context():
        _db.session.remove()
        if postgres:
            empty_postgres(_db.engine, _db.metadata.sorted_tables)
        else:
            _db.engine.dispose()  # the next connection is a fresh copy of the empty schema


@pytest.fixture
def app(request, database_url, _shared_app, tmp_path):
    """The app with empty tables, its files under tmp_path; what a test changes in its
    config is undone afterwards. Mark a test `own_app` to give it an app of its own."""
    if request.node.get_closest_marker("own_app"):
        app, config, extensions = _own_app(database_url, tmp_path), None, None
    else:
        app, config, extensions = _shared_app
        app.config.update(
            INSTANCE_DIR=tmp_path, UPLOAD_DIR=tmp_path / "uploads", OUTBOX_DIR=tmp_path / "outbox"
        )
        for key in ("UPLOAD_DIR", "OUTBOX_DIR"):
            app.config[key].mkdir()
    # The limiter is one object for every app: another test's app may have switched it on.
    limiter_was, limiter.enabled = limiter.enabled, app.config["RATELIMIT_ENABLED"]
    try:
        with app.app_context():
            yield app
    finally:
        _empty_database(app, postgres=database_url is not None)
        limiter.enabled = limiter_was
        if config is None:
            with app.app_context():
                _db.engine.dispose()
        else:
            app.config.clear()
            app.config.update(config)
            for key in set(app.extensions) - extensions:
                del app.extensions[key]  # such as the ranking index of this test's roster


@pytest.fixture
def db(app):
    return _db


class FreshClient(FlaskClient):
    """The app fixture keeps one app context for a whole test, so `g` would carry the
    signed-in user and the chosen locale from one request to the next; a server does not."""

    def open(self, *args, **kwargs):
        flask.g.pop("_login_user", None)
        flask.g.pop("_flask_babel", None)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = FreshClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def login(client):
    """Sign a user in on the test client (the login form has its own tests)."""

    def _login(user):
        cookie_id = open_session(user)  # a server-side session row, as a real sign-in makes
        _db.session.commit()
        with client.session_transaction() as sess:
            sess["_user_id"] = cookie_id
            sess["_fresh"] = True
            # A full sign-in: the second factor checked, the session's clocks started now.
            sess["_tfa"] = True
            sess["_auth_at"] = sess["_seen_at"] = time.time()
        # The test's app context outlives requests: drop the user Flask-Login cached in g.
        flask.g.pop("_login_user", None)
        return user

    return _login


@pytest.fixture
def token_for(db):
    """Issue an API token for a user and return its secret."""

    def _token_for(user) -> str:
        token, secret = ApiToken.issue(user, "tests")
        db.session.add(token)
        db.session.commit()
        return secret

    return _token_for


@pytest.fixture
def make(db):
    """Builders for test data with sensible defaults: make.user(), make.expert(), ..."""
    return builders.Builders(db)
