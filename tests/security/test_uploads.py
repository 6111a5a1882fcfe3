"""Uploads that lie about their type, oversize files and malformed PDFs are refused politely.

Every upload of the app is attacked: the CV (a step of the profile), an Action's documents,
the roster's CSV import and a toolkit module's files. Each refusal says why next to the field
(the toolkit, which answers with a redirect, in a message on the page), keeps the rest of the
form, and stores nothing: no row and no file. A request over MAX_CONTENT_LENGTH gets a 413
page, not a reset connection. Files the app serves go out as attachments, with nosniff and
their real type.
"""

import io
import zipfile

import pytest
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from roster.experts.models import Expert, Status
from tests.experts.pdfs import make_pdf
from tests.permission_world import World
from tests.security.routes import (
    all_routes,
    build_url,
    changed_tables,
    checksum,
    fast_passwords,  # noqa: F401  (a fixture)
    harvest_forms,
    sign_in,
)
from tests.test_permissions import EXPECTED, OK

pytestmark = pytest.mark.usefixtures("fast_passwords")


def _writer_pdf(configure) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    configure(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("cv.pdf", make_pdf())
    return buffer.getvalue()


def _polyglot() -> bytes:
    """A readable PDF whose first bytes are also an HTML page with a script."""
    pdf = make_pdf()
    header, rest = pdf.split(b"\n", 1)
    return header + b"\n%<html><body><script>alert(document.cookie)</script></body></html>\n" + rest


LIES = {
    "png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    "html": b"<!doctype html><html><body><script>alert(1)</script></body></html>",
    "zip": _zip(),
    "empty": b"",
    "truncated-pdf": make_pdf()[: len(make_pdf()) // 2],
    "pdf-with-javascript": _writer_pdf(lambda w: w.add_open_action(JavaScript("app.alert(1);"))),
    "encrypted-pdf": _writer_pdf(lambda w: w.encrypt("secret")),
    "html-polyglot-pdf": _polyglot(),
}


@pytest.fixture
def world(make, db):
    world = World(make, db)
    world.expert.status = Status.DRAFT
    db.session.commit()
    world.other  # noqa: B018
    world.action  # noqa: B018
    return world


def _files(app) -> set[str]:
    return {
        str(p.relative_to(app.config["UPLOAD_DIR"]))
        for p in app.config["UPLOAD_DIR"].rglob("*")
        if p.is_file()
    }


def _post_cv(client, world, data, content_type="application/pdf"):
    return client.post(
        f"/experts/{world.expert.id}/edit/cv",
        data={
            "version": str(world.expert.version),
            "cv": (io.BytesIO(data), "cv.pdf", content_type),
        },
        content_type="multipart/form-data",
    )


def _post_document(client, world, data, content_type="application/pdf"):
    return client.post(
        f"/actions/{world.action.id}/documents",
        data={
            "doc-kind": "other",
            "doc-title": "Terms kept after refusal",
            "doc-file": (io.BytesIO(data), "terms.pdf", content_type),
        },
        content_type="multipart/form-data",
    )


PDF_UPLOADS = {"cv": ("owner", _post_cv, "cv"), "document": ("staff", _post_document, "doc-file")}


@pytest.mark.parametrize("lie", LIES, ids=list(LIES))
@pytest.mark.parametrize("upload", PDF_UPLOADS)
def test_a_pdf_field_refuses_what_is_not_a_plain_pdf(app, client, login, db, world, upload, lie):
    role, post, field = PDF_UPLOADS[upload]
    sign_in(client, login, world, role)
    before, files = checksum(db), _files(app)
    response = post(client, world, LIES[lie])
    html = response.get_data(as_text=True)
    assert response.status_code in (400, 422), response.status_code
    assert f'id="{field}-error"' in html, "no message next to the field"
    assert not changed_tables(before, checksum(db)) and _files(app) == files
    if upload == "document":
        assert 'value="Terms kept after refusal"' in html, "the rest of the form was lost"


@pytest.mark.parametrize("upload", PDF_UPLOADS)
def test_a_real_pdf_is_taken_whatever_content_type_the_browser_claims(
    app, client, login, db, world, upload
):
    role, post, _field = PDF_UPLOADS[upload]
    sign_in(client, login, world, role)
    files = _files(app)
    response = post(client, world, make_pdf("Border management"), content_type="text/html")
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]
    assert len(_files(app) - files) == 1


@pytest.mark.parametrize("upload", PDF_UPLOADS)
def test_a_file_over_the_cv_limit_is_refused_next_to_the_field(
    app, client, login, db, world, upload
):
    role, post, field = PDF_UPLOADS[upload]
    app.config["CV_MAX_BYTES"] = 2000
    sign_in(client, login, world, role)
    before, files = checksum(db), _files(app)
    response = post(client, world, make_pdf() + b"%" * 3000)
    html = response.get_data(as_text=True)
    assert response.status_code in (400, 422) and f'id="{field}-error"' in html
    assert "too large" in html
    assert not changed_tables(before, checksum(db)) and _files(app) == files


def _upload_forms(app, client, login, world) -> dict:
    """Every form with a file field that staff and the owner are shown."""
    forms = {}
    for role in ("owner", "staff"):
        sign_in(client, login, world, role)
        start = [
            build_url(app, world, r)
            for r in all_routes()
            if "GET" in r.methods and not r.is_api and EXPECTED[r.endpoint][role] == OK
        ]
        for path, form in harvest_forms(client, start).items():
            if form.files:
                forms[path] = (role, form)
    return forms


def test_every_upload_answers_413_with_a_page_over_the_request_limit(app, client, login, db, world):
    world.module  # noqa: B018  (its page has the toolkit's file form)
    forms = _upload_forms(app, client, login, world)
    assert len(forms) >= 4, sorted(forms)  # CV, documents, CSV import, toolkit files
    app.config["MAX_CONTENT_LENGTH"] = 4000
    before = checksum(db)
    for path, (role, form) in forms.items():
        sign_in(client, login, world, role)
        data = dict(form.fields)
        data.update(
            {name: (io.BytesIO(b"%PDF-1.4\n" + b"x" * 9000), "big.pdf") for name in form.files}
        )
        response = client.post(path, data=data, content_type="multipart/form-data")
        html = response.get_data(as_text=True)
        assert response.status_code == 413, (path, response.status_code)
        assert response.mimetype == "text/html" and "<h1" in html and "large" in html, path
    assert not changed_tables(before, checksum(db))


CSV_LIES = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "utf-16": "email,first_name,last_name\nana@example.org,Ana,Lopez\n".encode("utf-16"),
    "zip": _zip(),
}


@pytest.mark.parametrize("lie", CSV_LIES)
def test_the_csv_import_refuses_what_is_not_csv_text(app, client, login, db, world, lie):
    sign_in(client, login, world, "staff")
    before = checksum(db)
    response = client.post(
        "/experts/import",
        data={"file": (io.BytesIO(CSV_LIES[lie]), "experts.csv", "text/csv")},
        content_type="multipart/form-data",
    )
    html = response.get_data(as_text=True)
    assert response.status_code in (400, 422) and 'id="file-error"' in html, response.status_code
    assert not changed_tables(before, checksum(db))
    assert db.session.scalar(db.select(db.func.count(Expert.id))) == 2


def test_a_huge_csv_is_refused_with_the_413_page(app, client, login, db, world):
    sign_in(client, login, world, "staff")
    huge = b"email,first_name,last_name\n" + b"x@example.org,A,B\n" * 400_000  # ~7 MB
    # The body written out here: the test client would spool it to a file it never closes.
    body = (
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="experts.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n" + huge + b"\r\n--B--\r\n"
    )
    response = client.post(
        "/experts/import", data=body, content_type="multipart/form-data; boundary=B"
    )
    assert response.status_code == 413 and "large" in response.get_data(as_text=True)


@pytest.mark.parametrize("lie", ["html", "zip", "empty"])
def test_toolkit_files_refuse_what_is_not_an_image_or_pdf(app, client, login, db, world, lie):
    sign_in(client, login, world, "staff")
    module = world.module
    before, files = checksum(db), _files(app)
    response = client.post(
        f"/toolkit/manage/{module.id}/files",
        data={"file": (io.BytesIO(LIES[lie]), "slide.png", "image/png")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and ("Only PNG" in html or "Choose a file" in html)
    assert not changed_tables(before, checksum(db)) and _files(app) == files


def test_served_files_are_attachments_with_nosniff_and_their_type(app, client, login, db, world):
    """Every download the app offers: not HTML and not the API, so a file a browser saves."""
    world.give_cv()
    world.document  # noqa: B018
    world.attachment  # noqa: B018
    world.certificate  # noqa: B018
    checked = []
    for route in all_routes():
        if "GET" not in route.methods or route.is_api:
            continue
        url = build_url(app, world, route)
        for role in ("owner", "staff"):
            if EXPECTED[route.endpoint][role] != OK:
                continue
            sign_in(client, login, world, role)
            response = client.get(url)
            response.close()
            if response.status_code != 200 or response.mimetype == "text/html":
                continue
            if response.mimetype == "application/json" and route.endpoint == "main.healthz":
                continue
            headers = response.headers
            checked.append(url)
            assert headers.get("X-Content-Type-Options") == "nosniff", url
            if response.mimetype.startswith("image/"):
                continue  # shown in the app's own pages (a QR code), so not an attachment
            assert headers.get("Content-Disposition", "").startswith("attachment"), url
            if url.endswith(".pdf") or "/cv" in url or "/documents/" in url:
                assert response.mimetype == "application/pdf", url
            if url.endswith(".csv"):
                assert response.mimetype == "text/csv", url
    assert {"/experts/1/cv", "/experts/me/data.json"} <= set(checked), checked
