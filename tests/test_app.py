"""The app factory, configuration, errors and health check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config import ProductionConfig
from roster import create_app


def test_healthz_checks_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_unknown_api_path_answers_json_error(client):
    response = client.get("/api/v1/does-not-exist")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_unknown_page_answers_html(client):
    response = client.get("/does-not-exist")
    assert response.status_code == 404
    assert b"<html" in response.data


def test_production_refuses_development_secret(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig.init()
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(RuntimeError):
        create_app(config_name="production")


def test_community_edit_minutes_come_from_the_environment(app):
    assert app.config["COMMUNITY_EDIT_MINUTES"] == 30
    read = "import config; print(config.Config.COMMUNITY_EDIT_MINUTES)"
    env = {**os.environ, "COMMUNITY_EDIT_MINUTES": "45"}
    root = Path(__file__).resolve().parent.parent
    answer = subprocess.run(
        [sys.executable, "-c", read], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    assert answer.stdout.strip() == "45"


@pytest.mark.parametrize(("accept", "lang"), [("fr-FR,fr;q=0.9", "fr"), ("es", "es"), ("de", "en")])
def test_language_follows_browser(client, accept, lang):
    response = client.get("/", headers={"Accept-Language": accept})
    assert f'<html lang="{lang}">'.encode() in response.data


def test_language_choice_is_remembered(client):
    client.post("/language", data={"lang": "es", "next": "/"})
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert b'<html lang="es">' in response.data


def test_language_switch_refuses_open_redirect(client):
    response = client.post("/language", data={"lang": "fr", "next": "//evil.example"})
    assert response.headers["Location"] == "/"


def test_every_page_names_the_favicon_and_it_is_served(client):
    html = client.get("/").text
    assert '<link rel="icon" type="image/svg+xml" href="/static/favicon.svg">' in html
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
        assert icon.data.lstrip().startswith(b"<svg")
