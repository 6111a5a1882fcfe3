"""The public theme list."""


def test_themes_lists_active_themes_with_labels(client, make, db):
    theme = make.theme("asylum")
    theme.label_en, theme.label_fr, theme.label_es = "Asylum", "Asile", "Asilo"
    make.theme("health", label="Migration and health")
    retired = make.theme("old-theme")
    retired.active = False
    db.session.commit()
    response = client.get("/api/v1/themes")
    assert response.status_code == 200
    body = response.json
    assert body["total"] == 2
    assert [t["slug"] for t in body["items"]] == ["asylum", "health"]
    assert body["items"][0]["labels"] == {"en": "Asylum", "fr": "Asile", "es": "Asilo"}
    assert body["items"][0]["label"] == "Asylum"


def test_theme_label_follows_language(client, make, db):
    theme = make.theme("asylum")
    theme.label_fr = "Asile"
    db.session.commit()
    response = client.get("/api/v1/themes", headers={"Accept-Language": "fr"})
    assert response.json["items"][0]["label"] == "Asile"


def test_themes_need_no_sign_in_and_may_be_cached(client, make):
    make.theme("asylum")
    response = client.get("/api/v1/themes")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
