"""Authoring: create, edit with preview, reorder, publish, retire, edit history."""

import io

import sqlalchemy as sa

from roster.toolkit.models import Module, ModuleRevision, ModuleStatus
from tests.experts.pdfs import make_pdf
from tests.toolkit.conftest import version

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = make_pdf("A handout")  # a real PDF: PDF attachments are read and checked like CVs
QUIZ = "## Best tool?\n- [x] Polls\n  > Yes.\n- [ ] Monologue\n  > No.\n"


def revisions(db, module):
    return db.session.scalars(
        sa.select(ModuleRevision).filter_by(module_id=module.id).order_by(ModuleRevision.id)
    ).all()


def test_create_a_draft_module(client, db, login, make):
    login(make.staff())
    response = client.post(
        "/toolkit/manage/new",
        data={
            "slug": "Hybrid-Events",
            "language": "fr",
            "title": "Événements hybrides",
            "summary": "Résumé",
            "tags": ["facilitation"],
            "estimated_minutes": "30",
            "pass_mark": "80",
            "position": "",
        },
    )
    assert response.status_code == 302
    module = db.session.scalar(sa.select(Module).filter_by(slug="hybrid-events"))
    assert module.status == ModuleStatus.DRAFT and module.pass_mark == 80
    assert module.languages == ["fr"] and module.tag_names == ["facilitation"]
    assert [r.action for r in revisions(db, module)] == ["created"]


def test_create_with_errors_keeps_what_was_typed(client, db, login, make, make_module):
    make_module(slug="taken")
    login(make.staff())
    for slug, message in (
        ("taken", "already uses this short name"),
        ("manage", "reserved"),
        ("Not a slug!", "single dashes"),
    ):
        response = client.post(
            "/toolkit/manage/new",
            data={
                "slug": slug,
                "language": "en",
                "title": "My typed title",
                "estimated_minutes": "0",
                "pass_mark": "70",
            },
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert message in page
        assert 'value="My typed title"' in page
        assert 'aria-invalid="true"' in page
    assert db.session.scalar(sa.select(sa.func.count(Module.id))) == 1


def current_version(db, module) -> str:
    """The module's version as an edit page opened now would carry it."""
    db.session.expire_all()
    return str(module.version)


def test_section_preview_does_not_save_and_save_does(client, db, login, make, make_module):
    module = make_module(sections=1)
    login(make.staff())
    url = f"/toolkit/manage/{module.id}/en/sections/new"
    data = {"title": "Hybrid rooms", "body_markdown": "Use **two** facilitators."}
    page = client.post(url, data={**data, "preview": "1"}).get_data(as_text=True)
    assert "<strong>two</strong>" in page and "Use **two** facilitators." in page
    db.session.expire_all()
    assert len(version(module, "en").sections) == 1
    saved = {**data, "submit": "1", "version": current_version(db, module)}
    assert client.post(url, data=saved).status_code == 302
    db.session.expire_all()
    sections = version(module, "en").sections
    assert [(s.position, s.title) for s in sections][-1] == (2, "Hybrid rooms")
    assert revisions(db, module)[-1].snapshot["versions"]["en"]["sections"][1]["title"] == (
        "Hybrid rooms"
    )


def test_reorder_and_remove_sections(client, db, login, make, make_module):
    module = make_module(sections=3)
    login(make.staff())
    en = version(module, "en")
    first, second, third = en.sections
    base = f"/toolkit/manage/{module.id}/en/sections"
    assert client.post(f"{base}/{third.id}/move/up").status_code == 302
    db.session.expire_all()
    assert [s.id for s in version(module, "en").sections] == [first.id, third.id, second.id]
    client.post(f"{base}/{first.id}/move/up")  # already first: nothing moves
    db.session.expire_all()
    assert [s.id for s in version(module, "en").sections] == [first.id, third.id, second.id]
    client.post(f"{base}/{first.id}/delete")
    db.session.expire_all()
    assert [(s.position, s.id) for s in version(module, "en").sections] == [
        (1, third.id),
        (2, second.id),
    ]
    assert client.post(f"{base}/{second.id}/move/sideways").status_code == 400
    actions = [r.action for r in revisions(db, module)]
    assert actions == ["section en moved", "section en removed"]
    removed = revisions(db, module)[0].snapshot["versions"]["en"]["sections"]
    assert first.title in [s["title"] for s in removed]  # the history keeps the removed text


def test_edit_the_check_with_line_numbered_errors(client, db, login, make, make_module):
    module = make_module()
    login(make.staff())
    url = f"/toolkit/manage/{module.id}/fr"
    bad = "## Q\n- [x] a\nstray"
    good = {"title": "Titre", "quiz": QUIZ, "version": current_version(db, module)}
    page = client.post(url, data={**good, "quiz": bad}).get_data(as_text=True)
    assert "line 3" in page and "stray" in page
    assert client.post(url, data=good).status_code == 302
    db.session.expire_all()
    fr = version(module, "fr")
    assert fr.title == "Titre" and [q.text for q in fr.questions] == ["Best tool?"]
    assert [c.feedback for c in fr.questions[0].choices] == ["Yes.", "No."]
    assert "## Best tool?" in client.get(url).get_data(as_text=True)


def test_a_stale_edit_is_not_saved_silently(client, db, login, make, make_module):
    module = make_module()
    login(make.staff())
    url = f"/toolkit/manage/{module.id}/settings"
    old_version = module.version
    data = {"estimated_minutes": "50", "pass_mark": "60", "version": str(old_version)}
    assert client.post(url, data=data).status_code == 302  # first author saves
    stale = {"estimated_minutes": "99", "pass_mark": "90", "version": str(old_version)}
    page = client.post(url, data=stale).get_data(as_text=True)
    assert "Someone else saved this while you were editing" in page
    assert 'value="99"' in page  # what the second author typed is still there
    db.session.expire_all()
    assert (module.estimated_minutes, module.pass_mark) == (50, 60)


def test_publish_needs_complete_versions(client, db, login, make, make_module):
    module = make_module(status=ModuleStatus.DRAFT, questions=0)
    login(make.staff())
    page = client.post(
        f"/toolkit/manage/{module.id}/status/published", follow_redirects=True
    ).get_data(as_text=True)
    assert "has no knowledge check questions" in page
    db.session.expire_all()
    assert module.status == ModuleStatus.DRAFT
    for lang in ("en", "fr"):
        data = {"title": "T", "quiz": QUIZ, "version": current_version(db, module)}
        assert client.post(f"/toolkit/manage/{module.id}/{lang}", data=data).status_code == 302
    client.post(f"/toolkit/manage/{module.id}/status/published")
    db.session.expire_all()
    assert module.status == ModuleStatus.PUBLISHED and module.published_at is not None


def test_versions_must_keep_the_same_sections(client, db, login, make, make_module):
    module = make_module(status=ModuleStatus.DRAFT)
    login(make.staff())
    fr = version(module, "fr")
    client.post(f"/toolkit/manage/{module.id}/fr/sections/{fr.sections[0].id}/delete")
    page = client.post(
        f"/toolkit/manage/{module.id}/status/published", follow_redirects=True
    ).get_data(as_text=True)
    assert "same sections in the same order" in page


def test_retire_keeps_certificates_and_leaves_the_catalog(client, db, login, make, make_module):
    module = make_module()
    login(make.admin())
    client.post(f"/toolkit/manage/{module.id}/status/retired")
    db.session.expire_all()
    assert module.status == ModuleStatus.RETIRED
    login(make.user())
    assert "online-facilitation" not in client.get("/toolkit/").get_data(as_text=True)


def test_add_a_language_version_copies_section_structure(client, db, login, make, make_module):
    module = make_module(languages=("en",))
    login(make.staff())
    response = client.post(
        f"/toolkit/manage/{module.id}/versions/new",
        data={"language": "es", "title": "Facilitación en línea", "quiz": QUIZ},
    )
    assert response.status_code == 302
    db.session.expire_all()
    es = version(module, "es")
    assert [s.position for s in es.sections] == [1, 2, 3] and len(es.questions) == 1
    refused = client.post(
        f"/toolkit/manage/{module.id}/versions/new", data={"language": "es", "title": "Again"}
    )
    assert refused.status_code == 200 and "Not a valid choice" in refused.get_data(as_text=True)


def test_history_lists_changes_with_their_author(client, db, login, make, make_module):
    module = make_module()
    staff = login(make.staff())
    data = {"estimated_minutes": "25", "pass_mark": "70", "version": current_version(db, module)}
    client.post(f"/toolkit/manage/{module.id}/settings", data=data)
    page = client.get(f"/toolkit/manage/{module.id}/history").get_data(as_text=True)
    assert staff.email in page and "Settings changed" in page
    rev = revisions(db, module)[-1]
    detail = client.get(f"/toolkit/manage/revisions/{rev.id}").get_data(as_text=True)
    assert "Animation en ligne" in detail


def test_attachments_are_checked_by_content(client, db, login, make, make_module, app):
    module = make_module()
    login(make.staff())
    url = f"/toolkit/manage/{module.id}/files"
    fake = client.post(
        url,
        data={"file": (io.BytesIO(b"<html>not an image"), "cat.png")},
        follow_redirects=True,
    )
    assert "Only PNG, JPEG or WebP images and PDF documents" in fake.get_data(as_text=True)
    client.post(url, data={"file": (io.BytesIO(PNG), "diagram.png")})
    client.post(url, data={"file": (io.BytesIO(PDF), "guide.pdf")})
    db.session.expire_all()
    image, pdf = module.attachments
    assert (image.content_type, pdf.content_type) == ("image/png", "application/pdf")
    login(make.user())
    with client.get(f"/toolkit/files/{image.id}/diagram.png") as served:
        assert served.status_code == 200 and served.data == PNG
        assert served.headers["X-Content-Type-Options"] == "nosniff"
    with client.get(f"/toolkit/files/{pdf.id}/guide.pdf") as download:
        assert download.headers["Content-Disposition"].startswith("attachment")


def test_files_of_a_draft_are_not_served_to_experts(client, db, login, make, make_module):
    module = make_module(status=ModuleStatus.DRAFT)
    login(make.staff())
    client.post(
        f"/toolkit/manage/{module.id}/files",
        data={"file": (io.BytesIO(PNG), "d.png")},
    )
    db.session.expire_all()
    file = module.attachments[0]
    login(make.user())
    assert client.get(f"/toolkit/files/{file.id}/d.png").status_code == 403
