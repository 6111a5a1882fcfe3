"""Hostile input through every form of the app: stored faithfully, shown inert, never a 500.

The forms are found, not listed: at collection every GET page of the URL map is opened by
an anonymous visitor, an expert (the owner of the profile the URLs name), staff and an
admin, in a world with an Action, a request, a module, an applicant and assignments
(tests/security/hostile.py); every <form method=post> with a free-text field becomes a
case, named by the caller, the form's action and its field. A new form is attacked
without editing this file.

For each (form, field), a valid submission (the form's own values, each select's first
real option, fillers for required fields) is sent with hostile strings in that field. The
answer is never a 5xx; it either accepts the value, which is then found unchanged (or with
its edges' spaces stripped) in the database, within its column's declared length, or
refuses it with an error next to the field and the typed text kept in the re-rendered form.
A NUL byte may instead be refused for the whole request (a 400: PostgreSQL cannot store it).
Every page on the way (the answer, the page it redirects to, the form again) shows the
strings as text: no live <script>, on* handler, img src=x or javascript: link.
"""

import csv
import io
import itertools
import re
import urllib.parse
from dataclasses import dataclass
from datetime import date, timedelta
from unittest import mock

import pytest

from roster import create_app
from roster.extensions import db as _db
from tests.builders import PASSWORD, Builders
from tests.experts.pdfs import make_pdf
from tests.security.hostile import (
    HOSTILE,
    MARKUP,
    ROLES,
    Form,
    HostileWorld,
    assert_inert,
    build_url,
    find_stored,
    form_has_errors,
    page_variants,
    parse_forms,
    sign_in,
)
from tests.test_permissions import EXPECTED
from tests.test_permissions import _fast_hash as fast_hash

pytestmark = pytest.mark.slow

_fill_seq = itertools.count(1)
# (page endpoint, field): fields a form reads but does not keep. The public request form's
# "website" is a honeypot: a robot fills it, and its request is dropped without a word.
NOT_STORED = {("actions.request_support", "website")}
# Documented normalisation of a value shown back in a refused form: slugs are lower-cased.
SHOWN_AS = {"slug": lambda value: value.strip().lower()}


def _days_ahead(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


# Values a valid submission needs that the page does not show, or that only another field
# makes required: (page endpoint, field) -> value from the world.
FILL = {
    ("auth.login", "email"): lambda world: world.owner.email,
    ("auth.login", "password"): lambda world: PASSWORD,
    ("actions.create_request", "institution_name"): lambda world: "Ministry of filler",
    ("actions.edit_request", "institution_name"): lambda world: "Ministry of filler",
    # The world's activity is in 2021: a call is for work ahead, its deadline before it.
    ("opportunities.create_call", "start_on"): lambda world: _days_ahead(60),
    ("opportunities.create_call", "deadline"): lambda world: _days_ahead(30),
    # Staff add a person by their account's address: the other expert, not yet in it.
    ("communities.members", "email"): lambda world: world.other.email,
}
# Forms no submission built from the page can pass: only their refusals are tested.
UNFILLABLE = {"/auth/account/two-factor": "needs a code from the authenticator app"}


@dataclass(frozen=True)
class FormCase:
    """Where a form is shown, to whom, and how to find it again on the page."""

    endpoint: str
    rule: str
    extra: tuple
    role: str
    key: str
    fields: tuple[str, ...]

    @property
    def label(self) -> str:
        page = self.endpoint + "".join(f"/{v}" for _k, v in self.extra)
        action = self.key.split("[")[0]
        return f"{self.role}:{page}" + (f">{action}" if action else "")


def _callers(endpoint: str) -> list[str]:
    """The callers the permission table lets in; admins only where staff may not go."""
    row = EXPECTED.get(endpoint, {})
    callers = [role for role in ROLES if row.get(role, "ok") == "ok"]
    if "staff" in callers and "admin" in callers:
        callers.remove("admin")
    return callers


def _discover() -> list[FormCase]:
    """Open every page as each caller on a throwaway in-memory world; keep each POST form once."""
    import tempfile
    from pathlib import Path

    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "INSTANCE_DIR": tmp,
            "UPLOAD_DIR": tmp / "uploads",
            "OUTBOX_DIR": tmp / "outbox",
        }
    )
    cases: dict[str, FormCase] = {}
    with app.app_context(), mock.patch("roster.auth.models.generate_password_hash", fast_hash):
        _db.create_all()
        world = HostileWorld(Builders(_db), _db).build()
        client = app.test_client()
        for endpoint, rule, extra in page_variants(app):
            url = build_url(app, world, endpoint, rule, extra)
            for role in _callers(endpoint):
                sign_in(client, world, role)
                try:
                    response = client.get(url)
                except Exception:  # noqa: S112  (a broken page is the permission tests' finding)
                    continue
                page = response.get_data(as_text=True) if response.status_code == 200 else ""
                response.close()
                if "<form" not in page:
                    continue
                for form in parse_forms(page):
                    texts = tuple(f.name for f in form.text_fields())
                    # A form that posts to its own page is that page's form.
                    key = (
                        form.key if form.action else f"{endpoint}{sorted(extra.items())}{form.key}"
                    )
                    if texts and key not in cases:
                        cases[key] = FormCase(
                            endpoint, rule, tuple(sorted(extra.items())), role, form.key, texts
                        )
        _db.session.remove()
        _db.engine.dispose()
    return list(cases.values())


FORMS = _discover()


def _field_cases():
    """(form, field) pairs; of repeated rows (periods-0-note, periods-1-note) only the first."""
    for case in FORMS:
        seen = set()
        for name in case.fields:
            shape = re.sub(r"-[0-9]+-", "-N-", name)
            if shape not in seen:
                seen.add(shape)
                yield case, name


FIELD_CASES = list(_field_cases())


def _strings_for(index: int, maxlength: int | None) -> dict[str, str]:
    """A markup string and another one, in turn over the fields; the maxlength edges if known."""
    others = [n for n in HOSTILE if n not in MARKUP]
    chosen = {n: HOSTILE[n] for n in (MARKUP[index % len(MARKUP)], others[index % len(others)])}
    if maxlength:
        chosen["at-maxlength"] = ("<i>é" * maxlength)[:maxlength]
        chosen["over-maxlength"] = ("<i>é" * (maxlength + 1))[: maxlength + 1]
    return chosen


def _filler(field) -> str:
    """A valid value for a required field the form leaves empty."""
    n = next(_fill_seq)
    text = f"filler-{n}"
    return {
        "email": f"filler{n}@example.org",
        "url": "https://example.org/",
        "tel": "+33 1 23 45 67 89",
        "date": "2021-06-01",
        "number": "1",
        "password": "Tq7!vLm2#pXz9wRb-filler",
    }.get(field.type or "", text + " filler" * (field.minlength // 7))


def submission(form: Form, overrides=None, world=None, endpoint: str = "") -> dict:
    """What a browser would send for the form as shown, with some fields replaced."""
    overrides = overrides or {}
    for (page, name), value in FILL.items():
        field = form.get(name)
        if page == endpoint and name not in overrides and field is not None and not field.value:
            overrides = {name: value(world), **overrides}
    data: dict[str, list] = {}
    submit_done = False
    for f in form.fields:
        if f.name in overrides:
            continue
        if f.type in ("submit", "button", "image", "reset"):
            if not submit_done and f.name != "preview":
                data.setdefault(f.name, []).append(f.value)
                submit_done = True
        elif f.type in ("checkbox", "radio"):
            if f.checked or (f.required and f.name not in data):
                data.setdefault(f.name, []).append(f.value or "on")
        elif f.type == "file":
            if f.required:
                data[f.name] = [(make_pdf(), "file.pdf")]
        elif f.tag == "select":
            # As a browser: the selected options, else a single select's first option (a real
            # one when the field is required).
            chosen = [v for v, selected in f.options if selected]
            if not chosen and not f.multiple:
                chosen = [v for v, _s in f.options][:1]
            if not any(chosen) and f.required:
                chosen = [v for v, _s in f.options if v][:1]
            if chosen:
                data.setdefault(f.name, []).extend(chosen)
        else:
            value = f.value
            if not value and f.required:
                value = _filler(f)
            data.setdefault(f.name, []).append(value)
    for name, value in overrides.items():
        data[name] = [value]
        row = re.match(r"(.*-[0-9]+-)", name)
        for f in form.fields if row else ():
            # A value typed in a row (a period's note) comes with the rest of its row.
            if f.name.startswith(row.group(1)) and f.type in ("date", "number") and not f.value:
                data[f.name] = [_filler(f)]
    return data


def _find(page: str, key: str) -> Form | None:
    return next((f for f in parse_forms(page) if f.key == key), None)


def _open_form(app, client, world, case: FormCase, renew: bool = True):
    """The case's form as its page shows it now; objects a form used up are made anew once."""
    url = build_url(app, world, case.endpoint, case.rule, dict(case.extra))
    sign_in(client, world, case.role)
    response = client.get(url)
    form = _find(response.get_data(as_text=True), case.key) if response.status_code == 200 else None
    if form is None and renew:
        world.renew()  # an invitation answered, a request declined, every language added...
        return _open_form(app, client, world, case, renew=False)
    assert form is not None, f"{case.label}: the form is not on {url} ({response.status_code})"
    return url, form


def _post(client, url: str, form: Form, data: dict):
    target = form.action or url
    multipart = "multipart" in form.enctype or any(
        isinstance(v, tuple) for values in data.values() for v in values
    )
    if multipart:
        import io

        body = {
            k: [(io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v for v in vs]
            for k, vs in data.items()
        }
        return client.post(target, data=body, content_type="multipart/form-data")
    return client.post(target, data=data)


@pytest.fixture(autouse=True)
def _hash_each_password_once(monkeypatch):
    """Every test builds the same accounts: hash each password once per run."""
    monkeypatch.setattr("roster.auth.models.generate_password_hash", fast_hash)


@pytest.fixture
def world(db, make):
    """The people, and the rest on first use (a page's URL asks for what it shows)."""
    world = HostileWorld(make, db)
    for name in ("expert", "other", "staff", "admin", "assignment"):
        getattr(world, name)
    return world


def test_the_forms_are_found():
    """Discovery reaches the public, expert, staff and admin forms (else it tests nothing)."""
    keys = " ".join(case.key for case in FORMS)
    for expected in (
        "title,website]",  # the public request form
        "biography",  # the expert's profile
        "body_markdown",  # toolkit authoring
        "label_en",  # taxonomy (admin)
        "decline-reason",  # request triage
    ):
        assert expected in keys, f"no form with {expected!r} was found: {keys}"
    assert {case.role for case in FORMS} >= {"anonymous", "owner", "staff", "admin"}
    assert len(FIELD_CASES) >= 60


FILLABLE = [c for c in FORMS if c.key.split("[")[0] not in UNFILLABLE]


@pytest.mark.parametrize("case", FILLABLE, ids=[c.label for c in FILLABLE])
def test_the_valid_submission_is_accepted(app, client, world, case):
    """The submission the attack builds on is a valid one: else the attack proves nothing."""
    url, form = _open_form(app, client, world, case)
    response = _post(client, url, form, submission(form, world=world, endpoint=case.endpoint))
    assert response.status_code < 500, f"{case.label}: {response.status_code}"
    if not 300 <= response.status_code < 400:
        again = _find(response.get_data(as_text=True), case.key)
        errors = sorted(f.name for f in again.fields if f.error) if again else []
        assert not errors, f"{case.label}: a plain valid submission was refused: {errors}"
        assert response.status_code == 200, f"{case.label}: refused ({response.status_code})"


@pytest.mark.parametrize(
    ("case", "name"),
    FIELD_CASES,
    ids=[f"{c.label}-{n}" for c, n in FIELD_CASES],
)
def test_hostile_text_in_every_field(app, client, db, world, case, name):
    """Each hostile string is accepted and kept as sent, or refused next to the field; inert."""
    index = FIELD_CASES.index((case, name))
    problems = []
    url, form = _open_form(app, client, world, case)
    for label, value in _strings_for(index, form.like(name).maxlength).items():
        for attempt in range(2):
            url, form = _open_form(app, client, world, case)
            name_now = form.like(name).name  # rows are named after their record's id
            data = submission(form, {name_now: value}, world, case.endpoint)
            response = _post(client, url, form, data)
            if response.status_code != 409 or attempt:
                break
            world.renew()  # the record moved on (an invitation already answered): a fresh one
        where = f"{case.label} {name}={label}"
        if response.status_code >= 500:
            problems.append(f"{where}: server error {response.status_code}")
            continue
        assert_inert(response, where)
        shown = None
        if not 300 <= response.status_code < 400:
            shown = _find(response.get_data(as_text=True), case.key)
        refused = shown is not None and form_has_errors(shown)
        if label == "nul-byte" and response.status_code == 400 and shown is None:
            continue  # refused for the whole request, with a message: documented
        if label == "over-maxlength" and not (refused and shown.like(name).error):
            problems.append(f"{where}: over maxlength, but no error next to the field")
        if refused:
            field = shown.like(name)
            kept = {value, value.strip(), value.replace("\r", "")}
            kept |= {SHOWN_AS[n](value) for n in SHOWN_AS if name.endswith(n)}
            if not field.error:
                bad = [f.name for f in shown.fields if f.error]
                problems.append(f"{where}: refused for other fields {bad}, not for the text")
            elif field.value not in kept:
                problems.append(f"{where}: the re-shown form lost the input: {field.value[:40]!r}")
            continue
        if 300 <= response.status_code < 400:
            target = client.get(response.headers["Location"])
            assert target.status_code < 500, f"{where}: the page after saving: {target.status_code}"
            assert_inert(target, f"{where} (after saving)")
        if (case.endpoint, name) in NOT_STORED:
            continue
        hits = find_stored(db, value)
        if not hits:
            problems.append(f"{where}: accepted, but not stored as sent")
        for column, length in hits:
            if length and len(value) > length:
                problems.append(
                    f"{where}: {len(value)} characters accepted into {column}({length})"
                )
    assert not problems, "\n".join(problems)


def _payload_for(field, index: int) -> str:
    """Markup for a field: all three payloads when they fit its maxlength, else one that does."""
    if field.type == "email":
        return _filler(field)
    if field.type == "url":
        return HOSTILE["js-url"]
    combined = " ".join(HOSTILE[n] for n in MARKUP)
    for text in (combined, HOSTILE[MARKUP[index % len(MARKUP)]], HOSTILE["script"]):
        if not field.maxlength or len(text) <= field.maxlength:
            return text
    return _filler(field)


def _fill_with_markup(app, client, world, case: FormCase) -> None:
    """Submit the form with markup in every text field; fields it refuses get a filler instead."""
    url, form = _open_form(app, client, world, case)
    overrides = {f.name: _payload_for(f, i) for i, f in enumerate(form.text_fields())}
    for _attempt in range(3):
        response = _post(client, url, form, submission(form, overrides, world, case.endpoint))
        assert response.status_code < 500, f"{case.label}: {response.status_code}"
        assert_inert(response, case.label)
        shown = None if 300 <= response.status_code < 400 else _find(response.text, case.key)
        if shown is None or not form_has_errors(shown):
            return
        for f in shown.fields:
            if f.error and f.name in overrides:
                overrides[f.name] = form.get(f.name).value or _filler(f)


def test_every_page_shows_hostile_text_inert(app, client, world):
    """Every form once, markup in every text field; then every page, for every caller, is inert."""
    world.build()
    for case in FILLABLE:
        if case.endpoint != "auth.login":
            _fill_with_markup(app, client, world, case)
    world.build()
    pages = 0
    for endpoint, rule, extra in page_variants(app):
        url = build_url(app, world, endpoint, rule, extra)
        for role in [r for r in ROLES if EXPECTED.get(endpoint, {}).get(r, "ok") == "ok"]:
            sign_in(client, world, role)
            response = client.get(url)
            response.close()
            assert response.status_code < 500, f"{role} GET {url}: {response.status_code}"
            assert_inert(response, f"{role} GET {url}")
            pages += "html" in response.content_type
    assert pages > 100


@pytest.mark.parametrize("case", FILLABLE, ids=[c.label for c in FILLABLE])
def test_text_that_is_not_utf8_is_never_a_server_error(app, client, world, case):
    """Invalid UTF-8 (an encoded lone surrogate, stray bytes) in every text field: no 5xx."""
    url, form = _open_form(app, client, world, case)
    data = submission(form, world=world, endpoint=case.endpoint)
    # Sent url-encoded, files left out: what is checked is how the text is decoded.
    raw = {k: [v.encode() for v in vs if isinstance(v, str)] for k, vs in data.items()}
    for f in form.text_fields():
        raw[f.name] = [b"\xed\xa0\x80 lone surrogate \xff\xfe\xc3"]
    body = urllib.parse.urlencode(raw, doseq=True)
    response = client.post(
        form.action or url, data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 500, f"{case.label}: {response.status_code}"
    assert_inert(response, case.label)


FORMULAS = {
    "first_name": "=cmd|' /C calc'!A0",
    "last_name": "+SUM(1;2)",
    "employer": "-2+3",
    "position": "@SUM(A1:A2)",
    "phone": '\t=HYPERLINK("http://example.org")',
}


def test_csv_exports_neutralise_formulas(app, client, db, make, world):
    """Every CSV the app serves: no cell a spreadsheet would run; the text kept after a '."""
    make.expert(themes={"asylum": "senior"}, **FORMULAS)
    make.region("asia").label_en = "=1+2"
    db.session.commit()
    seen = set()
    for endpoint, rule, extra in page_variants(app):
        url = build_url(app, world, endpoint, rule, extra)
        sign_in(client, world, "staff")
        response = client.get(url)
        response.close()
        if response.status_code != 200 or "csv" not in response.content_type:
            continue
        text = response.get_data(as_text=True).lstrip("\ufeff")
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (
                    f"{url}: a spreadsheet would run {cell!r}"
                )
                if cell.startswith("'") and cell[1:] in FORMULAS.values():
                    seen.add(cell[1:])
    assert seen >= set(FORMULAS.values()), f"the roster export lost {set(FORMULAS.values()) - seen}"


def test_csv_import_keeps_hostile_cells_as_text(app, client, db, world):
    """A CSV with markup, formulas and odd Unicode: stored as typed, shown inert."""
    from roster.experts.import_rows import COLUMNS
    from roster.experts.models import Expert

    cells = {
        "first_name": HOSTILE["script"],
        "last_name": HOSTILE["img-onerror"],
        "employer": FORMULAS["first_name"],
        "position": HOSTILE["rtl-override"],
        "biography": HOSTILE["markdown-js"] + " " + HOSTILE["zwj-emoji"],
        "email": "hostile.import@example.org",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow(cells)
    sign_in(client, world, "staff")
    response = client.post(
        "/experts/import",
        data={"file": (io.BytesIO(out.getvalue().encode()), "experts.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code < 500
    assert_inert(response, "the import report")
    expert = db.session.scalar(db.select(Expert).filter_by(email=cells["email"]))
    assert expert is not None, "the row was not imported"
    for name, value in cells.items():
        assert getattr(expert, name) == value.strip(), f"{name} was altered"
    for url in (f"/experts/{expert.id}", "/experts/", "/experts/vetting"):
        page = client.get(url)
        assert page.status_code < 500
        assert_inert(page, url)


def test_a_note_without_its_dates_is_refused_not_dropped(app, client, world):
    """A period's note typed without the period's dates: an error next to it, the note kept."""
    case = next(c for c in FORMS if c.extra == (("step", "availability"),))
    url, form = _open_form(app, client, world, case)
    note = form.like("periods-0-note").name
    response = _post(client, url, form, {**submission(form), note: [HOSTILE["script"]]})
    shown = _find(response.get_data(as_text=True), case.key)
    assert shown is not None and shown.get(note).error, "the note was dropped without a word"
    assert shown.get(note).value == HOSTILE["script"]
