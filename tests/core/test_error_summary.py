"""The error summary at the top of a form lists the errors in the order of the fields on the
page, each linking to its field, on every page that has one (roster/core/form_errors.py)."""

import re

import pytest
from wtforms import Form, IntegerField, StringField
from wtforms.validators import DataRequired

from roster.core.form_errors import error_items
from tests.actions import helpers as h

SUMMARY = re.compile(r'<div class="alert alert-danger"[^>]*id="form-errors">(.*?)</div>', re.S)


def summary_targets(html: str) -> list[str]:
    found = SUMMARY.search(html)
    assert found, "no error summary on the page"
    return re.findall(r'<a href="#([^"]+)"', found.group(1))


def assert_in_page_order(html: str) -> list[str]:
    """Every link of the summary goes to a control of the page, in the page's order."""
    targets = summary_targets(html)
    body = html[SUMMARY.search(html).end() :]
    positions = []
    for target in targets:
        control = re.search(rf'<(input|select|textarea)\b[^>]*\bid="{re.escape(target)}"', body)
        assert control, f"the summary links to #{target}, which is no field of the page"
        positions.append(control.start())
    assert positions == sorted(positions), f"summary out of the page's order: {targets}"
    return targets


@pytest.fixture
def world(db, make):
    make.country("KZ", "asia")
    make.theme("trafficking")


CASES = {
    # name: (role, method, url, data); each gives two or more errors
    "public request": (None, "post", "/actions/request-support", {}),
    "staff request": ("staff", "post", "/actions/requests/new", {"received_on": "soon"}),
    "register": (None, "post", "/auth/register", {"email": "not an e-mail"}),
    "new action": ("staff", "post", "/actions/new", {"end_on": "2020-01-01", "start_on": "x"}),
    "new partner": ("staff", "post", "/actions/partners/new", {"website": "nope"}),
    "new theme": ("admin", "post", "/taxonomy/themes/new", {"slug": "Not a slug!"}),
    "new region": ("admin", "post", "/taxonomy/regions/new", {"slug": "Not a slug!"}),
    "invite": ("admin", "post", "/auth/users/new", {"email": "x", "role": "nobody"}),
    "new module": ("staff", "post", "/toolkit/manage/new", {"pass_mark": "300"}),
    "coverage": (
        "staff",
        "get",
        "/reports/coverage",
        {"available_from": "2021-13-01", "available_to": "x", "threshold": "-3"},
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_summary_follows_the_page_and_links_each_field(client, make, login, world, case):
    role, method, url, data = CASES[case]
    if role:
        login(getattr(make, role)())
    response = getattr(client, method)(
        url, **({"data": data} if method == "post" else {"query_string": data})
    )
    assert response.status_code in (200, 400, 422), response.status_code
    targets = assert_in_page_order(response.get_data(as_text=True))
    assert len(targets) >= 2, targets


def test_a_new_activity_lists_its_errors_in_order(client, db, make, login, world):
    login(make.staff())
    action = h.action(db, make)
    data = {"participants": "many", "end_on": "2021-01-01", "start_on": ""}
    html = client.post(f"/actions/{action.id}/activities/new", data=data).get_data(as_text=True)
    assert assert_in_page_order(html)[:3] == ["title", "kind", "format"]


def test_page_order_puts_inherited_fields_where_the_page_shows_them():
    class Base(Form):
        second = StringField("Second", validators=[DataRequired()])

    class Page(Base):
        first = IntegerField("First", validators=[DataRequired()])
        page_order = ("first", "second")

    form = Page()
    form.validate()
    assert [(i.target, i.label) for i in error_items(form)] == [
        ("first", "First"),
        ("second", "Second"),
    ]
    assert [i.target for i in error_items(Base())] == []  # no error, nothing listed
