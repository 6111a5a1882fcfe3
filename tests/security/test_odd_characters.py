"""Odd characters never make a 500: every numeric parameter of the pages and the API, the
two-factor codes, JSON bodies (lone surrogates, deep nesting) and line breaks in titles.

Numbers are read by one rule (roster.core.numbers.parse_int, ASCII digits only): the property
tests below send text drawn from every Unicode category, lone surrogates included (sent as
the raw bytes a client would put on the wire), to every numeric parameter.
"""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.actions.ranking.service import CRITERIA
from roster.mail import outbox_messages
from tests.actions import helpers as h
from tests.auth.twofactor_helpers import enrol, password_step

pytestmark = pytest.mark.slow

# Every general category Unicode has (hypothesis leaves out Cs, the surrogates, by default).
CATEGORIES = (
    *("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No"),
    *("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"),
    *("Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"),
)
ANY_CHARACTER = st.characters(categories=CATEGORIES)
# Mostly digits of every script (the case that used to crash), and anything at all.
ODD_NUMBER = st.one_of(
    st.text(st.characters(categories=("Nd", "No", "Nl")), min_size=1, max_size=8),
    st.text(ANY_CHARACTER, max_size=12),
    st.sampled_from(["²", "٣", "\uff13", "1²", "¹²³", "-1", "+3", "1e3", "0x10", " 7 ", "9" * 40]),
)
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def wire(text: str) -> str:
    """The text as a client puts it in a query string: UTF-8 bytes, percent-encoded (a lone
    surrogate travels as the bytes a careless encoder makes)."""
    return urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="")


PAGE_PARAMETERS = [
    ("/auth/users", "page"),
    ("/auth/users", "per_page"),
    ("/audit/", "page"),
    ("/audit/", "target_id"),
    ("/actions/", "page"),
    ("/actions/", "year"),
    ("/actions/requests", "page"),
    ("/actions/requests", "year"),
    ("/actions/partners", "page"),
    ("/experts/", "page"),
    ("/experts/", "per_page"),
    ("/experts/", "joined_year"),
    ("/experts/export.csv", "joined_year"),
    ("/reports/", "year"),
    ("/reports/year/", "year"),
    ("/reports/coverage", "threshold"),
    ("/toolkit/manage/{module}/history", "page"),
    ("/actions/{action}/find-experts?run=1", "k"),
    ("/actions/{action}/find-experts?run=1", "why_id"),
    *(("/actions/{action}/find-experts?run=1", f"weights-{c}") for c in CRITERIA),
]

API_PARAMETERS = [
    ("/api/v1/experts", "page"),
    ("/api/v1/experts", "per_page"),
    ("/api/v1/experts", "joined_year"),
    ("/api/v1/actions", "page"),
    ("/api/v1/actions", "per_page"),
    ("/api/v1/actions", "year"),
    ("/api/v1/actions/{action}/matches", "k"),
    ("/api/v1/reports/coverage", "threshold"),
]


@pytest.fixture
def place(db, make):
    """The objects the URLs name: an Action and a toolkit module."""
    from tests.toolkit.conftest import build_module

    action = h.action(db, make)
    return {"action": action.id, "module": build_module(db).id}


@pytest.mark.parametrize(("path", "name"), PAGE_PARAMETERS, ids=lambda v: str(v))
def test_numeric_page_parameters_never_fail(client, make, login, place, path, name):
    login(make.admin())
    url = path.format(**place)
    joiner = "&" if "?" in url else "?"

    @EXAMPLES
    @given(value=ODD_NUMBER)
    def check(value):
        response = client.get(f"{url}{joiner}{name}={wire(value)}")
        assert response.status_code < 500, (url, name, value, response.status_code)

    check()


@pytest.mark.parametrize(("path", "name"), API_PARAMETERS, ids=lambda v: str(v))
def test_numeric_api_parameters_never_fail(client, make, token_for, place, path, name):
    token = token_for(make.staff())
    url = path.format(**place)

    @EXAMPLES
    @given(value=ODD_NUMBER)
    def check(value):
        response = client.get(
            f"{url}?{name}={wire(value)}", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code in (200, 400), (url, name, value, response.status_code)
        assert response.is_json

    check()


@pytest.mark.parametrize("value", ["²", "٣", "\uff13", "¹²³"])
def test_other_digits_are_a_400_with_a_message_in_the_api(client, make, token_for, value):
    token = token_for(make.staff())
    response = client.get(
        f"/api/v1/experts?page={wire(value)}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 400
    assert response.json["error"]["parameters"]["page"]


def test_the_matches_body_reads_k_by_the_same_rule(client, make, token_for):
    token = token_for(make.staff())
    headers = {"Authorization": f"Bearer {token}"}
    for k in ("\uff13", "²", "٣"):
        response = client.post("/api/v1/matches", json={"text": "asylum", "k": k}, headers=headers)
        assert response.status_code == 400, k


def test_two_factor_codes_in_other_digits_never_fail(app, client, db, make):
    """The second step of signing in, with codes of every script: refused, never a 500."""
    app.config["LOCKOUT_THRESHOLD"] = 10_000  # the many wrong codes must not lock the test out
    staff = make.staff(email="sam@example.org")
    enrol(db, staff)
    assert password_step(client, "sam@example.org").status_code == 302

    @EXAMPLES
    @given(code=st.one_of(ODD_NUMBER, st.sampled_from(["²²²²²²", "٣٣٣٣٣٣", "\uff13" * 6])))
    def check(code):
        response = client.post(
            "/auth/login/two-factor", data={"code": code.encode("utf-8", "surrogatepass")}
        )
        assert response.status_code < 500, (code, response.status_code)

    check()


@pytest.mark.parametrize("code", ["²²²²²²", "٣٣٣٣٣٣", "\uff13" * 6])
def test_a_code_in_other_digits_is_refused_at_sign_in(app, client, db, make, code):
    staff = make.staff(email="sam@example.org")
    enrol(db, staff)
    password_step(client, "sam@example.org")
    response = client.post("/auth/login/two-factor", data={"code": code})
    assert response.status_code == 200
    assert "This code is not right" in response.text


@pytest.mark.parametrize("path", ["/auth/account/two-factor"])
def test_enrolment_and_confirmation_codes_in_other_digits(client, make, login, path):
    login(make.user())
    client.get(path)
    for code in ("²²²²²²", "٣٣٣٣٣٣", "\uff13" * 6):
        assert client.post(path, data={"code": code}).status_code == 400


def test_a_lone_surrogate_in_json_is_a_400(client, make, token_for):
    token = token_for(make.staff())
    body = b'{"text": "asylum \\ud800 seekers", "k": 5}'
    response = client.post(
        "/api/v1/matches",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400 and response.is_json
    assert response.json["error"]["code"] == "bad_request"


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_deeply_nested_json_is_a_400(client, make, token_for, depth):
    token = token_for(make.staff())
    body = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    response = client.post(
        "/api/v1/matches",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400 and response.is_json
    assert "nests deeper" in response.json["error"]["message"]


def test_brackets_inside_json_strings_do_not_count(client, make, token_for):
    token = token_for(make.staff())
    body = b'{"text": "' + b"[" * 100 + b'", "k": 3}'
    response = client.post(
        "/api/v1/matches",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200


def test_a_line_break_in_a_title_never_reaches_a_mail_header(app, client, db, make, login):
    """The title is cleaned by the form; an older title with a break is cleaned in the mail."""
    from roster.actions.states import AssignmentState as S

    staff = login(make.staff())
    action = h.action(
        db, make, country="MD", region="eu-neighbourhood", themes=["border-management"]
    )
    response = client.post(
        f"/actions/{action.id}/edit",
        data={**_action_data(action), "title": "Border\r\nBcc: victim@example.org"},
    )
    assert response.status_code == 302
    db.session.refresh(action)
    assert "\n" not in action.title and "\r" not in action.title

    action.title = "Legacy\ntitle"  # stored before the fix
    db.session.commit()
    assignment = h.assignment(db, make.expert(), action)
    response = client.post(f"/actions/assignments/{assignment.id}/invite")
    assert response.status_code == 302
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED
    (mail,) = outbox_messages(app.config["OUTBOX_DIR"])
    assert mail["Subject"].endswith("Legacy title") and "Bcc" not in mail
    assert staff is not None


def test_an_invitation_that_cannot_be_mailed_changes_nothing(app, client, db, make, login):
    from roster.actions.states import AssignmentState as S

    login(make.staff())
    action = h.action(db, make)
    assignment = h.assignment(db, make.expert(), action)
    app.config["MAIL_SERVER"], app.config["MAIL_PORT"] = "127.0.0.1", 9  # nothing listens
    response = client.post(f"/actions/assignments/{assignment.id}/invite", follow_redirects=True)
    assert response.status_code == 200
    assert "could not be mailed" in response.text
    db.session.expire_all()
    assert db.session.get(type(assignment), assignment.id).state == S.PROPOSED


def _action_data(action) -> dict:
    """The Action's edit form as the page fills it."""
    from tests.actions.test_actions import action_form

    return action_form(version=str(action.version))
