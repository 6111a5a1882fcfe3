"""A PDF that is costly to read never holds a request or the service: reading is bounded.

The probe: a one-page PDF of ~45 KB whose compressed content stream expands to ~16 MB of
text operators (pypdf needs half a minute or more to extract its text). The upload must answer
within 10 s whatever the file, the service must keep answering meanwhile, the CV is stored
without its text with a message saying so, and uploads per account are rate-limited.
"""

import http.cookiejar
import io
import threading
import time
import urllib.parse
import urllib.request
import uuid

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from roster import create_app
from roster.actions.models import ActionDocument
from roster.experts.models import Expert, Status
from roster.extensions import db as _db
from roster.extensions import limiter
from roster.toolkit.models import Attachment
from tests.builders import PASSWORD, Builders
from tests.experts.pdfs import make_pdf
from tests.permission_world import World
from tests.security.hostile_pdfs import inflating_pdf
from tests.security.routes import sign_in

pytestmark = pytest.mark.slow

BOMB = inflating_pdf()


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = bytearray()
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        body += str(value).encode() + b"\r\n"
    for name, (filename, data) in files.items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def served(tmp_path):
    """The app with its default PDF bounds, served from a thread over a file database."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'live.db'}",
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"timeout": 30}},
            "INSTANCE_DIR": tmp_path,
            "UPLOAD_DIR": tmp_path / "uploads",
            "OUTBOX_DIR": tmp_path / "outbox",
        }
    )
    with app.app_context():
        _db.create_all()
        user = Builders(_db).user(email="slow@example.org")
        expert = Builders(_db).expert(user=user, status=Status.DRAFT)
        ids = (expert.id, expert.version)
        _db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}", ids
    finally:
        server.shutdown()
        server.server_close()
        with app.app_context():
            _db.engine.dispose()


def test_a_costly_pdf_answers_within_10_s_and_the_service_keeps_answering(served):
    app, base, (expert_id, version) = served
    assert app.config["PDF_EXTRACT_SECONDS"] <= 8
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    login = urllib.parse.urlencode({"email": "slow@example.org", "password": PASSWORD}).encode()
    opener.open(f"{base}/auth/login", login, timeout=10).read()
    body, content_type = _multipart({"version": version}, {"cv": ("cv.pdf", BOMB)})
    upload = urllib.request.Request(  # noqa: S310
        f"{base}/experts/{expert_id}/edit/cv", body, {"Content-Type": content_type}
    )
    answer: dict = {}

    def post():
        started = time.monotonic()
        with opener.open(upload, timeout=30) as response:
            answer["page"] = response.read().decode()
            answer["url"] = response.url
        answer["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=post)
    worker.start()
    health = []
    while worker.is_alive():
        started = time.monotonic()
        with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:  # noqa: S310
            assert response.status == 200
        health.append(time.monotonic() - started)
        time.sleep(0.2)
    worker.join()
    slowest = max(health)
    print(f"upload {answer['seconds']:.1f} s; {len(health)} health checks, slowest {slowest:.3f} s")
    assert answer["seconds"] < 10, answer
    assert len(health) >= 3 and max(health) < 2, health  # answered while the upload ran
    assert "could not be read in time" in answer["page"], answer["page"][:3000]
    with app.app_context():
        expert = _db.session.get(Expert, expert_id)
        assert expert.cv_path and expert.cv_text is None and expert.cv_size == len(BOMB)
        _db.session.remove()


@pytest.fixture
def world(make, db):
    world = World(make, db)
    world.expert.status = Status.DRAFT
    db.session.commit()
    world.action  # noqa: B018
    world.module  # noqa: B018
    return world


def test_a_cv_too_costly_to_read_is_kept_without_text_and_the_expert_told(
    app, client, login, db, world
):
    app.config["PDF_EXTRACT_SECONDS"] = 2
    sign_in(client, login, world, "owner")
    started = time.monotonic()
    response = client.post(
        f"/experts/{world.expert.id}/edit/cv",
        data={"version": str(world.expert.version), "cv": (io.BytesIO(BOMB), "cv.pdf")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert time.monotonic() - started < 5
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "could not be read in time" in html
    expert = db.session.get(Expert, world.expert.id)
    assert expert.cv_path and expert.cv_text is None


def test_documents_and_toolkit_files_need_no_text_and_are_taken_quickly(
    app, client, login, db, world
):
    sign_in(client, login, world, "staff")
    started = time.monotonic()
    client.post(
        f"/actions/{world.action.id}/documents",
        data={"doc-kind": "other", "doc-file": (io.BytesIO(BOMB), "terms.pdf")},
        content_type="multipart/form-data",
    )
    client.post(
        f"/toolkit/manage/{world.module.id}/files",
        data={"file": (io.BytesIO(BOMB), "handout.pdf")},
        content_type="multipart/form-data",
    )
    assert time.monotonic() - started < 10
    assert db.session.scalar(sa.select(sa.func.count(ActionDocument.id))) == 1
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 1


def test_the_check_itself_is_bounded_in_time_and_memory():
    from roster.core.pdfs import PdfLimits, check_pdf

    started = time.monotonic()
    result = check_pdf(BOMB, want_text=True, limits=PdfLimits(seconds=1, memory_mb=512))
    assert time.monotonic() - started < 4
    assert result.problem is None and result.text is None and result.text_skipped
    assert check_pdf(make_pdf("Asylum law"), want_text=True, limits=PdfLimits()).text == (
        "Asylum law"
    )
    starved = check_pdf(make_pdf(), want_text=True, limits=PdfLimits(seconds=5, memory_mb=8))
    assert starved.problem == "unchecked"  # over the memory bound: refused, never let through


def test_uploads_are_rate_limited_per_account(app, client, login, db, world):
    app.config.update(RATELIMIT_ENABLED=True, UPLOAD_RATE_LIMIT="3 per hour")
    limiter.init_app(app)
    limiter.reset()
    try:
        sign_in(client, login, world, "owner")

        def upload_cv():
            version = db.session.get(Expert, world.expert.id).version
            return client.post(
                f"/experts/{world.expert.id}/edit/cv",
                data={"version": str(version), "cv": (io.BytesIO(make_pdf()), "cv.pdf")},
                content_type="multipart/form-data",
            )

        first = db.session.get(Expert, world.expert.id).version
        answers = [upload_cv() for _ in range(4)]
        assert [a.status_code for a in answers] == [302, 302, 302, 429]
        refused = answers[-1]
        assert refused.mimetype == "text/html" and "<h1" in refused.get_data(as_text=True)
        db.session.expire_all()
        assert db.session.get(Expert, world.expert.id).version == first + 3  # not four saves
        # Saving a step without a file is not an upload.
        db.session.expire_all()
        expert = db.session.get(Expert, world.expert.id)
        page = client.post(
            f"/experts/{expert.id}/edit/about",
            data={"version": str(expert.version), "first_name": "Owner", "last_name": "X"},
        )
        assert page.status_code != 429
        # Another account has its own allowance.
        sign_in(client, login, world, "staff")
        response = client.post(
            f"/actions/{world.action.id}/documents",
            data={"doc-kind": "other", "doc-file": (io.BytesIO(make_pdf()), "terms.pdf")},
            content_type="multipart/form-data",
        )
        assert response.status_code == 302
    finally:
        limiter.reset()


def test_when_every_reading_slot_is_busy_the_upload_is_refused_quickly(
    app, client, login, db, world
):
    from roster.core.pdfs import PdfLimits, _take_slot

    app.config.update(PDF_EXTRACT_CONCURRENCY=1, PDF_EXTRACT_QUEUE_SECONDS=0.5)
    sign_in(client, login, world, "owner")
    held = _take_slot(PdfLimits.from_config())  # another worker reading a costly file
    assert held is not None
    try:
        started = time.monotonic()
        response = client.post(
            f"/experts/{world.expert.id}/edit/cv",
            data={"version": str(world.expert.version), "cv": (io.BytesIO(make_pdf()), "cv.pdf")},
            content_type="multipart/form-data",
        )
        assert time.monotonic() - started < 3
        html = response.get_data(as_text=True)
        assert response.status_code == 422 and 'id="cv-error"' in html
        assert "send it again in a minute" in html
        assert db.session.get(Expert, world.expert.id).cv_path is None
    finally:
        held.close()  # closing the file releases its lock
    again = client.post(
        f"/experts/{world.expert.id}/edit/cv",
        data={"version": str(world.expert.version), "cv": (io.BytesIO(make_pdf()), "cv.pdf")},
        content_type="multipart/form-data",
    )
    assert again.status_code == 302
