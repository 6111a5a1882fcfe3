"""With CSRF on, as in production: the pages' forms carry their token and are accepted."""

import re

import pytest

from roster.experts.models import Expert, Status


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_step_form_works_with_its_token_and_fails_without(csrf_app, client, make, login, db):
    user = make.user()
    expert = make.expert(user=user, status=Status.DRAFT)
    login(user)
    html = client.get(f"/experts/{expert.id}/edit/availability").get_data(as_text=True)
    data = {"version": str(expert.version), "days_per_year": "30"}
    assert client.post(f"/experts/{expert.id}/edit/availability", data=data).status_code == 400
    data["csrf_token"] = token(html)
    assert client.post(f"/experts/{expert.id}/edit/availability", data=data).status_code == 302
    assert db.session.get(Expert, expert.id).days_per_year == 30
