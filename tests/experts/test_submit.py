"""Consent with its date, withdrawal before submission, and submitting the application."""

import pytest

from roster.experts.models import Expert, Status


@pytest.fixture
def ready(make, login):
    """A signed-in expert whose draft has names, a theme and a language but no consent."""
    user = make.user()
    expert = make.expert(
        user=user, status=Status.DRAFT, themes={"asylum": "senior"}, languages={"fr": "C1"}
    )
    expert.consent_at = None
    make.db.session.commit()
    login(user)
    return expert


def post_consent(client, expert, **data):
    return client.post(
        f"/experts/{expert.id}/edit/consent", data={"version": str(expert.version), **data}
    )


def test_consent_is_recorded_with_its_date_and_can_be_withdrawn(client, ready, db):
    post_consent(client, ready, consent="y", save="Save")
    expert = db.session.get(Expert, ready.id)
    assert expert.consent_at is not None
    post_consent(client, expert, save="Save")
    assert db.session.get(Expert, ready.id).consent_at is None


def test_submit_needs_consent(client, ready, db):
    response = post_consent(client, ready, submit_application="Submit")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Give your consent" in page
    assert db.session.get(Expert, ready.id).status == Status.DRAFT


def test_submit_moves_draft_to_applied(client, ready, db):
    response = post_consent(client, ready, consent="y", submit_application="Submit")
    assert response.headers["Location"].endswith(f"/experts/{ready.id}/profile")
    expert = db.session.get(Expert, ready.id)
    assert expert.status == Status.APPLIED and expert.submitted_at is not None


def test_submit_needs_a_confirmed_account_and_a_theme(client, make, login, db):
    user = make.user(confirmed=False)
    expert = make.expert(user=user, status=Status.DRAFT, languages={"fr": "C1"})
    login(user)
    response = post_consent(client, expert, consent="y", submit_application="Submit")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Confirm your e-mail address" in page and "Choose at least one theme" in page
    assert db.session.get(Expert, expert.id).status == Status.DRAFT


def test_consent_cannot_be_withdrawn_after_submission(client, make, login, db):
    user = make.user()
    expert = make.expert(user=user, status=Status.APPLIED)
    login(user)
    response = post_consent(client, expert, save="Save")
    assert response.status_code == 422
    assert "erasure" in response.get_data(as_text=True)
    assert db.session.get(Expert, expert.id).consent_at is not None
