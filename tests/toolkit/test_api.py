"""API: published modules by language, and the signed-in user's progress."""

from roster.auth.models import ApiToken
from roster.toolkit.models import ModuleStatus
from tests.toolkit.conftest import answers, version


def test_modules_need_a_signed_in_user(client, make_module):
    make_module()
    response = client.get("/api/v1/modules")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_published_modules_filtered_by_language(client, login, make, make_module):
    make_module(slug="both")
    make_module(slug="english-only", languages=("en",))
    make_module(slug="draft", status=ModuleStatus.DRAFT)
    login(make.user())
    all_modules = client.get("/api/v1/modules").json
    assert [m["slug"] for m in all_modules["modules"]] == ["both", "english-only"]
    french = client.get("/api/v1/modules?lang=fr").json["modules"]
    assert [(m["slug"], m["language"]) for m in french] == [("both", "fr")]
    assert french[0]["title"].startswith("Animation en ligne")
    assert french[0]["languages"] == ["en", "fr"] and french[0]["sections"] == 3
    assert client.get("/api/v1/modules?lang=xx").status_code == 400


def test_my_progress_with_a_bearer_token(client, db, make, make_module, login):
    module = make_module()
    user = make.user()
    token, secret = ApiToken.issue(user, "test")
    db.session.add(token)
    db.session.commit()
    login(user)
    for pos in (1, 2, 3):
        client.post(f"/toolkit/{module.slug}/fr/{pos}/read")
    client.post(f"/toolkit/{module.slug}/fr/check", data=answers(version(module, "fr")))
    with client.session_transaction() as session:
        session.clear()
    response = client.get("/api/v1/me/modules", headers={"Authorization": f"Bearer {secret}"})
    item = response.json["progress"][0]
    assert item["module"] == module.slug and item["percent_read"] == 100
    assert item["check_passed"] and item["completed_at"]
    assert item["certificate"]["verify_url"].endswith(item["certificate"]["code"])
    other = make.user()
    login(other)
    assert client.get("/api/v1/me/modules").json == {"progress": []}
