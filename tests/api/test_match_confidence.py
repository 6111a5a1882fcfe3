"""The API's text reasons say which model judged the text, and when the request is written in
a language that no profile text is written in (the default install: words only)."""

from flask import g


def _post(client, body, token):
    g.pop("_login_user", None)
    return client.post("/api/v1/matches", json=body, headers={"Authorization": f"Bearer {token}"})


def _text_reason(body):
    (item,) = body["items"]
    return next(r for r in item["reasons"] if r["criterion"] == "text")


def test_a_request_in_an_uncovered_language_says_so(client, make, token_for):
    make.expert(biography="Prosecutor for trafficking cases in Central America.")
    token = token_for(make.staff())
    russian = "Прокурор по делам о торговле людьми"  # noqa: RUF001
    response = _post(client, {"text": russian, "k": 1}, token)
    assert response.status_code == 200
    reason = _text_reason(response.get_json())
    assert {"key": "language", "have": None, "want": "ru"} in reason["missing"]
    assert any("No profile text is written in Russian" in s for s in reason["explanation"])


def test_words_in_common_are_named_as_the_judge(client, make, token_for):
    make.expert(biography="Prosecutor for trafficking cases in Central America.")
    token = token_for(make.staff())
    response = _post(client, {"text": "Trafficking prosecutor", "k": 1}, token)
    reason = _text_reason(response.get_json())
    assert {"key": "words", "have": None, "want": None} in reason["matched"]
    assert not [e for e in reason["missing"] if e["key"] == "language"]
    assert any(s.startswith("Words in common") for s in reason["explanation"])
