"""CSV import: bad rows reported with line and reason, good rows kept, re-import idempotent."""

import csv
import io
import json
from datetime import date

import pytest
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.experts.models import Expert, ImportJob, Status

HEADER = (
    "first_name,last_name,email,phone,nationality,employer,employer_type,position,"
    "years_experience,biography,themes,languages,countries,status,joined_on\n"
)
GOOD = (
    'Amina,Diallo,Amina.Diallo@example.org,,SN,Ministry,partner_admin,Head,12,"Borders, data",'
    '"asylum:senior; migration-data:working","fr:native; en:C1","SN; ML",approved,2021-03-15\n'
)
CSV = (
    HEADER
    + GOOD
    + "Bad,Mail,not-an-email,,,,,,,,,,,,\n"
    + 'Jo,Smith,jo@example.org,,,,,,,,"unknown-theme:senior",,,,\n'
    + "Li,Wei,li@example.org,,,,,,200,,,,,,\n"
    + "Ola,Nowak,ola@example.org,,,,,,,,,pl:C9,,,\n"
    + "Eva,Berg,eva@example.org,,,,,,,,,,,,2021-02-30\n"
    + "Max,Muster,max@example.org,,DE,,,,3,,,de:native,AT,applied,\n"
)


@pytest.fixture
def themes(make):
    make.theme("asylum")
    make.theme("migration-data")


def count(db) -> int:
    return db.session.scalar(sa.select(sa.func.count(Expert.id)))


def post_csv(client, text: str, name: str = "experts.csv"):
    return client.post(
        "/experts/import",
        data={"file": (io.BytesIO(text.encode("utf-8")), name)},
        content_type="multipart/form-data",
    )


def test_page_import_reports_bad_rows_and_keeps_good_ones(client, make, login, themes, db):
    login(make.staff())
    response = post_csv(client, CSV)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for line, reason in [
        (3, "not a valid address"),
        (4, "unknown theme"),
        (5, "years_experience"),
        (6, "C9"),
        (7, "not a date"),
    ]:
        assert f"<td>{line}</td><td>" in html and reason in html
    assert count(db) == 2
    amina = db.session.scalar(sa.select(Expert).filter_by(last_name="Diallo"))
    assert amina.email == "Amina.Diallo@example.org" and amina.user_id is None
    assert amina.status == Status.APPROVED and amina.joined_on == date(2021, 3, 15)
    assert {(t.theme.slug, t.depth.value) for t in amina.themes} == {
        ("asylum", "senior"),
        ("migration-data", "working"),
    }
    assert {(x.code, x.level) for x in amina.languages} == {("fr", "native"), ("en", "C1")}
    assert sorted(c.country_code for c in amina.countries) == ["ML", "SN"]
    assert db.session.scalar(sa.select(AuditEvent).filter_by(action="experts_imported"))


def test_reimport_creates_no_duplicates_and_updates_by_email(client, make, login, themes, db):
    login(make.staff())
    post_csv(client, CSV)
    html = post_csv(client, CSV.replace("Amina.Diallo@", "AMINA.DIALLO@").replace(",12,", ",13,"))
    assert count(db) == 2
    amina = db.session.scalar(sa.select(Expert).filter_by(last_name="Diallo"))
    assert amina.years_experience == 13
    text = html.get_data(as_text=True)
    assert "Created: 0" in text and "Updated: 1" in text and "Unchanged: 1" in text


def test_import_without_required_columns_is_refused(client, make, login, db):
    login(make.staff())
    response = post_csv(client, "name,mail\nA,b@example.org\n")
    assert response.status_code == 422
    assert "missing: first_name, last_name, email" in response.get_data(as_text=True)
    assert count(db) == 0


def test_semicolon_separated_file_from_excel(client, make, login, themes, db):
    login(make.staff())
    text = "first_name;last_name;email;languages\nAnna;Kern;anna@example.org;de:native, en:C1\n"
    post_csv(client, text)
    anna = db.session.scalar(sa.select(Expert).filter_by(last_name="Kern"))
    assert {x.code for x in anna.languages} == {"de", "en"}


def test_large_file_runs_as_a_job_with_progress_page(client, make, login, app, themes, db):
    app.config.update(IMPORT_BACKGROUND_ROWS=5, IMPORT_INLINE=True)
    login(make.staff())
    rows = "".join(f"P{i},Q{i},p{i}@example.org,,,,,,,,,,,,\n" for i in range(12))
    response = post_csv(client, HEADER + rows + "Bad,Row,nope,,,,,,,,,,,,\n", "big.csv")
    job = db.session.scalar(sa.select(ImportJob))
    assert response.headers["Location"].endswith(f"/experts/import/{job.id}")
    assert job.status == "done" and job.created_count == 12 and job.failed_count == 1
    assert json.loads(job.report) == [
        {"line": 14, "reason": "email: 'nope' is not a valid address"}
    ]
    html = client.get(f"/experts/import/{job.id}").get_data(as_text=True)
    assert "12 created" in html and "<td>14</td>" in html
    assert 'http-equiv="refresh"' not in html
    assert count(db) == 12


def test_running_job_page_refreshes_itself(client, make, login, db):
    job = ImportJob(filename="big.csv", status="running", total_rows=100, processed_rows=40)
    db.session.add(job)
    db.session.commit()
    login(make.staff())
    html = client.get(f"/experts/import/{job.id}").get_data(as_text=True)
    assert 'http-equiv="refresh"' in html and 'aria-valuenow="40"' in html


def test_template_csv_has_the_documented_columns(client, make, login):
    login(make.staff())
    text = client.get("/experts/import/template.csv").data.decode("utf-8-sig")
    # Every field is quoted (the download's formula guard): read it as a spreadsheet would.
    assert next(csv.reader(io.StringIO(text))) == HEADER.strip().split(",")


def test_experts_cannot_import(client, make, login, db):
    login(make.user())
    assert post_csv(client, CSV).status_code == 403
    assert count(db) == 0


def test_command_imports_with_progress_and_report(runner, themes, db, tmp_path):
    path = tmp_path / "experts.csv"
    path.write_text(CSV, encoding="utf-8")
    result = runner.invoke(args=["import-experts", str(path)])
    assert result.exit_code == 0, result.output
    assert "line 3: email: 'not-an-email' is not a valid address" in result.output
    assert "2 created, 0 updated, 0 unchanged, 5 failed" in result.output
    again = runner.invoke(args=["import-experts", str(path)])
    assert "0 created, 0 updated, 2 unchanged, 5 failed" in again.output
    assert count(db) == 2


def test_command_refuses_a_file_without_header(runner, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("hello,world\n")
    result = runner.invoke(args=["import-experts", str(path)])
    assert result.exit_code != 0 and "missing" in result.output


def test_page_without_a_file_says_so(client, make, login):
    login(make.staff())
    response = client.post("/experts/import", data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a CSV file to import." in response.get_data(as_text=True)


def test_binary_file_is_refused(client, make, login, db):
    login(make.staff())
    response = client.post(
        "/experts/import",
        data={"file": (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), "photo.csv")},
        content_type="multipart/form-data",
    )
    assert "not a CSV text file" in response.get_data(as_text=True)
    assert count(db) == 0


def test_the_template_imports_as_downloaded_with_the_taxonomy_in_use(
    client, make, login, runner, db
):
    """The template's themes come from the taxonomy: the file imports with no failed row."""
    assert runner.invoke(args=["seed-taxonomy"]).exit_code == 0
    login(make.staff())
    text = client.get("/experts/import/template.csv").data.decode("utf-8-sig")
    response = post_csv(client, text, "experts-template.csv")
    assert response.status_code == 200
    assert "1 created" in response.text and "0 failed" in response.text, response.text
    (row,) = csv.DictReader(io.StringIO(text))
    listed = {part.split(":")[0].strip() for part in row["themes"].split(";")}
    expert = db.session.scalar(sa.select(Expert))
    assert len(listed) == 2 and {t.theme.slug for t in expert.themes} == listed


def test_the_template_has_no_theme_when_the_taxonomy_is_empty(client, make, login, db):
    login(make.staff())
    text = client.get("/experts/import/template.csv").data.decode("utf-8-sig")
    assert "0 failed" in post_csv(client, text).text
