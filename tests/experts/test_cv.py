"""CV upload: real PDFs read, anything else refused with a message; downloads audited."""

import io

import pytest
from pypdf import PdfWriter

from roster.audit.models import AuditEvent
from roster.experts.models import Expert, Status
from tests.experts.pdfs import make_pdf


@pytest.fixture
def owner(make, login):
    user = make.user()
    expert = make.expert(user=user, status=Status.DRAFT)
    login(user)
    return expert


def upload(client, expert, data: bytes, name: str = "my cv.pdf"):
    return client.post(
        f"/experts/{expert.id}/edit/cv",
        data={"version": str(expert.version), "cv": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_real_pdf_is_stored_and_its_text_extracted(client, owner, app, db):
    response = upload(client, owner, make_pdf("Trafficking in human beings, Benin"))
    assert response.status_code == 302
    expert = db.session.get(Expert, owner.id)
    assert "Trafficking in human beings" in expert.cv_text
    assert expert.cv_filename == "my_cv.pdf"
    stored = app.config["UPLOAD_DIR"] / "cv" / expert.cv_path
    assert stored.read_bytes().startswith(b"%PDF-")
    assert "my" not in expert.cv_path and expert.cv_path.endswith(".pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Just text, named like a PDF", "not a PDF"),
        (b"%PDF-1.4\nthis is not really a pdf at all", "damaged"),
        (b"", "empty"),
    ],
)
def test_non_pdf_files_are_refused(client, owner, db, data, message):
    response = upload(client, owner, data, "cv.pdf")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html and 'id="cv-error"' in html
    assert db.session.get(Expert, owner.id).cv_path is None


def test_encrypted_pdf_is_refused(client, owner, db):
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    response = upload(client, owner, buffer.getvalue())
    assert "protected by a password" in response.get_data(as_text=True)
    assert db.session.get(Expert, owner.id).cv_path is None


def test_oversize_file_is_refused(client, owner, app, db):
    app.config["CV_MAX_BYTES"] = 300
    response = upload(client, owner, make_pdf() + b"%" * 400)
    assert "too large" in response.get_data(as_text=True)
    assert db.session.get(Expert, owner.id).cv_path is None


def test_request_over_the_upload_limit_gets_a_polite_page(client, owner, app):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = upload(client, owner, make_pdf() + b"x" * 5000)
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
    assert "Nothing was saved" in response.get_data(as_text=True)


def test_replace_then_delete_removes_the_files(client, owner, app, db):
    upload(client, owner, make_pdf("First version"))
    first = db.session.get(Expert, owner.id).cv_path
    upload(client, db.session.get(Expert, owner.id), make_pdf("Second version"))
    expert = db.session.get(Expert, owner.id)
    folder = app.config["UPLOAD_DIR"] / "cv"
    assert "Second version" in expert.cv_text
    assert not (folder / first).exists() and (folder / expert.cv_path).exists()
    second = expert.cv_path
    client.post(f"/experts/{owner.id}/cv/delete")
    expert = db.session.get(Expert, owner.id)
    assert expert.cv_path is None and expert.cv_text is None
    assert not (folder / second).exists()


def test_owner_downloads_without_audit_staff_with_audit(client, owner, make, login, db):
    upload(client, owner, make_pdf())
    response = client.get(f"/experts/{owner.id}/cv")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="cv_read")) is None
    staff = login(make.staff())
    assert client.get(f"/experts/{owner.id}/cv").status_code == 200
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="cv_read"))
    assert event.actor_id == staff.id and event.target_id == owner.id


def test_another_expert_cannot_download(client, owner, make, login):
    upload(client, owner, make_pdf())
    login(make.user())
    assert client.get(f"/experts/{owner.id}/cv").status_code == 403
