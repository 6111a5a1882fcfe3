"""The people and things the permission table's URLs point at (tests/test_permissions.py)."""

import io
from functools import cached_property
from pathlib import Path

import flask
from werkzeug.datastructures import FileStorage

from roster.auth.models import ApiToken
from roster.auth.user_sessions import open_session
from tests.experts.pdfs import make_pdf


class World:
    """The people and things the URLs point at, created on first use."""

    def __init__(self, make, db):
        self.make, self.db = make, db

    @cached_property
    def owner(self):
        return self.make.user(email="owner@example.org")

    @cached_property
    def other(self):
        user = self.make.user(email="other@example.org")
        self.make.expert(user=user, first_name="Other")
        return user

    @cached_property
    def staff(self):
        return self.make.staff(email="staff@example.org")

    @cached_property
    def admin(self):
        return self.make.admin(email="admin@example.org")

    @cached_property
    def expert(self):
        """The owner's expert profile."""
        return self.make.expert(
            user=self.owner,
            first_name="Owner",
            themes={"asylum": "senior"},
            languages={"fr": "C1"},
            countries={"KZ": "asia"},
        )

    @cached_property
    def user_session(self):
        """A signed-in session of the owner's (another browser of theirs)."""
        open_session(self.owner)
        self.db.session.commit()
        return self.owner.sessions[-1]

    @cached_property
    def token(self):
        token, _secret = ApiToken.issue(self.owner, "owner's token")
        self.db.session.add(token)
        self.db.session.commit()
        return token

    @cached_property
    def action(self):
        from tests.actions import helpers

        return helpers.action(self.db, self.make)

    @cached_property
    def partner(self):
        from tests.actions import helpers

        return helpers.partner(self.db, self.make)

    @cached_property
    def partner_request(self):
        from tests.actions import helpers

        return helpers.request(self.db, self.make)

    @cached_property
    def activity(self):
        from tests.actions import helpers

        return helpers.activity(self.db, self.action)

    @cached_property
    def assignment(self):
        """The owner's assignment (an invitation to them)."""
        from roster.actions.states import AssignmentState
        from tests.actions import helpers

        return helpers.assignment(self.db, self.expert, self.action, state=AssignmentState.INVITED)

    @cached_property
    def module(self):
        """A published module in English and French."""
        from tests.toolkit.conftest import build_module

        return build_module(self.db)

    @cached_property
    def section(self):
        return self.module.translation("en").sections[0]

    @cached_property
    def attachment(self):
        from roster.toolkit.authoring import upload_dir
        from roster.toolkit.models import Attachment

        (upload_dir() / "permissions-test.pdf").write_bytes(make_pdf())
        file = Attachment(
            module=self.module,
            filename="handout.pdf",
            stored_name="permissions-test.pdf",
            content_type="application/pdf",
            size=10,
        )
        self.db.session.add(file)
        self.db.session.commit()
        return file

    @cached_property
    def revision(self):
        from roster.toolkit.models import ModuleRevision

        revision = ModuleRevision(module_id=self.module.id, action="created", snapshot={})
        self.db.session.add(revision)
        self.db.session.commit()
        return revision

    @cached_property
    def certificate(self):
        """The owner's certificate."""
        from roster.toolkit.progress_models import Certificate

        cert = Certificate(
            code="PERMISSION01",
            user_id=self.owner.id,
            module_id=self.module.id,
            holder_name="Owner",
            language="en",
        )
        self.db.session.add(cert)
        self.db.session.commit()
        return cert

    @cached_property
    def document(self):
        from roster.actions.activities.documents import document_file
        from roster.actions.models import ActionDocument
        from roster.actions.states import DocumentKind

        document = ActionDocument(
            action=self.action,
            kind=DocumentKind.OTHER,
            filename="terms.pdf",
            path="permissions-test.pdf",
            size=10,
        )
        self.db.session.add(document)
        self.db.session.commit()
        if document_file(document) is None:
            upload = Path(flask.current_app.config["UPLOAD_DIR"]) / "actions"
            upload.mkdir(parents=True, exist_ok=True)
            (upload / document.path).write_bytes(make_pdf())
        return document

    @cached_property
    def import_job(self):
        from roster.experts.models import ImportJob

        job = ImportJob(created_by_id=self.staff.id, filename="experts.csv")
        self.db.session.add(job)
        self.db.session.commit()
        return job

    def give_cv(self):
        """Store a real PDF as the owner's CV."""
        from roster.experts.cv import store_cv

        upload = FileStorage(io.BytesIO(make_pdf()), filename="cv.pdf")
        store_cv(self.expert, upload)
        self.db.session.commit()


# URL argument name → how to get its value from the world.
WORLD_ARGS = {
    "expert_id": lambda w: w.expert.id,
    "user_id": lambda w: w.owner.id,
    "token_id": lambda w: w.token.id,
    "session_id": lambda w: w.user_session.id,
    "token": lambda w: "not-a-valid-token",
    "step": lambda w: "about",
    "job_id": lambda w: w.import_job.id,
    "theme_id": lambda w: w.make.theme("asylum").id,
    "region_id": lambda w: w.make.region("asia").id,
    "action_id": lambda w: w.action.id,
    "request_id": lambda w: w.partner_request.id,
    "partner_id": lambda w: w.partner.id,
    "activity_id": lambda w: w.activity.id,
    "assignment_id": lambda w: w.assignment.id,
    "document_id": lambda w: w.document.id,
    "module_id": lambda w: w.module.id,
    "slug": lambda w: w.module.slug,
    "lang": lambda w: "en",
    "position": lambda w: 1,
    "year": lambda w: 2021,
    "section_id": lambda w: w.section.id,
    "direction": lambda w: "down",
    "attachment_id": lambda w: w.attachment.id,
    "name": lambda w: w.attachment.filename,
    "revision_id": lambda w: w.revision.id,
    "code": lambda w: w.certificate.code,
}
