"""Rate limits shared through Redis by several app hosts, and what happens when it is down."""

import json
import logging
import os
import subprocess
import sys
import uuid

import pytest
import redis

from roster.extensions import db, limiter
from tests.conftest import need
from tests.ops.helpers import app_on, free_port

pytestmark = pytest.mark.slow

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LIMIT = "3 per minute"

# The second host: a separate process configured from the environment only, as in production.
OTHER_HOST = """
import json, os, re
from roster import create_app
app = create_app(config_name="development")
assert app.config["RATELIMIT_STORAGE_URI"] == os.environ["REDIS_URL"]
client = app.test_client()
page = client.get("/auth/login").get_data(as_text=True)
token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
form = {"email": "x@example.org", "password": "wrong", "csrf_token": token}
print(json.dumps([client.post("/auth/login", data=form).status_code for _ in range(2)]))
"""


@pytest.fixture
def redis_prefix():
    """A key prefix of this run's own, its keys deleted afterwards."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        need(f"no Redis at {REDIS_URL}: {exc}")
    prefix = f"roster-test-{uuid.uuid4().hex[:12]}"
    yield prefix
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()


def _post_login(client):
    return client.post(
        "/auth/login", data={"email": "x@example.org", "password": "wrong"}
    ).status_code


def test_login_limit_counts_across_two_hosts(redis_prefix, tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    host_a = app_on(
        url,
        tmp_path / "a",
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=REDIS_URL,
        RATELIMIT_STORAGE_OPTIONS={"key_prefix": redis_prefix, "socket_timeout": 1},
        LOGIN_RATE_LIMIT=LIMIT,
    )
    with host_a.app_context():
        db.create_all()
        client = host_a.test_client()
        assert [_post_login(client) for _ in range(2)] == [200, 200]

        env = {
            **os.environ,
            "REDIS_URL": REDIS_URL,
            "RATELIMIT_KEY_PREFIX": redis_prefix,
            "LOGIN_RATE_LIMIT": LIMIT,
            "DATABASE_URL": url,
            "ROSTER_INSTANCE_DIR": str(tmp_path / "b"),
            "ROSTER_ENV": "development",
        }
        done = subprocess.run(
            [sys.executable, "-c", OTHER_HOST], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        codes = json.loads(done.stdout.strip().splitlines()[-1])
        # Its first attempt is the third in the minute, the second one is over the limit.
        assert codes[0] != 429 and codes[1] == 429
        # And host A sees host B's attempts.
        assert _post_login(client) == 429
        keys = redis.Redis.from_url(REDIS_URL).keys(f"{redis_prefix}*")
        assert keys, "the limits were not kept in Redis"
        db.session.remove()
        db.engine.dispose()


def test_redis_down_falls_back_to_per_process_limits(tmp_path, caplog):
    dead = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    app = app_on(
        f"sqlite:///{tmp_path / 'db.sqlite'}",
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=dead,
        RATELIMIT_STORAGE_OPTIONS={"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        LOGIN_RATE_LIMIT="2 per minute",
    )
    try:
        with app.app_context(), caplog.at_level(logging.WARNING):
            db.create_all()
            client = app.test_client()
            codes = [_post_login(client) for _ in range(3)]
            assert codes == [200, 200, 429]  # sign-in works, and is still limited
            assert client.get("/healthz").status_code == 200
            assert "falling back to in-memory storage" in caplog.text
            db.session.remove()
            db.engine.dispose()
    finally:
        limiter._storage_dead = False  # the limiter is shared by the apps of this test process
