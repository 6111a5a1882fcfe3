"""Security headers and cookies in development and production, and templates that keep to the
Content-Security-Policy (no inline script or style, no on*= handler, no javascript: URL)."""

import io
import re
from pathlib import Path

import pytest

from config import ProductionConfig
from roster import create_app
from roster.auth.tokens import reset_token
from roster.extensions import db as _db
from roster.security_headers import CONTENT_SECURITY_POLICY
from tests.builders import PASSWORD, Builders
from tests.toolkit.conftest import build_module

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# Mails are read in mail clients, under no policy of ours; every page template is checked.
SCANNED = sorted(
    p for p in TEMPLATES.rglob("*.html") if "mail" not in p.relative_to(TEMPLATES).parts
)

INLINE = {
    "inline <script> (use a file under static/js)": re.compile(
        r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I
    ),
    "<style> block (use a file under static/css)": re.compile(r"<style\b", re.I),
    "style= attribute (use a class)": re.compile(r"\sstyle\s*=", re.I),
    "on*= handler (use addEventListener in a static script)": re.compile(
        r"\son[a-z]+\s*=\s*[\"'{]", re.I
    ),
    "javascript: URL": re.compile(r"javascript\s*:", re.I),
}


def inline_code(text: str) -> list[tuple[int, str]]:
    """(line number, what) for each piece of inline code the policy would refuse."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [(number, what) for what, pattern in INLINE.items() if pattern.search(line)]
    return found


def test_templates_hold_no_inline_script_style_or_handler():
    assert len(SCANNED) > 50 and TEMPLATES / "base.html" in SCANNED  # it sees the templates
    problems = [
        f"{path.relative_to(TEMPLATES.parent)}:{number}: {what}"
        for path in SCANNED
        for number, what in inline_code(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "Refused by the Content-Security-Policy:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<script type="module">x()</script>',
        "<style>p { color: red }</style>",
        '<div class="a" style="width: 3%">',
        '<button onclick="go()">',
        "<img src=x onerror='x()'>",
        '<a href="JavaScript:go()">',
    ],
)
def test_the_scan_finds_inline_code(snippet):
    assert inline_code(f"<p>fine</p>\n{snippet}") != []
    assert inline_code(f"<p>fine</p>\n{snippet}")[0][0] == 2


def test_the_scan_lets_external_scripts_and_data_attributes_pass():
    fine = (
        '<script src="/static/js/x.js"></script>\n'
        '<div data-height="40" class="w-pct-40" aria-label="on=off">'
    )
    assert inline_code(fine) == []


def test_every_response_carries_the_headers(client):
    response = client.get("/")
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    policy = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    for directive in ("script-src", "style-src", "img-src", "default-src"):
        assert policy[directive] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert (policy["object-src"], policy["base-uri"], policy["frame-ancestors"]) == (
        "'none'",
        "'none'",
        "'none'",
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP in development
    for other in (
        client.get("/healthz"),
        client.get("/no-such-page"),
        client.get("/api/v1/themes"),
    ):
        assert other.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert other.headers["X-Frame-Options"] == "DENY"


def test_signed_in_pages_are_not_stored_but_static_files_are(client, login, make):
    assert "no-store" not in client.get("/auth/login").headers.get("Cache-Control", "")
    login(make.user())
    assert client.get("/auth/account").headers["Cache-Control"] == "no-store"
    assert client.get("/toolkit/").headers["Cache-Control"] == "no-store"
    with client.get("/static/css/app.css") as static:
        assert "no-store" not in static.headers.get("Cache-Control", "")


def test_a_stricter_policy_set_by_a_view_is_kept(client, db, login, make):
    module = build_module(db)
    login(make.staff())
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    client.post(f"/toolkit/manage/{module.id}/files", data={"file": (io.BytesIO(png), "d.png")})
    db.session.expire_all()
    with client.get(f"/toolkit/files/{module.attachments[0].id}/d.png") as served:
        assert served.status_code == 200
        assert served.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_development_cookies_work_over_plain_http(client, make):
    make.user(email="ana@example.org")
    response = client.post(
        "/auth/login", data={"email": "ana@example.org", "password": PASSWORD, "remember": "y"}
    )
    cookies = response.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session and "SameSite=Lax" in session and "Secure" not in session


@pytest.fixture
def production(database_url, _pg_schema, tmp_path, monkeypatch):
    """The app under ProductionConfig, over the test database, served as if over HTTPS."""
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    monkeypatch.setenv("ALLOW_SQLITE_IN_PRODUCTION", "1")
    monkeypatch.setenv("DATABASE_URL", database_url or "sqlite://")
    monkeypatch.setenv("EXTERNAL_BASE_URL", "https://roster.example.org")
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)  # init() sets it: undone after
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url or "sqlite://",
            "INSTANCE_DIR": tmp_path,
            "UPLOAD_DIR": tmp_path / "uploads",
            "OUTBOX_DIR": tmp_path / "outbox",
            "RATELIMIT_ENABLED": False,
        },
        config_name="production",
    )
    assert app.config["SESSION_COOKIE_SECURE"] and not app.testing
    with app.app_context():
        if database_url is None:
            _db.create_all()
        yield app
        _db.session.remove()
        if database_url is not None:
            with _db.engine.begin() as conn:
                tables = ", ".join(f'"{t.name}"' for t in _db.metadata.sorted_tables)
                conn.execute(_db.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        _db.engine.dispose()


def test_production_adds_hsts(production):
    response = production.test_client().get("/", base_url="https://roster.example.org")
    assert response.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


SITE = "https://roster.example.org"


def csrf_token(page) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)


def referer(page) -> dict:
    """The Referer a browser sends from that page under its Referrer-Policy (same origin)."""
    if page.headers["Referrer-Policy"] == "no-referrer":
        return {}
    assert page.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    return {"Referer": page.request.url}


def test_production_cookies_are_secure_host_only_and_same_site(production):
    Builders(_db).user(email="ana@example.org")  # an expert: no second factor needed
    client = production.test_client()
    page = client.get("/auth/login", base_url=SITE)
    response = client.post(
        "/auth/login",
        base_url=SITE,
        headers=referer(page),  # over HTTPS the CSRF check also wants a same-origin Referer
        data={
            "email": "ana@example.org",
            "password": PASSWORD,
            "remember": "y",
            "csrf_token": csrf_token(page),
        },
    )
    assert response.status_code == 302, response.text
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    session, remember = cookies["__Host-session"], cookies["__Host-remember"]
    for cookie in (session, remember):
        assert "; Secure" in cookie and "; HttpOnly" in cookie and "; Path=/" in cookie
        assert "Domain=" not in cookie  # __Host- cookies must name no domain
    assert "SameSite=Lax" in session  # carried by an e-mailed link, a visit from elsewhere
    assert "SameSite=Strict" in remember
    assert client.get("/auth/account", base_url=SITE).headers["Cache-Control"] == "no-store"


def test_production_password_reset_from_the_mailed_link(production):
    """Over HTTPS with CSRF on: the token leaves the address, and the form still posts."""
    user = Builders(_db).user(email="ana@example.org")
    client = production.test_client()
    moved = client.get(f"/auth/reset/{reset_token(user)}", base_url=SITE)
    assert moved.status_code == 302 and moved.headers["Location"] == "/auth/reset"
    assert moved.headers["Referrer-Policy"] == "no-referrer"
    form = client.get("/auth/reset", base_url=SITE)
    assert form.status_code == 200 and form.headers["Cache-Control"] == "no-store"
    new = "seven lanterns over the bay"
    saved = client.post(
        "/auth/reset",
        base_url=SITE,
        headers=referer(form),
        data={"password": new, "confirm": new, "csrf_token": csrf_token(form)},
    )
    assert saved.status_code == 302, saved.text
    _db.session.refresh(user)
    assert user.check_password(new)


def test_production_database_errors_name_no_values(production):
    """A logged database error (an IntegrityError, say) shows the statement, not the data."""
    from roster.auth.models import User

    assert _db.engine.hide_parameters
    Builders(_db).user(email="ana@example.org")
    _db.session.add(User(email="ana@example.org", password_hash="secret-hash-value"))
    with pytest.raises(_db.exc.IntegrityError) as error:
        _db.session.flush()
    _db.session.rollback()
    assert "secret-hash-value" not in str(error.value)
    assert "hidden due to hide_parameters" in str(error.value)
