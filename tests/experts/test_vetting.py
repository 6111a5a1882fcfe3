"""Vetting: the queue, approval with its date and mail, rejection with a note, inactive."""

import re
from datetime import date, datetime

from roster.audit.models import AuditEvent
from roster.experts.models import Expert, Status
from roster.mail import outbox_messages


def test_queue_lists_applied_experts_oldest_first(client, make, login):
    newer = make.expert(status=Status.APPLIED, first_name="Newer")
    older = make.expert(status=Status.APPLIED, first_name="Older")
    newer.submitted_at, older.submitted_at = datetime(2026, 3, 2), datetime(2026, 3, 1)
    make.expert(status=Status.APPROVED, first_name="Already")
    make.db.session.commit()
    login(make.staff())
    html = client.get("/experts/vetting").get_data(as_text=True)
    assert html.index("Older") < html.index("Newer")
    assert "Already" not in html


def test_experts_cannot_open_the_queue_or_decide(client, make, login, db):
    applicant = make.expert(status=Status.APPLIED)
    login(make.user())
    assert client.get("/experts/vetting").status_code == 403
    assert (
        client.post(f"/experts/{applicant.id}/vet", data={"decision": "approve"}).status_code == 403
    )
    assert db.session.get(Expert, applicant.id).status == Status.APPLIED


def test_approval_sets_joined_on_and_sends_mail(client, make, login, app, db):
    applicant = make.expert(status=Status.APPLIED)
    applicant.email = "amina@example.org"
    db.session.commit()
    staff = login(make.staff())
    response = client.post(
        f"/experts/{applicant.id}/vet", data={"decision": "approve", "note": "Strong profile"}
    )
    assert response.status_code == 302
    expert = db.session.get(Expert, applicant.id)
    assert expert.status == Status.APPROVED and expert.joined_on == date.today()
    assert expert.vetted_by_id == staff.id and expert.vetting_note == "Strong profile"
    [message] = outbox_messages(app.config["OUTBOX_DIR"])
    assert message["To"] == "amina@example.org"
    assert "approved" in message.get_content()
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="expert_approved"))
    assert event.target_id == expert.id


def test_rejection_needs_a_note_and_mails_it(client, make, login, app, db):
    applicant = make.expert(status=Status.APPLIED)
    login(make.staff())
    response = client.post(f"/experts/{applicant.id}/vet", data={"decision": "reject", "note": ""})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="note-error"' in html and "Say why the application is rejected." in html
    assert re.search(r'<input[^>]* checked [^>]*value="reject"', html)  # the choice is kept
    assert db.session.get(Expert, applicant.id).status == Status.APPLIED
    client.post(
        f"/experts/{applicant.id}/vet", data={"decision": "reject", "note": "Too little experience"}
    )
    expert = db.session.get(Expert, applicant.id)
    assert expert.status == Status.REJECTED and expert.joined_on is None
    [message] = outbox_messages(app.config["OUTBOX_DIR"])
    assert "Too little experience" in message.get_content()
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="expert_rejected"))


def test_decision_only_for_applied_profiles(client, make, login, db):
    draft = make.expert(status=Status.DRAFT)
    login(make.staff())
    client.post(f"/experts/{draft.id}/vet", data={"decision": "approve"})
    assert db.session.get(Expert, draft.id).status == Status.DRAFT


def test_set_inactive_and_back_from_the_detail_page(client, make, login, db):
    expert = make.expert(status=Status.APPROVED, joined_on=date(2021, 5, 1))
    login(make.staff())
    client.post(f"/experts/{expert.id}/status", data={"status": "inactive", "note": "Retired"})
    assert db.session.get(Expert, expert.id).status == Status.INACTIVE
    client.post(f"/experts/{expert.id}/status", data={"status": "approved"})
    expert = db.session.get(Expert, expert.id)
    assert expert.status == Status.APPROVED and expert.joined_on == date(2021, 5, 1)
    actions = db.session.scalars(db.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["expert_inactivated", "expert_reactivated"]


def test_detail_page_shows_the_profile_and_its_history(client, make, login):
    expert = make.expert(
        themes={"asylum": "senior"}, languages={"fr": "native"}, biography="<b>bold</b> claims"
    )
    login(make.staff())
    client.post(f"/experts/{expert.id}/status", data={"status": "inactive"})
    html = client.get(f"/experts/{expert.id}").get_data(as_text=True)
    assert "Asylum" in html and "Senior expert" in html and "native" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "expert_inactivated" in html


def test_decision_mail_is_written_in_the_experts_language(client, make, login, app, db):
    """Staff decide in English; the expert reads the mail in the language they chose."""
    account = make.user()
    account.locale = "fr"
    applicant = make.expert(user=account, status=Status.APPLIED)
    applicant.email = "amina@example.org"
    db.session.commit()
    login(make.staff())
    client.post(
        f"/experts/{applicant.id}/vet",
        data={"decision": "approve"},
        headers={"Accept-Language": "en"},
    )
    [message] = outbox_messages(app.config["OUTBOX_DIR"])
    assert message["Subject"] == "Vous figurez désormais dans le fichier d\u2019experts"
    assert "approved" not in message.get_content()
