"""What the attack tests read from the app: its routes, its pages' forms, its database state.

The routes come from the URL map and the permission table (tests/test_permissions.py), so a
new route is attacked as soon as it exists; the forms are read from the pages themselves, so
a request carries the body a browser would send.
"""

import hashlib
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import flask
import pytest
import sqlalchemy as sa

from roster import create_app
from tests.permission_world import WORLD_ARGS, World
from tests.test_permissions import ENDPOINT_ARGS, EXPECTED, OK, SETUP, _fast_hash

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
ID_LIKE = ("_id", "token", "code", "slug", "name")


@dataclass(frozen=True)
class Route:
    endpoint: str
    rule: str
    methods: frozenset
    arguments: frozenset

    @property
    def writes(self) -> bool:
        return bool(self.methods & set(WRITE_METHODS))

    @property
    def is_api(self) -> bool:
        return self.rule.startswith("/api/")

    @property
    def has_id(self) -> bool:
        return any(arg.endswith(ID_LIKE) for arg in self.arguments)

    @property
    def write_method(self) -> str:
        return next(m for m in WRITE_METHODS if m in self.methods)


@pytest.fixture
def fast_passwords(monkeypatch):
    """Each test builds the same few accounts: hash each password once per run."""
    monkeypatch.setattr("roster.auth.models.generate_password_hash", _fast_hash)


def all_routes() -> list[Route]:
    """Every rule of the URL map but static files, read from a throwaway app."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return [
        Route(
            r.endpoint, r.rule, frozenset(r.methods - {"HEAD", "OPTIONS"}), frozenset(r.arguments)
        )
        for r in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint))
        if r.endpoint != "static"
    ]


def allowed_role(endpoint: str) -> str:
    """A caller the permission table lets use the endpoint (a signed-in one when possible)."""
    row = EXPECTED.get(endpoint)
    assert row is not None, f"{endpoint} has no row in EXPECTED in tests/test_permissions.py"
    for role in ("owner", "staff", "admin", "other", "anonymous", "focal_point"):
        if row[role] == OK:
            return role
    raise AssertionError(f"{endpoint}: the permission table allows nobody")


def build_url(app, world: World, route: Route) -> str:
    """The route's URL with its arguments pointing at the world's (the owner's) objects."""
    if route.endpoint in SETUP:
        SETUP[route.endpoint](world)
    rule = next(r for r in app.url_map.iter_rules() if r.rule == route.rule)
    values = {}
    for name in rule.arguments:
        extra = ENDPOINT_ARGS.get(route.endpoint, {})
        assert name in extra or name in WORLD_ARGS, f"{route.rule}: no value for <{name}>"
        values[name] = extra[name] if name in extra else WORLD_ARGS[name](world)
    return rule.build(values)[1]


def sign_in(client, login, world: World, role: str) -> None:
    """Make the test client's session that of a caller of the world (or nobody's)."""
    if role == "anonymous":
        with client.session_transaction() as session:
            session.clear()
        flask.g.pop("_login_user", None)
    else:
        login(getattr(world, role))


def checksum(db) -> dict[str, tuple[int, str]]:
    """Rows and a digest of every table's content, to tell whether a request wrote anything."""
    db.session.rollback()  # read what is committed, not the session's cache
    state = {}
    for table in db.metadata.sorted_tables:
        if table.name == "user_session":
            continue  # the tests' own sign-ins (and "last seen") write there, not the request
        rows = db.session.execute(sa.select(table)).all()
        digest = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
        state[table.name] = (len(rows), digest)
    return state


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before if before[name] != after.get(name))


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return urlsplit(self.action).path


class _FormParser(HTMLParser):
    """The forms of a page with the values a browser would send unchanged."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url, self.forms = page_url, []
        self._form = self._select = self._textarea = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = Form(
                a.get("action") or self.page_url,
                (a.get("method") or "get").upper(),
                a.get("enctype") or "application/x-www-form-urlencoded",
            )
            self.forms.append(self._form)
        elif self._form is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                self._form.files.append(a["name"])
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "image", "reset"):
                self._form.fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select, self._first_option = [a["name"], None, "multiple" in a], None
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._select[1] = value
                self._form.fields.append((self._select[0], value))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            name, chosen, multiple = self._select
            if chosen is None and not multiple and self._first_option is not None:
                self._form.fields.append((name, self._first_option))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._form.fields.append(tuple(self._textarea))
            self._textarea = None


def parse_forms(html: str, page_url: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(html)
    return [f for f in parser.forms if f.method == "POST"]


def links(html: str) -> list[str]:
    """The app's own pages a page links to (no static files, no downloads, no other hosts)."""
    found = []
    for href in re.findall(r'href="(/[^"#]*)"', html):
        path = urlsplit(unescape(href)).path
        if not path.startswith("/static/") and not re.search(r"\.(csv|json|pdf|svg)$", path):
            found.append(unescape(href))
    return found


def harvest_forms(client, urls, limit: int = 400) -> dict[str, Form]:
    """The POST forms on the given pages and on the pages they link to, one per action URL."""
    seen, queue, forms = set(), list(urls), {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        flask.g.pop("_login_user", None)
        response = client.get(url, follow_redirects=True)
        if response.status_code != 200 or response.mimetype != "text/html":
            response.close()
            continue
        html = response.get_data(as_text=True)
        for form in parse_forms(html, response.request.path):
            forms.setdefault(form.path, form)
        queue.extend(u for u in links(html) if u not in seen)
    return forms
