"""The privacy notice: what is held, why, for how long, who sees it and the person's rights, in
English, French and Spanish, linked from the footer, registration and both consent boxes."""

import pytest

HEADINGS = {
    "en": ["What we hold", "Why", "For how long", "Who sees it", "Your rights and how to use them"],
    "fr": [
        "Ce que nous conservons",
        "Pourquoi",
        "Pendant combien de temps",
        "Qui y a accès",
        "Vos droits et comment les exercer",
    ],
    "es": [
        "Qué datos conservamos",
        "Por qué",
        "Durante cuánto tiempo",
        "Quién los ve",
        "Sus derechos y cómo ejercerlos",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_notice_answers_the_five_questions_in_each_language(client, lang):
    response = client.get("/privacy", headers={"Accept-Language": lang})
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}">' in html
    positions = [html.index(f">{heading}</h2>") for heading in HEADINGS[lang]]
    assert positions == sorted(positions)
    assert 'href="mailto:roster@example.org">roster@example.org</a>' in html


def test_the_contact_address_is_configurable(app, client):
    app.config["PRIVACY_CONTACT"] = "dpo@example.org"
    assert 'href="mailto:dpo@example.org"' in client.get("/privacy").text


@pytest.mark.parametrize("path", ["/", "/auth/login", "/auth/register", "/no-such-page"])
def test_every_page_links_to_it_in_the_footer(client, path):
    html = client.get(path).text
    footer = html[html.index("<footer") :]
    assert 'href="/privacy">Privacy notice</a>' in footer


def test_registration_and_the_request_form_link_to_it(client):
    for path in ("/auth/register", "/actions/request-support"):
        main = client.get(path).text.split("<footer")[0]
        assert 'href="/privacy"' in main, path


def test_the_consent_step_links_to_it(client, make, login):
    user = login(make.user())
    expert = make.expert(user=user, status="draft")
    html = client.get(f"/experts/{expert.id}/edit/consent").text.split("<footer")[0]
    assert 'href="/privacy">Read the privacy notice</a>' in html
