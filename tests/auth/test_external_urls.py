"""Links in e-mails follow how the app is served: the request's host and port in development,
the configured EXTERNAL_BASE_URL in production (which refuses to start without it)."""

import re

import pytest

from config import ProductionConfig
from roster import create_app
from roster.core.urls import external_url

DEV_SITE = "http://localhost:8000"
PASSWORD = "a quiet river at dawn"


def links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.get_content())


def test_confirmation_reset_and_invitation_mails_follow_the_serving_port(
    client, make, login, outbox
):
    client.post(
        "/auth/register",
        base_url=DEV_SITE,
        data={
            "first_name": "Amina",
            "last_name": "Diallo",
            "email": "amina@example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    make.user(email="ana@example.org")
    client.post("/auth/forgot", base_url=DEV_SITE, data={"email": "ana@example.org"})
    login(make.admin())
    client.post(
        "/auth/users/new", base_url=DEV_SITE, data={"email": "new@example.org", "role": "staff"}
    )
    sent = {m["To"]: links(m) for m in outbox()}
    assert sent["amina@example.org"][0].startswith(f"{DEV_SITE}/auth/confirm/")
    assert sent["ana@example.org"][0].startswith(f"{DEV_SITE}/auth/reset/")
    assert sent["new@example.org"][0].startswith(f"{DEV_SITE}/auth/reset/")
    every = [link for found in sent.values() for link in found]
    assert every and all(link.startswith(f"{DEV_SITE}/") for link in every), every


def test_a_configured_base_wins_over_the_requests_host(app, client, make, outbox):
    """In production the Host header is not trusted: a forged one changes no link."""
    app.config["EXTERNAL_BASE_URL"] = "https://roster.example.org/people/"
    make.user(email="ana@example.org")
    client.post("/auth/forgot", base_url="http://evil.example", data={"email": "ana@example.org"})
    (link,) = links(outbox()[-1])[:1]
    assert link.startswith("https://roster.example.org/people/auth/reset/")


def test_links_built_outside_a_request(app, monkeypatch):
    """A command or background job: the configured base, else where `flask run` serves."""
    with app.app_context():
        monkeypatch.setenv("FLASK_RUN_PORT", "8123")
        assert external_url("auth.login") == "http://127.0.0.1:8123/auth/login"
        app.config["EXTERNAL_BASE_URL"] = "https://roster.example.org"
        assert external_url("experts.me") == "https://roster.example.org/experts/me"


@pytest.mark.parametrize("base", [None, "", "roster.example.org", "http://roster.example.org"])
def test_production_refuses_to_start_without_an_https_base_url(monkeypatch, base):
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    monkeypatch.setenv("DATABASE_URL", "postgresql://roster@localhost/roster")
    if base is None:
        monkeypatch.delenv("EXTERNAL_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("EXTERNAL_BASE_URL", base)
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)
    with pytest.raises(RuntimeError, match="EXTERNAL_BASE_URL"):
        create_app(config_name="production")


def test_production_takes_the_configured_base(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    monkeypatch.setenv("DATABASE_URL", "postgresql://roster@localhost/roster")
    monkeypatch.setenv("EXTERNAL_BASE_URL", "https://roster.example.org/")
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)
    monkeypatch.setattr(ProductionConfig, "EXTERNAL_BASE_URL", None)
    ProductionConfig.init()
    assert ProductionConfig.EXTERNAL_BASE_URL == "https://roster.example.org"
