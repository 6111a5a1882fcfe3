"""Hostile strings, an HTML form reader, an "is this page inert" check and the world they run in.

Shared by tests/security/test_hostile_forms.py and test_hostile_api.py. The forms are found
from the app itself (every GET page of the URL map, opened by each kind of caller), so a new
form is attacked without editing a test.
"""

import html.parser
import re
import time
from dataclasses import dataclass, field
from functools import cached_property

import flask
import sqlalchemy as sa

from roster.auth.user_sessions import open_session
from tests.permission_world import WORLD_ARGS, World
from tests.test_permissions import ENDPOINT_ARGS

# name -> value; the names become test ids.
HOSTILE: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '"><img src=x onerror=alert(1)>',
    "sql": '\'; DROP TABLE "user"; --',
    "template": "{{7*7}} {% raw %} ${7*7}",
    "js-url": "javascript:alert(1)",
    "markdown-js": (
        '[click](javascript:alert(1)) <a href="javascript:alert(1)" onclick="alert(1)">x</a>'
    ),
    "rtl-override": "admin\u202egpj.exe",
    "zwj-emoji": "\U0001f469\U0001f3fd\u200d\U0001f4bb team \U0001f44d\U0001f3ff",
    "combining": "Ze\u0301\u0327\u0336ro Ca\u0308fe\u0301",
    "nul-byte": "before\x00after",
    "controls": "bell\x07 esc\x1b back\x08 del\x7f",
    "padded": "   padded value   ",
    "long": ("<b>é</b>&amp; " * 800)[:10_000],
}
MARKUP = ("script", "img-onerror", "markdown-js")

# Free-text inputs: what the brief calls text fields; password fields are never echoed back.
TEXT_TYPES = {None, "", "text", "search", "email", "url", "tel"}
ROLES = ("anonymous", "owner", "staff", "admin", "focal_point")


def _shape(name: str) -> str:
    """A field name with its numbers as N: rows and records change numbers, not shape."""
    return re.sub(r"[0-9]+", "N", name)


@dataclass
class Field:
    name: str
    tag: str  # input, textarea, select
    type: str | None = None
    value: str = ""
    checked: bool = False
    required: bool = False
    maxlength: int | None = None
    minlength: int = 0
    multiple: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)
    error: bool = False
    readonly: bool = False

    @property
    def free_text(self) -> bool:
        if self.readonly:
            return False
        return self.tag == "textarea" or (self.tag == "input" and self.type in TEXT_TYPES)


@dataclass
class Form:
    action: str | None
    enctype: str = ""
    fields: list[Field] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # element id -> field name

    @property
    def key(self) -> str:
        """Names the form across worlds and states: its action (ids as N), its text fields."""
        names = ",".join(sorted({_shape(f.name) for f in self.text_fields()}))
        return f"{re.sub(r'/[0-9]+', '/N', self.action or '')}[{names}]"

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def like(self, name: str) -> Field | None:
        """The field of that name, or of the same shape (a1-comment for a7-comment)."""
        shape = _shape(name)
        return self.get(name) or next((f for f in self.fields if _shape(f.name) == shape), None)

    def text_fields(self) -> list[Field]:
        seen, out = set(), []
        for f in self.fields:
            if f.free_text and f.name not in seen:
                seen.add(f.name)
                out.append(f)
        return out


class _FormParser(html.parser.HTMLParser):
    """Every <form method=post> of a page: its fields, their values, and which show an error."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None
        self._option: list | None = None
        self.error_ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self._form = Form(action=a.get("action"), enctype=a.get("enctype") or "")
                self.forms.append(self._form)
            return
        if a.get("id", "").endswith("-error"):
            self.error_ids.add(a["id"].removesuffix("-error"))
        if self._form is None or tag not in ("input", "textarea", "select", "option"):
            return
        if tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, ""]
            self._select.options.append(self._option)
            return
        if not a.get("name"):
            return
        f = Field(
            name=a["name"],
            tag=tag,
            type=(a.get("type") or "text").lower() if tag == "input" else None,
            value=a.get("value") or "",
            checked="checked" in a,
            required="required" in a or a.get("aria-required") == "true",
            maxlength=int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None,
            readonly="readonly" in a or "disabled" in a,
            minlength=int(a["minlength"]) if a.get("minlength", "").isdigit() else 0,
            multiple="multiple" in a,
            error="is-invalid" in (a.get("class") or "") or a.get("aria-invalid") == "true",
        )
        self._form.fields.append(f)
        if a.get("id"):
            self._form.ids[a["id"]] = f.name
        if tag == "textarea":
            self._textarea = f
        elif tag == "select":
            self._select = f

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "option":
            self.handle_endtag("option")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        if self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            # The HTML spec drops one newline right after <textarea>; WTForms writes one.
            value = self._textarea.value
            self._textarea.value = (
                value[2:] if value.startswith("\r\n") else value.removeprefix("\n")
            )
            self._textarea = None
        elif tag == "select":
            if self._select is not None:
                self._select.options = [
                    (o[2].strip() if o[0] is None else o[0], o[1]) for o in self._select.options
                ]
            self._select = None
        elif tag == "option":
            self._option = None


def parse_forms(page: str) -> list[Form]:
    """The page's POST forms, with `error` set on fields that show an error message."""
    parser = _FormParser()
    parser.feed(page)
    parser.close()
    for form in parser.forms:
        for element_id, name in form.ids.items():
            if element_id in parser.error_ids:
                for f in form.fields:
                    if f.name == name:
                        f.error = True
    return parser.forms


def form_has_errors(form: Form) -> bool:
    return any(f.error for f in form.fields)


# ---------------------------------------------------------------- inert pages


class _ActiveMarkup(html.parser.HTMLParser):
    """Collects what a browser would run from our payloads: scripts, handlers, script URLs.

    An <img src=x> alone is not counted: Markdown may show images, and nh3 strips the handler.
    """

    URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert(" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in self.URL_ATTRS and re.sub(r"\s", "", value).lower().startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def active_markup(page: str) -> list[str]:
    """Payload markup that a browser would run on this page (empty when the page is inert)."""
    parser = _ActiveMarkup()
    parser.feed(page)
    parser.close()
    return parser.found


def assert_inert(response, where: str) -> None:
    """An HTML response shows our payloads as text only."""
    if "html" not in (response.content_type or ""):
        return
    found = active_markup(response.get_data(as_text=True))
    assert not found, f"{where}: hostile markup is live in the page: {found[:3]}"


# ---------------------------------------------------------------- storage


def stored_forms(value: str) -> set[str]:
    """What a faithful store may keep of a value: itself, or with its edges' spaces stripped."""
    out = {value, value.strip(), value.replace("\r\n", "\n"), value.replace("\r\n", "\n").strip()}
    return {v for v in out if v}


def _walk(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk(v)
    elif isinstance(value, str):
        yield value


def find_stored(db, value: str) -> list[tuple[str, int | None]]:
    """Where a value is stored in any text or JSON column: [(table.column, declared length)]."""
    wanted = stored_forms(value)
    hits = []
    for table in db.metadata.sorted_tables:
        columns = [
            c
            for c in table.columns
            if isinstance(c.type, sa.String | sa.Text | sa.JSON) and not isinstance(c.type, sa.Enum)
        ]
        if not columns:
            continue
        for row in db.session.execute(sa.select(*columns)):
            for column, cell in zip(columns, row, strict=True):
                cells = _walk(cell) if isinstance(column.type, sa.JSON) else [cell]
                if any(isinstance(c, str) and (c in wanted) for c in cells):
                    hits.append(
                        (f"{table.name}.{column.name}", getattr(column.type, "length", None))
                    )
    return hits


# ---------------------------------------------------------------- the world


class HostileWorld(World):
    """The permission tests' world, plus the states that make more forms appear."""

    @cached_property
    def applicant(self):
        """An expert waiting for vetting (the vetting page shows its form)."""
        return self.make.expert(status="applied")

    @cached_property
    def completed(self):
        """The other expert's completed assignment on the Action (to evaluate)."""
        from roster.actions.states import AssignmentState
        from roster.experts.models import Expert
        from tests.actions import helpers

        other = self.db.session.scalar(sa.select(Expert).where(Expert.user_id == self.other.id))
        return helpers.assignment(self.db, other, self.action, state=AssignmentState.COMPLETED)

    @cached_property
    def module(self):
        """A published module in English and French, its slug new in each world state."""
        from tests.toolkit.conftest import build_module

        self._modules = getattr(self, "_modules", 0) + 1
        return build_module(self.db, slug=f"online-facilitation-{self._modules}")

    # What a form can use up: answered, declined, vetted, every language added.
    RENEWABLE = (
        "action",
        "activity",
        "assignment",
        "completed",
        "applicant",
        "partner_request",
        "module",
        "section",
        "document",
        "revision",
        "certificate",
        "attachment",
        "call",
        # a moderator's form removes the owner from the community: a new one has them again
        "community",
        "membership",
        "thread",
        "post",
        "community_file",
        "report",
        "event",
    )

    def renew(self) -> None:
        """Forget the objects a form may have used up; they are made anew when next needed."""
        for name in self.RENEWABLE:
            self.__dict__.pop(name, None)
        self.assignment  # noqa: B018  (the owner's invitations page lists it)

    def build(self) -> "HostileWorld":
        """Make everything at once: discovery must see every page in its fullest state."""
        for name in ("expert", "other", "staff", "admin", "assignment", "completed", "applicant"):
            getattr(self, name)
        for name in ("focal_point",):
            getattr(self, name)
        self.partner_request  # noqa: B018
        self.partner  # noqa: B018
        self.activity  # noqa: B018
        self.module  # noqa: B018
        return self


ARGS = {**WORLD_ARGS, "assignment_id": lambda w: w.completed.id}


def page_variants(app) -> list[tuple[str, str, dict]]:
    """(endpoint, rule, extra values) for every GET page; enumerable arguments take each value."""
    from roster.experts.steps import FORMS as STEP_FORMS

    # "@name": the id of the world's object of that name.
    variants = {
        "experts.edit_step": [{"step": s} for s in STEP_FORMS],
        "experts.detail": [{}, {"expert_id": "@applicant"}],
    }
    out = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule)):
        if rule.endpoint == "static" or "GET" not in rule.methods:
            continue
        for extra in variants.get(rule.endpoint, [{}]):
            out.append((rule.endpoint, rule.rule, extra))
    return out


def build_url(app, world, endpoint: str, rule_text: str, extra: dict) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.rule == rule_text)
    values = {}
    for name in rule.arguments:
        if name in extra:
            value = extra[name]
            values[name] = getattr(world, value[1:]).id if str(value).startswith("@") else value
        elif name in ENDPOINT_ARGS.get(endpoint, {}):
            values[name] = ENDPOINT_ARGS[endpoint][name]
        else:
            values[name] = ARGS[name](world)
    return rule.build(values)[1]


def sign_in(client, world, role: str) -> None:
    """Make the test client's next requests come from this caller (second factor checked)."""
    with client.session_transaction() as session:
        session.clear()
        if role != "anonymous":
            session["_user_id"] = open_session(getattr(world, role))  # a server-side session
            world.db.session.commit()
            session["_fresh"] = True
            # A full sign-in, as tests/conftest.py's login: second factor checked, clocks started.
            session["_tfa"] = True
            session["_auth_at"] = session["_seen_at"] = time.time()
    flask.g.pop("_login_user", None)
    flask.g.pop("_flask_babel", None)
