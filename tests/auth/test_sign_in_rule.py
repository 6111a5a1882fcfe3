"""One rule for signed-out visitors in every section: a page that needs sign-in sends them to the
sign-in page with a safe link back; the API answers a JSON 401. Checked over the whole URL map."""

from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.routing import IntegerConverter

# The pages anyone may open; every other page needs sign-in.
PUBLIC = {
    "main.index",
    "main.privacy",
    "main.healthz",
    "auth.login",
    "auth.two_factor",
    "auth.register",
    "auth.check_email",
    "auth.confirm",
    "auth.resend_confirmation",
    "auth.forgot",
    "auth.reset",
    "actions.request_support",
    "actions.request_thanks",
    "toolkit.verify",
    "notifications.unsubscribe",  # the digest's signed one-click link (RFC 8058)
    "static",
}
PUBLIC_API = {"api.openapi", "api.themes"}


def example_url(rule) -> str:
    """The rule's URL with a made-up value for each part (1 for numbers)."""
    values = {
        name: 1 if isinstance(rule._converters[name], IntegerConverter) else "en"
        for name in rule.arguments
    }
    return rule.build(values)[1]


def get_rules(app, api: bool):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and rule.endpoint.startswith("api.") == api
    ]


def test_every_page_that_needs_sign_in_sends_visitors_to_sign_in_and_back(app, client):
    checked = []
    for rule in get_rules(app, api=False):
        if rule.endpoint in PUBLIC:
            continue
        url = example_url(rule)
        response = client.get(url)
        assert response.status_code == 302, (rule.endpoint, url, response.status_code)
        target = urlsplit(response.headers["Location"])
        assert target.path == "/auth/login", (rule.endpoint, target)
        assert parse_qs(target.query)["next"] == [url], (rule.endpoint, target)
        checked.append(rule.endpoint)
    # Every section is in the walk, Actions included.
    sections = {endpoint.split(".")[0] for endpoint in checked}
    assert {"actions", "experts", "reports", "taxonomy", "toolkit", "audit", "auth"} <= sections
    assert len(checked) > 50


def test_the_api_answers_json_401(app, client):
    for rule in get_rules(app, api=True):
        if rule.endpoint in PUBLIC_API:
            continue
        response = client.get(example_url(rule))
        assert response.status_code == 401, rule.endpoint
        assert response.json["error"]["code"] == "unauthorized", rule.endpoint


def test_public_pages_open_without_sign_in(app, client):
    for rule in get_rules(app, api=False):
        if rule.endpoint not in PUBLIC or rule.endpoint == "static" or rule.arguments:
            continue
        response = client.get(example_url(rule))
        assert response.status_code < 500, rule.endpoint
        # (the second-factor page with no sign-in under way goes back to the first step)
        assert "next=" not in response.headers.get("Location", ""), rule.endpoint


def test_the_return_link_keeps_the_query_and_is_followed_after_sign_in(client, make):
    make.user(email="ana@example.org", password="a quiet river at dawn")
    response = client.get("/toolkit/?lang=fr")
    next_url = parse_qs(urlsplit(response.headers["Location"]).query)["next"][0]
    assert next_url == "/toolkit/?lang=fr"
    signed_in = client.post(
        f"/auth/login?next={next_url.replace('?', '%3F').replace('=', '%3D')}",
        data={"email": "ana@example.org", "password": "a quiet river at dawn", "next": next_url},
    )
    assert signed_in.headers["Location"] == "/toolkit/?lang=fr"


@pytest.mark.parametrize(
    ("referrer", "expected"),
    [("http://localhost/actions/requests", ["/actions/requests"]), ("http://evil.example/x", None)],
)
def test_a_refused_form_returns_to_the_page_it_came_from_on_this_site(client, referrer, expected):
    response = client.post("/actions/new", headers={"Referer": referrer})
    target = urlsplit(response.headers["Location"])
    assert target.path == "/auth/login"
    assert parse_qs(target.query).get("next") == expected


def test_a_signed_in_user_without_the_right_gets_403_not_a_sign_in_loop(client, make, login):
    login(make.user())
    response = client.get("/actions/")
    assert response.status_code == 403
    assert "This page is not open to you" in response.text
