"""Who may call the API: tokens, sessions and roles, with JSON errors and no redirects."""

import pytest

from roster.core.time import utcnow


def _error(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]


def test_no_token_gets_json_401(api_get):
    response = api_get("/api/v1/experts")
    _error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Location" not in response.headers


@pytest.mark.parametrize("path", ["/api/v1/experts", "/api/v1/experts/1"])
def test_unknown_token_gets_401(api_get, path):
    _error(api_get(path, token="rst_not-a-real-token"), 401, "unauthorized")


def test_malformed_authorization_header_gets_401(client):
    response = client.get("/api/v1/experts", headers={"Authorization": "Basic dXNlcjpwdw=="})
    _error(response, 401, "unauthorized")


def test_revoked_token_gets_401(api_get, make, token_for, db):
    staff = make.staff()
    secret = token_for(staff)
    assert api_get("/api/v1/experts", token=secret).status_code == 200
    staff.tokens[0].revoked_at = utcnow()
    db.session.commit()
    _error(api_get("/api/v1/experts", token=secret), 401, "unauthorized")


def test_token_of_deactivated_account_gets_401(api_get, make, token_for, db):
    staff = make.staff()
    secret = token_for(staff)
    staff.is_active_account = False
    db.session.commit()
    _error(api_get("/api/v1/experts", token=secret), 401, "unauthorized")


def test_token_use_is_recorded(api_get, make, token_for, db):
    staff = make.staff()
    secret = token_for(staff)
    assert staff.tokens[0].last_used_at is None
    api_get("/api/v1/experts", token=secret)
    db.session.expire_all()
    assert staff.tokens[0].last_used_at is not None


def test_expert_token_gets_403_on_roster(api_get, make, token_for):
    user = make.user()
    make.expert(user=user)
    _error(api_get("/api/v1/experts", token=token_for(user)), 403, "forbidden")


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_and_admin_tokens_read_roster(api_get, make, token_for, role):
    make.expert(first_name="Zoe")
    response = api_get("/api/v1/experts", token=token_for(getattr(make, role)()))
    assert response.status_code == 200
    assert [item["name"].split()[0] for item in response.json["items"]] == ["Zoe"]


def test_staff_session_reads_roster(client, login, make):
    make.expert()
    login(make.staff())
    response = client.get("/api/v1/experts")
    assert response.status_code == 200
    assert response.json["total"] == 1


def test_expert_session_gets_403_on_roster(client, login, make):
    login(make.user())
    _error(client.get("/api/v1/experts"), 403, "forbidden")


def test_expert_reads_own_profile_by_token(api_get, make, token_for):
    user = make.user()
    mine = make.expert(user=user, employer="Ministry of the Interior")
    response = api_get(f"/api/v1/experts/{mine.id}", token=token_for(user))
    assert response.status_code == 200
    assert response.json["id"] == mine.id
    assert response.json["employer"] == "Ministry of the Interior"


def test_expert_reads_own_profile_by_session(client, login, make):
    user = login(make.user())
    mine = make.expert(user=user)
    assert client.get(f"/api/v1/experts/{mine.id}").json["email"] == user.email


def test_expert_cannot_read_another_expert(api_get, make, token_for):
    user = make.user()
    make.expert(user=user)
    other = make.expert(user=make.user(), employer="Secret employer")
    response = api_get(f"/api/v1/experts/{other.id}", token=token_for(user))
    _error(response, 404, "not_found")
    assert b"Secret employer" not in response.data
    # The same answer as for an id that does not exist: nothing to learn from it.
    missing = api_get("/api/v1/experts/999999", token=token_for(user))
    assert missing.json == response.json


def test_staff_reads_any_expert(api_get, make, token_for):
    other = make.expert(user=make.user(), position="Border guard")
    response = api_get(f"/api/v1/experts/{other.id}", token=token_for(make.staff()))
    assert response.status_code == 200
    assert response.json["position"] == "Border guard"


def test_anonymous_cannot_probe_expert_ids(api_get, make):
    expert = make.expert()
    assert api_get(f"/api/v1/experts/{expert.id}").status_code == 401
    assert api_get("/api/v1/experts/999999").status_code == 401


def test_erased_expert_is_gone_even_for_staff_and_owner(api_get, make, token_for, db):
    user = make.user()
    erased = make.expert(user=user, first_name="Gone")
    erased.erased_at = utcnow()
    db.session.commit()
    staff_token = token_for(make.staff())
    _error(api_get(f"/api/v1/experts/{erased.id}", token=staff_token), 404, "not_found")
    _error(api_get(f"/api/v1/experts/{erased.id}", token=token_for(user)), 404, "not_found")
    assert api_get("/api/v1/experts", token=staff_token).json["total"] == 0


def test_personal_answers_are_not_cached(api_get, make, token_for):
    response = api_get("/api/v1/experts", token=token_for(make.staff()))
    assert response.headers["Cache-Control"] == "no-store"


def test_wrong_method_answers_json_405(client, make, token_for):
    response = client.post(
        "/api/v1/experts", headers={"Authorization": f"Bearer {token_for(make.staff())}"}
    )
    _error(response, 405, "method_not_allowed")


def test_unknown_api_route_answers_json_404(api_get, make, token_for):
    _error(api_get("/api/v1/nothing-here", token=token_for(make.staff())), 404, "not_found")
