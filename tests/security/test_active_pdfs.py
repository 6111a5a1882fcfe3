"""Scripts and launch actions are found in the parsed PDF, wherever they hide, on every upload.

Each evasion of tests/security/hostile_pdfs.py is posted to each route that takes a PDF: the
CV (a step of the profile), an Action's documents and a toolkit module's files. Each is
refused with a message (next to the field, or on the page the toolkit redirects to) and
nothing is stored. A PDF with a plain web link, or whose text merely names such actions, is
taken.
"""

import io

import pytest
import sqlalchemy as sa

from roster.experts.models import Status
from roster.toolkit.models import Attachment
from tests.permission_world import World
from tests.security.hostile_pdfs import EVASIONS, MENTIONS, URI_LINK
from tests.security.routes import changed_tables, checksum, sign_in

pytestmark = pytest.mark.slow


@pytest.fixture
def world(make, db):
    world = World(make, db)
    world.expert.status = Status.DRAFT
    db.session.commit()
    world.action  # noqa: B018
    world.module  # noqa: B018
    return world


def _files(app) -> set[str]:
    root = app.config["UPLOAD_DIR"]
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def _cv(client, world, data):
    response = client.post(
        f"/experts/{world.expert.id}/edit/cv",
        data={"version": str(world.expert.version), "cv": (io.BytesIO(data), "cv.pdf")},
        content_type="multipart/form-data",
    )
    return response, 'id="cv-error"'


def _document(client, world, data):
    response = client.post(
        f"/actions/{world.action.id}/documents",
        data={"doc-kind": "other", "doc-file": (io.BytesIO(data), "terms.pdf")},
        content_type="multipart/form-data",
    )
    return response, 'id="doc-file-error"'


def _toolkit(client, world, data):
    response = client.post(
        f"/toolkit/manage/{world.module.id}/files",
        data={"file": (io.BytesIO(data), "handout.pdf")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    return response, 'class="alert alert-danger'


ROUTES = {"cv": ("owner", _cv), "document": ("staff", _document), "toolkit": ("staff", _toolkit)}


@pytest.mark.parametrize("name", EVASIONS)
def test_the_inspection_finds_each_evasion(name):
    from roster.core.pdf_inspect import inspect_pdf

    verdict = inspect_pdf(EVASIONS[name], want_text=False)
    assert verdict["verdict"] in ("active", "attachments"), verdict


@pytest.mark.parametrize("data", [URI_LINK, MENTIONS], ids=["uri-link", "mentions"])
def test_the_inspection_passes_plain_pdfs(data):
    from roster.core.pdf_inspect import inspect_pdf

    verdict = inspect_pdf(data, want_text=True)
    assert verdict["verdict"] == "ok" and verdict["text"], verdict


@pytest.mark.parametrize("name", EVASIONS)
@pytest.mark.parametrize("route", ROUTES)
def test_every_pdf_upload_refuses_each_evasion(app, client, login, db, world, route, name):
    role, post = ROUTES[route]
    sign_in(client, login, world, role)
    before, files = checksum(db), _files(app)
    response, error_marker = post(client, world, EVASIONS[name])
    html = response.get_data(as_text=True)
    assert response.status_code in (200, 400, 422), response.status_code
    assert error_marker in html, html[:2000]
    assert "scripts or actions" in html or "attached files" in html
    assert not changed_tables(before, checksum(db)) and _files(app) == files


@pytest.mark.parametrize("data", [URI_LINK, MENTIONS], ids=["uri-link", "mentions"])
@pytest.mark.parametrize("route", ROUTES)
def test_every_pdf_upload_takes_a_plain_pdf_with_a_web_link(
    app, client, login, db, world, route, data
):
    role, post = ROUTES[route]
    sign_in(client, login, world, role)
    files = _files(app)
    response, error_marker = post(client, world, data)
    assert response.status_code in (200, 302), response.status_code
    assert error_marker not in response.get_data(as_text=True)
    assert len(_files(app) - files) == 1
    if route == "toolkit":
        assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 1
