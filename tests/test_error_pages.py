"""Error pages for people: the app's layout, the reader's language, a way forward; the 429 page
says when to try again in words. The API keeps its JSON errors."""

import io
import re

import pytest

from roster.core.access import public_page
from roster.extensions import limiter

FR = {"Accept-Language": "fr"}


def main_text(html: str) -> str:
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def assert_page(response, code: int, title: str):
    html = response.get_data(as_text=True)
    assert response.status_code == code, html[:300]
    assert 'class="navbar navbar-expand-lg' in html  # the app's layout, with its navigation
    assert '<html lang="fr">' in html
    assert f'<h1 class="h3">{title}</h1>' in html
    assert 'href="/">Retour à la page d\u2019accueil</a>' in html  # a way forward
    for english in ("Not Found", "Forbidden", "Method Not Allowed", "Too Many Requests"):
        assert english not in main_text(html)
    return html


@pytest.fixture
def rate_limited(app):
    app.config["RATELIMIT_ENABLED"] = True
    limiter.init_app(app)
    limiter.reset()
    yield limiter
    limiter.reset()


def test_404_in_french_with_the_way_home(client):
    assert_page(client.get("/no-such-page", headers=FR), 404, "Page introuvable")


def test_403_says_who_to_ask_and_offers_the_users_own_pages(client, make, login):
    login(make.user())
    html = assert_page(
        client.get("/actions/", headers=FR), 403, "Cette page ne vous est pas ouverte"
    )
    assert "administrateur" in main_text(html)
    assert 'href="/experts/me">Mon profil</a>' in html


def test_405_offers_the_page_again(client):
    html = assert_page(
        client.put("/privacy", headers=FR),
        405,
        "Cette adresse n\u2019accepte pas ce type de demande",
    )
    assert 'href="/privacy">Ouvrir de nouveau cette page</a>' in html


def test_back_link_only_to_this_site(client):
    here = client.get("/nope", headers={**FR, "Referer": "http://localhost/privacy"})
    assert 'href="http://localhost/privacy">Revenir à la page précédente</a>' in here.text
    away = client.get("/nope", headers={**FR, "Referer": "http://evil.example/"})
    assert "evil.example" not in away.text


def test_413_says_nothing_was_saved(app, client, make, login):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    login(make.staff())
    response = client.post(
        "/experts/import",
        headers=FR,
        data={"file": (io.BytesIO(b"x" * 4096), "big.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert 'class="navbar navbar-expand-lg' in response.text
    assert "Rien n\u2019a été enregistré" in response.text
    assert 'lang="fr"' in response.text and ">Revenir" not in response.text


def test_429_says_when_to_try_again_in_words(app, client, rate_limited):
    app.config["LOGIN_RATE_LIMIT"] = "1 per minute"
    client.post("/auth/forgot", data={"email": "x@example.org"})
    response = client.post("/auth/forgot", headers=FR, data={"email": "x@example.org"})
    html = assert_page(response, 429, "Trop de tentatives")
    retry = re.search(r'<p class="fw-semibold" id="retry">(.*?)</p>', html).group(1)
    assert re.fullmatch(r"Vous pourrez réessayer dans (\d+ secondes?|1 minute)\.", retry), retry
    assert response.headers.get("Retry-After", "").isdigit()


def test_429_in_spanish(app, client, rate_limited):
    app.config["LOGIN_RATE_LIMIT"] = "1 per hour"
    client.post("/auth/forgot", data={"email": "x@example.org"})
    response = client.post(
        "/auth/forgot", headers={"Accept-Language": "es"}, data={"email": "x@example.org"}
    )
    assert response.status_code == 429
    assert "per 1 hour" not in response.text  # the limiter's own English wording stays out
    assert re.search(
        r"Podrá volver a intentarlo dentro de (\d+ minutos?|1 hora)\.", response.text
    ), main_text(response.text)


@pytest.mark.own_app
def test_500_in_the_layout_without_details(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/boom")
    @public_page
    def boom():
        raise RuntimeError("secret detail")

    html = assert_page(
        client.get("/boom", headers=FR), 500, "Un problème est survenu de notre côté"
    )
    assert "secret detail" not in html and "Traceback" not in html


def test_the_api_keeps_json_errors(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"
