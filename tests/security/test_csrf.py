"""Cross-site request forgery: every state-changing request needs the session's own token.

Generated from the URL map: every rule that accepts POST, PUT, PATCH or DELETE outside the
API is sent, with CSRF protection on as in production, by a caller the permission table
allows, without a token and with a token from another session. Both are refused with 400 and
a page that says why, and no table of the database changes. The same request with the
session's own token is not refused for CSRF, so the refusals above are CSRF's doing.

The API is exempt only for Bearer tokens (a browser never sends one on its own): an API write
authenticated by the session cookie needs the token like a form.
"""

import pytest
from itsdangerous import URLSafeTimedSerializer

from tests.permission_world import World
from tests.security.routes import (
    all_routes,
    allowed_role,
    build_url,
    changed_tables,
    checksum,
    fast_passwords,  # noqa: F401  (a fixture)
    sign_in,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
ROUTES = all_routes()
FORM_WRITES = [r for r in ROUTES if r.writes and not r.is_api]
API_WRITES = [r for r in ROUTES if r.writes and r.is_api]
MESSAGE = "The form expired or was sent from elsewhere"
OWN, FOREIGN = "own-session-raw-token", "another-session-raw-token"

# A valid JSON body per API write, so that only CSRF can be the reason for a refusal.
API_BODIES = {
    "api.action_status": {"status": "needs_assessment", "note": "forged"},
    "api.matches": {"text": "asylum procedures", "k": 3},
}


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def signed(app, raw: str) -> str:
    """The form token Flask-WTF derives from a session's raw token."""
    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)


def _world(make, db) -> World:
    world = World(make, db)
    world.expert  # noqa: B018
    world.other  # noqa: B018
    return world


def _give_session_a_token(client):
    with client.session_transaction() as session:
        session["csrf_token"] = OWN


def test_every_write_route_is_attacked():
    """The lists come from the URL map: a new state-changing route is in them at once."""
    assert len(FORM_WRITES) > 40 and API_WRITES
    assert {"experts.edit_step", "auth.change_role", "actions.upload_document"} <= {
        r.endpoint for r in FORM_WRITES
    }


@pytest.mark.parametrize(
    "route", FORM_WRITES, ids=[f"{r.write_method} {r.rule}" for r in FORM_WRITES]
)
def test_form_write_without_the_sessions_token_is_refused(csrf_app, client, login, make, db, route):
    world = _world(make, db)
    url = build_url(csrf_app, world, route)
    sign_in(client, login, world, allowed_role(route.endpoint))
    _give_session_a_token(client)
    before = checksum(db)
    attempts = {
        "no token": {},
        "another session's token": {"csrf_token": signed(csrf_app, FOREIGN)},
        "a forged token": {"csrf_token": "forged." + signed(csrf_app, OWN)[7:]},
    }
    for label, data in attempts.items():
        response = client.open(url, method=route.write_method, data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 400, f"{label}: {response.status_code}"
        assert response.mimetype == "text/html" and MESSAGE in page, label
        assert not changed_tables(before, checksum(db)), f"{label}: the database changed"
    response = client.open(
        url, method=route.write_method, data={"csrf_token": signed(csrf_app, OWN)}
    )
    assert MESSAGE not in response.get_data(as_text=True), "refused even with its own token"


@pytest.mark.parametrize(
    "route", API_WRITES, ids=[f"{r.write_method} {r.rule}" for r in API_WRITES]
)
def test_api_write_by_session_cookie_needs_the_token(csrf_app, client, login, make, db, route):
    assert route.endpoint in API_BODIES, f"add a valid body for {route.endpoint} to API_BODIES"
    world = _world(make, db)
    url = build_url(csrf_app, world, route)
    sign_in(client, login, world, allowed_role(route.endpoint))
    _give_session_a_token(client)
    body = API_BODIES[route.endpoint]
    before = checksum(db)
    for label, headers in {
        "no token": {},
        "another session's token": {"X-CSRFToken": signed(csrf_app, FOREIGN)},
        "a Bearer header that is no token": {"Authorization": "Bearer not-a-token"},
    }.items():
        response = client.open(url, method=route.write_method, json=body, headers=headers)
        assert response.status_code in (400, 401), f"{label}: {response.status_code}"
        assert response.is_json and "error" in response.get_json(), label
        assert not changed_tables(before, checksum(db)), f"{label}: the database changed"
    headers = {"X-CSRFToken": signed(csrf_app, OWN)}
    response = client.open(url, method=route.write_method, json=body, headers=headers)
    assert response.status_code < 400, response.get_data(as_text=True)


def test_api_write_with_a_bearer_token_needs_no_csrf_token(csrf_app, client, make, db):
    from roster.auth.models import ApiToken

    world = _world(make, db)
    token, secret = ApiToken.issue(world.staff, "script")
    db.session.add(token)
    db.session.commit()
    response = client.post(
        f"/api/v1/actions/{world.action.id}/status",
        json=API_BODIES["api.action_status"],
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["status"] == "needs_assessment"
