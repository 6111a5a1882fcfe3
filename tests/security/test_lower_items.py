"""The lower findings of the outside probe: spreadsheet formulas behind French and Spanish
separators, backups readable by their owner only, two-factor secrets encrypted at rest, the
demo kept out of production, "forgot password" doing the same work for any address (see
tests/auth/test_reset.py), breached and published passwords, 405 with Allow, and 401 for an
API write without credentials."""

import csv
import io
import stat
import tarfile

import pytest
import sqlalchemy as sa
from flask_migrate import stamp

from roster.auth.models import User
from roster.auth.passwords import DEMO_PASSWORD, password_problems
from roster.core.crypto import decrypt_secret
from roster.core.csv_download import csv_text
from roster.extensions import db as _db
from roster.ops.backup import make_backup
from tests.auth.twofactor_helpers import enrol, password_step
from tests.ops.helpers import app_on, scratch_database

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

HOSTILE = [
    "=1+2",
    "+SUM(1;2)",
    "-2+3",
    "@SUM(A1)",
    "\t=HYPERLINK(1)",
    "'=cmd|' /C calc'!A0",
    "' +1",
    'Lyon;=HYPERLINK("http://x.example";"clic")',
    "Madrid; -1+1",
    "x,=1+1",
    "ok|@SUM(1)",
    'quoted";=1+1',
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


@pytest.mark.parametrize("separator", [";", ",", "|"])
def test_no_cell_is_a_formula_whatever_separator_the_spreadsheet_uses(separator):
    """A French or Spanish spreadsheet splits on ";" (some ignore the quotes): read the file
    as each would, with and without quote handling, and no cell may start a formula."""
    text = csv_text(["name", "city"], [[cell, cell] for cell in HOSTILE]).lstrip("\ufeff")
    for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_NONE):
        reader = csv.reader(io.StringIO(text), delimiter=separator, quoting=quoting)
        for row in reader:
            for cell in row:
                cell = cell.strip('"') if quoting == csv.QUOTE_NONE else cell
                assert not cell.lstrip(" ").startswith(TRIGGERS), (separator, quoting, cell)


def test_the_text_survives_after_its_guard():
    rows = list(csv.reader(io.StringIO(csv_text(["h"], [[c] for c in HOSTILE]).lstrip("\ufeff"))))
    cells = [row[0] for row in rows[1:]]
    assert cells[0] == "'=1+2" and cells[5] == "''=cmd|' /C calc'!A0"
    assert cells[7] == 'Lyon;\'=HYPERLINK("http://x.example";"clic")'
    assert csv_text(["a"], [["plain; text, fine"]]).endswith('"plain; text, fine"\r\n')


@pytest.mark.timeout(240)
def test_a_backup_is_written_for_its_owner_only_and_holds_no_clear_secret(database_url, tmp_path):
    with scratch_database(database_url, tmp_path, "backup") as url:
        app = app_on(url, tmp_path / "home")
        with app.app_context():
            _db.create_all()
            stamp()
            user = User(email="sam@example.org")
            user.totp_secret = SECRET
            _db.session.add(user)
            _db.session.commit()
            archive = make_backup(app, tmp_path, echo=lambda *_: None)
            _db.session.remove()
            _db.engine.dispose()
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.isfile():
                assert SECRET.encode() not in tar.extractfile(member).read(), member.name


def test_two_factor_secrets_are_encrypted_at_rest(app, db, make):
    user = make.staff()
    secret = enrol(db, user)
    stored = db.session.execute(
        sa.text('SELECT totp_secret FROM "user" WHERE id = :id'), {"id": user.id}
    ).scalar()
    assert secret not in stored and stored.startswith("gAAAAA")
    assert decrypt_secret(stored) == secret
    # Another key (TOTP_ENCRYPTION_KEY, or another SECRET_KEY) cannot read it.
    app.config["TOTP_ENCRYPTION_KEY"] = "kVmN3xxwW2bzW5B5VQ2xqKQ5T2Ih4xZ4o1y8vJ0m9cE="
    with pytest.raises(RuntimeError, match="cannot be decrypted"):
        decrypt_secret(stored)


def test_a_secret_stored_in_clear_is_encrypted_when_next_used(app, client, db, make):
    from tests.auth.twofactor_helpers import code, second_step

    user = make.staff(email="sam@example.org")
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    user.totp_secret_stored = secret  # as the column held it before encryption
    db.session.commit()
    password_step(client, "sam@example.org")
    assert second_step(client, code(secret)).status_code == 302
    db.session.expire_all()
    stored = db.session.get(User, user.id).totp_secret_stored
    assert stored.startswith("gAAAAA") and decrypt_secret(stored) == secret


def test_seed_demo_refuses_to_run_in_production(app, runner, db):
    from config import ProductionConfig

    assert ProductionConfig.DEMO_DATA_ALLOWED is False
    app.config["DEMO_DATA_ALLOWED"] = False
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "not allowed here" in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


@pytest.mark.parametrize("password", ["jesuisleroi", "contrasena2020", DEMO_PASSWORD])
def test_breached_and_published_passwords_are_refused(app, password):
    with app.test_request_context():
        assert any("too common" in p for p in password_problems(password, "ana@example.org"))


def test_the_demo_password_signs_in_only_where_the_demo_is_allowed(app, client, make):
    user = make.user(email="ana@example.org", password="unused placeholder words")
    user.set_password(DEMO_PASSWORD)  # as seed-demo sets it
    _db.session.commit()
    app.config["DEMO_DATA_ALLOWED"] = False
    refused = password_step(client, "ana@example.org", password=DEMO_PASSWORD)
    assert refused.status_code == 200 and "published with the demo" in refused.text
    app.config["DEMO_DATA_ALLOWED"] = True
    assert password_step(client, "ana@example.org", password=DEMO_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("get", "/auth/logout", {"POST", "OPTIONS"}),
        ("delete", "/api/v1/experts", {"GET", "HEAD", "OPTIONS"}),
        ("get", "/api/v1/matches", {"POST", "OPTIONS"}),
    ],
)
def test_405_says_which_methods_are_allowed(client, method, path, allowed):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed


@pytest.mark.parametrize("path", ["/api/v1/matches", "/api/v1/actions/1/status"])
def test_an_api_write_without_credentials_is_401_even_with_csrf_on(app, client, path):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post(path, json={"text": "asylum"})
    assert response.status_code == 401 and response.is_json
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_signed_in_browser_still_needs_its_csrf_token_for_api_writes(app, client, make, login):
    login(make.staff())
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/api/v1/matches", json={"text": "asylum"})
    assert response.status_code == 400
