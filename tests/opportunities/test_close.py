"""Staff close a call: each expert who expressed interest hears the outcome, in the service's
notifications and by e-mail in their own language."""

import sqlalchemy as sa

from roster.mail import outbox_messages
from roster.notifications import Notification
from roster.opportunities.models import CallStatus, Outcome
from tests.opportunities import helpers as oh


def _expert(db, make, name, locale):
    user = make.user(email=f"{name.lower()}@example.org")
    user.locale = locale
    db.session.commit()
    return user, make.expert(user=user, first_name=name, last_name="Roster")


def test_closing_tells_every_interested_expert_the_outcome(app, client, db, make, login):
    call = oh.call(db, make, title="Child protection trainer")
    ana_user, ana = _expert(db, make, "Ana", "fr")
    ben_user, ben = _expert(db, make, "Ben", "en")
    _, bystander = _expert(db, make, "Cleo", "es")
    chosen = oh.interest(db, call, ana, note="Ready.")
    oh.interest(db, call, ben)
    login(make.staff())
    page = client.get(f"/opportunities/calls/{call.id}").text
    assert "Ana Roster" in page and "Ben Roster" in page and "Close the call" in page

    response = client.post(
        f"/opportunities/calls/{call.id}/close",
        data={
            "selected": [str(chosen.id)],
            "outcome": "Thank you all: the workshop takes place in Almaty.",
            "version": str(call.version),
        },
    )
    assert response.status_code == 302
    db.session.refresh(call)
    assert call.status == CallStatus.CLOSED and call.closed_at is not None
    assert {i.expert_id: i.outcome for i in call.interests} == {
        ana.id: Outcome.SELECTED,
        ben.id: Outcome.NOT_SELECTED,
    }

    notes = {n.user_id: n for n in db.session.scalars(sa.select(Notification))}
    assert set(notes) == {ana_user.id, ben_user.id}
    assert notes[ana_user.id].kind == "opportunity.selected"
    assert notes[ben_user.id].kind == "opportunity.not_selected"
    assert "Child protection trainer" in notes[ben_user.id].text

    mails = {m["To"]: m for m in outbox_messages(app.config["OUTBOX_DIR"])}
    assert set(mails) == {"ana@example.org", "ben@example.org"}
    french, english = mails["ana@example.org"].get_content(), mails["ben@example.org"].get_content()
    assert french.startswith("Bonjour,") and english.startswith("Hello,")
    assert "not selected this time" in english and "avez été retenu" in french
    for body in (french, english):
        assert "the workshop takes place in Almaty" in body
        assert f"/opportunities/{call.id}" in body
    assert bystander.id not in {i.expert_id for i in call.interests}

    # The experts read the outcome on the call's page.
    login(ben_user)
    page = client.get(f"/opportunities/{call.id}").text
    assert "Not selected" in page and "the workshop takes place in Almaty" in page
    login(make.staff())
    again = client.post(f"/opportunities/calls/{call.id}/close", data={"outcome": "Twice"})
    assert again.status_code == 302
    assert len(outbox_messages(app.config["OUTBOX_DIR"])) == 2


def test_a_close_without_a_message_or_from_an_old_page_changes_nothing(
    app, client, db, make, login
):
    call = oh.call(db, make)
    _, ana = _expert(db, make, "Ana", "en")
    oh.interest(db, call, ana)
    login(make.staff())
    url = f"/opportunities/calls/{call.id}/close"
    empty = client.post(url, data={"outcome": "", "version": str(call.version)})
    assert empty.status_code == 400 and 'id="outcome-error"' in empty.text
    stale = client.post(url, data={"outcome": "Closed.", "version": str(call.version - 1)})
    assert stale.status_code == 409
    db.session.refresh(call)
    assert call.status == CallStatus.OPEN and outbox_messages(app.config["OUTBOX_DIR"]) == []
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0
