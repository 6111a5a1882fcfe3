"""The e-mail digest tells an expert about new open calls that fit them at least as well as
the threshold they set (roster/opportunities/services.py: calls_for_digest)."""

from datetime import timedelta

from roster.communities.digest import send_digests
from roster.core.time import utcnow
from roster.mail import outbox_messages
from roster.opportunities.models import OpportunityPreference
from tests.opportunities import helpers as oh


def _digest(app) -> str:
    send_digests(utcnow())
    mails = outbox_messages(app.config["OUTBOX_DIR"])
    return mails[-1].get_content() if mails else ""


def test_new_calls_that_fit_above_the_threshold(app, db, make):
    fits = oh.call(db, make, title="Child protection trainer", languages={"ru": "B2"})
    french = oh.call(db, make, title="Trainer in French", languages={"fr": "B2"})
    answered = oh.call(db, make, title="Already answered")
    old = oh.call(db, make, title="Published last month")
    old.published_at = utcnow() - timedelta(days=30)
    user = make.user(email="ana@example.org")
    expert = make.expert(user=user, themes={"children": "senior"}, languages={"ru": "C1"})
    oh.interest(db, answered, expert)
    db.session.add(OpportunityPreference(expert_id=expert.id, digest_threshold=1))
    db.session.commit()

    body = _digest(app)
    assert "New open calls that fit your profile" in body
    assert fits.title in body and f"/opportunities/{fits.id}" in body
    for absent in (french, answered, old):
        assert absent.title not in body


def test_a_threshold_above_the_score_keeps_the_call_out(app, db, make):
    oh.call(db, make, title="Child protection trainer")
    user = make.user(email="ana@example.org")
    expert = make.expert(user=user, themes={"children": "working"})
    db.session.add(OpportunityPreference(expert_id=expert.id, digest_threshold=100))
    db.session.commit()
    assert "Child protection trainer" not in _digest(app)
