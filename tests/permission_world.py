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
    def focal_point(self):
        """A partner account of the world's partner institution (whose request and Action
        the URLs name)."""
        from roster.auth.models import PartnerFocalPoint, Role

        user = self.make.user(email="focal@example.org", role=Role.PARTNER)
        self.db.session.add(PartnerFocalPoint(user_id=user.id, partner_id=self.partner.id))
        self.db.session.commit()
        return user

    @cached_property
    def call(self):
        """An open call on the world's activity, with the owner's interest in it; it asks for
        no language, so that every expert of the world meets its requirements."""
        from datetime import date, timedelta

        from roster.opportunities.models import Interest, OpenCall

        start = date.today() + timedelta(days=60)
        call = OpenCall(
            activity=self.activity,
            title="Trainer for a border management workshop",
            expected="Two days of training on risk analysis at land borders.",
            start_on=start,
            deadline=start - timedelta(days=30),
        )
        call.interests.append(Interest(expert=self.expert, note="I ran this workshop before."))
        self.db.session.add(call)
        self.db.session.commit()
        return call

    @cached_property
    def action(self):
        """An Action with the world's partner institution."""
        from tests.actions import helpers

        partner = self.partner
        action = helpers.action(self.db, self.make)
        action.partners.append(partner)
        self.db.session.commit()
        return action

    @cached_property
    def partner(self):
        from tests.actions import helpers

        return helpers.partner(self.db, self.make)

    @cached_property
    def partner_request(self):
        from tests.actions import helpers

        return helpers.request(self.db, self.make, partner=self.partner)

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

    @cached_property
    def community(self):
        """A closed community: the owner is a plain member, the other expert is not."""
        from roster.communities.models import Community, Membership

        community = Community(name_en="Border practice", description_en="Members only.")
        self.db.session.add(community)
        self.db.session.flush()
        self.db.session.add(Membership(community_id=community.id, user_id=self.owner.id))
        self.db.session.commit()
        return community

    @cached_property
    def membership(self):
        """The owner's membership of the community."""
        return self.community.membership_of(self.owner)

    @cached_property
    def thread(self):
        """A thread the owner started in the community, with their first post."""
        from roster.communities.posting import start_thread

        with flask.current_app.test_request_context():
            thread = start_thread(
                self.community, self.owner, "Screening at borders", "First post", "en"
            )
        self.db.session.commit()
        return thread

    @cached_property
    def post(self):
        """The owner's post (the thread's first), still within its edit period."""
        return self.thread.posts[0]

    @cached_property
    def community_file(self):
        """A PDF attached to the owner's post."""
        from roster.communities.attachments import CheckedFile, attach

        attach(self.post, [CheckedFile("notes.pdf", make_pdf(), "application/pdf", ".pdf")])
        self.db.session.commit()
        return self.post.attachments[-1]

    @cached_property
    def report(self):
        """Staff's report of the owner's post."""
        from roster.communities.models import PostReport

        found = PostReport(post_id=self.post.id, reporter_id=self.staff.id, reason="Off topic")
        self.db.session.add(found)
        self.db.session.commit()
        return found

    @cached_property
    def event(self):
        """A coming webinar in the community."""
        from datetime import timedelta

        from roster.communities.models import Event
        from roster.core.time import utcnow

        start = utcnow().replace(microsecond=0) + timedelta(days=7)
        event = Event(
            community_id=self.community.id,
            title="Border management webinar",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            timezone="Africa/Nairobi",
        )
        self.db.session.add(event)
        self.db.session.commit()
        return event

    @cached_property
    def notification(self):
        """A notification of the owner's."""
        from roster.notifications import notify

        note = notify(
            self.owner,
            "community.reply",
            link="/communities/",
            actor="Staff",
            thread="Screening at borders",
            community="Border practice",
        )
        self.db.session.commit()
        return note

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
    "focal_point_id": lambda w: w.focal_point.id,
    "activity_id": lambda w: w.activity.id,
    "call_id": lambda w: w.call.id,
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
    "community_id": lambda w: w.community.id,
    "membership_id": lambda w: w.membership.id,
    "thread_id": lambda w: w.thread.id,
    "post_id": lambda w: w.post.id,
    "file_id": lambda w: w.community_file.id,
    "report_id": lambda w: w.report.id,
    "notification_id": lambda w: w.notification.id,
    "event_id": lambda w: w.event.id,
}
