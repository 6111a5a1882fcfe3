"""Fixtures for the API tests: a Bearer token for any user, and a JSON getter."""

import pytest
from flask import g


@pytest.fixture
def api_get(client):
    """GET a path with an optional Bearer token; returns the response."""

    def _get(path, token=None, **kw):
        # The app fixture keeps one app context for the whole test, so Flask-Login's cached
        # user (g._login_user) would outlive the request; each call must authenticate anew.
        g.pop("_login_user", None)
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return client.get(path, headers=headers, **kw)

    return _get
