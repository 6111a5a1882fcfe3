"""The team of an Action: shortlist, invite by e-mail, double booking, the expert's answer,
completion with days and the evaluation that experts never see."""

import re
from datetime import date

import pytest
import sqlalchemy as sa
from flask import render_template_string
from flask_login import login_user

from roster.actions.models import Assignment, Evaluation
from roster.actions.states import AssignmentState
from roster.experts.models import Status, Unavailability
from roster.mail import outbox_messages
from tests.actions import helpers as h

S = AssignmentState


@pytest.fixture
def setting(db, make):
    """An Action with a webinar on 28 September 2021, a staff member and an expert with an
    account."""
    action = h.action(db, make, code="ZM-2021-01", title="COVID-19 and borders")
    webinar = h.activity(db, action, start_on=date(2021, 9, 28), title="Regional webinar")
    user = make.user(email="lucia@example.org")
    expert = make.expert(user=user, first_name="Lucía", last_name="Ferrer")
    return {"action": action, "webinar": webinar, "user": user, "expert": expert}


def test_staff_find_and_shortlist_an_approved_expert(client, db, make, login, setting):
    make.expert(first_name="Lucas", last_name="Pending", status=Status.APPLIED)
    login(make.staff())
    action, expert = setting["action"], setting["expert"]
    page = client.get(f"/actions/{action.id}?q=fer").get_data(as_text=True)
    assert "Lucía Ferrer" in page
    assert "Pending" not in client.get(f"/actions/{action.id}?q=lucas").get_data(as_text=True)
    response = client.post(
        f"/actions/{action.id}/team",
        data={
            "shortlist-expert_id": expert.id,
            "shortlist-activity_id": str(setting["webinar"].id),
            "shortlist-role": "Lead expert",
        },
    )
    assert response.status_code == 302
    assignment = db.session.scalar(sa.select(Assignment))
    assert (assignment.state, assignment.role) == (S.PROPOSED, "Lead expert")
    assert assignment.period() == (date(2021, 9, 28), date(2021, 9, 28))
    again = client.post(
        f"/actions/{action.id}/team",
        data={
            "shortlist-expert_id": expert.id,
            "shortlist-activity_id": str(setting["webinar"].id),
        },
    )
    assert again.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 1


def test_only_approved_experts_can_be_shortlisted(client, db, make, login, setting):
    applicant = make.expert(status=Status.APPLIED)
    login(make.staff())
    response = client.post(
        f"/actions/{setting['action'].id}/team", data={"shortlist-expert_id": applicant.id}
    )
    assert response.status_code == 400
    assert "Only approved experts" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


def test_invitation_is_mailed_with_a_link(app, client, db, make, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], activity=setting["webinar"])
    login(make.staff())
    response = client.post(f"/actions/assignments/{assignment.id}/invite")
    assert response.status_code == 302
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED and assignment.invited_at is not None
    [mail] = outbox_messages(app.config["OUTBOX_DIR"])
    assert mail["To"] == "lucia@example.org"
    body = mail.get_content()
    assert "ZM-2021-01" in body and "/actions/invitations" in body and "2021-09-28" in body


def test_double_booking_is_refused_then_confirmed(app, client, db, make, login, setting):
    expert = setting["expert"]
    other = h.action(db, make, code="MD-2021-01", title="Border management")
    h.assignment(
        db, expert, other, state=S.ACCEPTED, start_on=date(2021, 9, 27), end_on=date(2021, 9, 29)
    )
    assignment = h.assignment(db, expert, setting["action"], activity=setting["webinar"])
    staff = login(make.staff())
    refused = client.post(f"/actions/assignments/{assignment.id}/invite")
    assert refused.status_code == 409
    page = refused.get_data(as_text=True)
    assert "MD-2021-01" in page and "overlapping dates" in page
    db.session.refresh(assignment)
    assert assignment.state == S.PROPOSED
    assert outbox_messages(app.config["OUTBOX_DIR"]) == []
    confirmed = client.post(
        f"/actions/assignments/{assignment.id}/invite",
        data={f"a{assignment.id}-invite-confirm_overlap": "y"},
    )
    assert confirmed.status_code == 302
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED
    assert assignment.confirmed_overlap_by_id == staff.id
    assert assignment.confirmed_overlap_at is not None


def test_unavailability_counts_as_a_clash(client, db, make, login, setting):
    expert = setting["expert"]
    expert.unavailability.append(
        Unavailability(start=date(2021, 9, 1), end=date(2021, 9, 30), note="Leave")
    )
    db.session.commit()
    assignment = h.assignment(db, expert, setting["action"], activity=setting["webinar"])
    login(make.staff())
    response = client.post(f"/actions/assignments/{assignment.id}/invite")
    assert response.status_code == 409
    assert "marked unavailable 2021-09-01 to 2021-09-30" in response.get_data(as_text=True)


def test_expert_accepts_their_invitation_with_a_comment(client, db, login, setting):
    assignment = h.assignment(
        db, setting["expert"], setting["action"], activity=setting["webinar"], state=S.INVITED
    )
    login(setting["user"])
    page = client.get("/actions/invitations").get_data(as_text=True)
    assert "ZM-2021-01" in page and "Regional webinar" in page
    response = client.post(
        f"/actions/invitations/{assignment.id}",
        data={f"a{assignment.id}-comment": "Happy to help", f"a{assignment.id}-accept": "Accept"},
    )
    assert response.status_code == 302
    db.session.refresh(assignment)
    assert (assignment.state, assignment.comment) == (S.ACCEPTED, "Happy to help")
    assert assignment.answered_at is not None


def test_expert_declines_their_invitation(client, db, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.INVITED)
    login(setting["user"])
    client.post(
        f"/actions/invitations/{assignment.id}",
        data={f"a{assignment.id}-comment": "On mission", f"a{assignment.id}-decline": "Decline"},
    )
    db.session.refresh(assignment)
    assert (assignment.state, assignment.comment) == (S.DECLINED, "On mission")


def test_expert_cannot_answer_or_see_another_experts_invitation(client, db, make, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.INVITED)
    intruder = make.user()
    make.expert(user=intruder)
    login(intruder)
    assert "ZM-2021-01" not in client.get("/actions/invitations").get_data(as_text=True)
    response = client.post(
        f"/actions/invitations/{assignment.id}", data={f"a{assignment.id}-accept": "Accept"}
    )
    assert response.status_code == 404
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED


def test_staff_cannot_answer_for_the_expert(client, db, make, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.INVITED)
    login(make.staff())
    response = client.post(
        f"/actions/invitations/{assignment.id}", data={f"a{assignment.id}-accept": "Accept"}
    )
    assert response.status_code == 404
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED


def test_shortlist_is_not_shown_to_the_expert(client, db, login, setting):
    h.assignment(db, setting["expert"], setting["action"], state=S.PROPOSED)
    login(setting["user"])
    assert "ZM-2021-01" not in client.get("/actions/invitations").get_data(as_text=True)


def test_accepting_over_a_new_clash_needs_staff(client, db, make, login, setting):
    expert = setting["expert"]
    other = h.action(db, make, code="MD-2021-01")
    h.assignment(
        db, expert, other, state=S.ACCEPTED, start_on=date(2021, 9, 28), end_on=date(2021, 9, 28)
    )
    assignment = h.assignment(
        db, expert, setting["action"], activity=setting["webinar"], state=S.INVITED
    )
    login(setting["user"])
    response = client.post(
        f"/actions/invitations/{assignment.id}",
        data={f"a{assignment.id}-comment": "kept comment", f"a{assignment.id}-accept": "Accept"},
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "MD-2021-01" in page and "kept comment</textarea>" in page
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED
    staff = login(make.staff())
    client.post(f"/actions/assignments/{assignment.id}/confirm-overlap")
    db.session.refresh(assignment)
    assert assignment.confirmed_overlap_by_id == staff.id
    login(setting["user"])
    client.post(
        f"/actions/invitations/{assignment.id}", data={f"a{assignment.id}-accept": "Accept"}
    )
    db.session.refresh(assignment)
    assert assignment.state == S.ACCEPTED


def test_answer_with_a_too_long_comment_keeps_it(client, db, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.INVITED)
    login(setting["user"])
    text = "x" * 2001
    response = client.post(
        f"/actions/invitations/{assignment.id}",
        data={f"a{assignment.id}-comment": text, f"a{assignment.id}-accept": "Accept"},
    )
    assert response.status_code == 400
    assert text + "</textarea>" in response.get_data(as_text=True)
    db.session.refresh(assignment)
    assert assignment.state == S.INVITED


def test_staff_complete_with_days_and_bad_days_are_kept(client, db, make, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.ACCEPTED)
    login(make.staff())
    bad = client.post(
        f"/actions/assignments/{assignment.id}/complete",
        data={f"a{assignment.id}-complete-days": "three"},
    )
    assert bad.status_code == 400
    assert 'value="three"' in bad.get_data(as_text=True)
    good = client.post(
        f"/actions/assignments/{assignment.id}/complete",
        data={f"a{assignment.id}-complete-days": "2.5"},
    )
    assert good.status_code == 302
    db.session.refresh(assignment)
    assert assignment.state == S.COMPLETED and float(assignment.days) == 2.5


def test_evaluation_is_recorded_by_staff_and_hidden_from_experts(client, db, make, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.COMPLETED, days=2)
    login(make.staff())
    missing = client.post(
        f"/actions/assignments/{assignment.id}/evaluation", data={"comment": "kept remark"}
    )
    assert "Choose a rating." in missing.get_data(as_text=True)
    assert "kept remark</textarea>" in missing.get_data(as_text=True)
    response = client.post(
        f"/actions/assignments/{assignment.id}/evaluation",
        data={"rating": "4", "comment": "Secret remark", "version": "0"},
    )
    assert response.status_code == 302
    evaluation = db.session.scalar(sa.select(Evaluation))
    assert (evaluation.rating, evaluation.comment) == (4, "Secret remark")
    login(setting["user"])
    page = client.get("/actions/invitations").get_data(as_text=True)
    assert "ZM-2021-01" in page  # the expert sees the assignment...
    assert "Secret remark" not in page and "4/5" not in page  # ...never the evaluation
    assert client.get(f"/actions/assignments/{assignment.id}/evaluation").status_code == 403


def test_an_open_assignment_cannot_be_evaluated(client, db, make, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.ACCEPTED)
    login(make.staff())
    client.post(f"/actions/assignments/{assignment.id}/evaluation", data={"rating": "5"})
    assert db.session.scalar(sa.select(sa.func.count(Evaluation.id))) == 0


def test_remove_from_shortlist_only_before_the_invitation(client, db, make, login, setting):
    proposed = h.assignment(db, setting["expert"], setting["action"])
    invited = h.assignment(db, make.expert(), setting["action"], state=S.INVITED)
    login(make.staff())
    client.post(f"/actions/assignments/{proposed.id}/remove")
    client.post(f"/actions/assignments/{invited.id}/remove")
    remaining = set(db.session.scalars(sa.select(Assignment.id)))
    assert remaining == {invited.id}


def test_expert_history_partial_shows_evaluations_to_staff_only(app, db, make, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.COMPLETED, days=2)
    assignment.evaluation = Evaluation(rating=3, comment="Staff eyes only")
    db.session.commit()
    staff = make.staff()
    template = '{% include "actions/_expert_history.html" %}'
    with app.test_request_context():
        login_user(staff)
        staff_view = render_template_string(template, expert=setting["expert"])
        login_user(setting["user"])
        expert_view = render_template_string(template, expert=setting["expert"])
    assert "ZM-2021-01" in staff_view and "Staff eyes only" in staff_view
    assert expert_view.strip() == ""


def test_invitations_page_is_in_the_experts_navigation_only(client, make, login, setting):
    assert client.get("/actions/invitations").status_code == 302  # to the sign-in page
    login(setting["user"])
    assert 'href="/actions/invitations"' in client.get("/actions/invitations").get_data(
        as_text=True
    )
    login(make.staff())
    assert 'href="/actions/invitations"' not in client.get("/actions/").get_data(as_text=True)


def _hidden_fields(page: str, action_url: str) -> dict:
    """The hidden inputs of the form posting to action_url, as a browser would send them."""
    form = re.search(rf'<form[^>]*action="{re.escape(action_url)}".*?</form>', page, re.S)
    assert form, f"no form posts to {action_url}"
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))


def test_team_forms_work_with_csrf_protection(app, client, db, make, login, setting):
    app.config["WTF_CSRF_ENABLED"] = True
    action = setting["action"]
    login(make.staff())
    page = client.get(f"/actions/{action.id}?q=ferrer").get_data(as_text=True)
    fields = _hidden_fields(page, f"/actions/{action.id}/team")
    assert client.post(f"/actions/{action.id}/team", data=fields).status_code == 302
    assignment = db.session.scalar(sa.select(Assignment))
    page = client.get(f"/actions/{action.id}").get_data(as_text=True)
    remove_url = f"/actions/assignments/{assignment.id}/remove"
    response = client.post(remove_url, data=_hidden_fields(page, remove_url))
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0
    assert client.post(f"/actions/{action.id}/team", data={}).status_code == 400  # no token


def test_expert_withdraws_from_an_accepted_assignment(client, db, login, setting):
    assignment = h.assignment(db, setting["expert"], setting["action"], state=S.ACCEPTED)
    login(setting["user"])
    page = client.get("/actions/invitations").get_data(as_text=True)
    assert "Withdraw" in page
    client.post(
        f"/actions/invitations/{assignment.id}",
        data={f"a{assignment.id}-comment": "Ill", f"a{assignment.id}-decline": "Withdraw"},
    )
    db.session.refresh(assignment)
    assert (assignment.state, assignment.comment) == (S.DECLINED, "Ill")
