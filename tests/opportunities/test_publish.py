"""Staff publish an open call from an Action's activity and follow it."""

import re

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.opportunities.models import CallStatus, OpenCall
from tests.opportunities import helpers as oh


def _form(activity_start, **changes) -> dict:
    data = {
        "title": "Trainer on child-sensitive procedures",
        "expected": "Three days of training for social workers, in Russian or English.",
        "themes": ["children"],
        "languages-0-code": "ru",
        "languages-0-level": "C1",
        "country_code": "KZ",
        "start_on": activity_start.isoformat(),
        "deadline": oh.ahead(20).isoformat(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _interested(listing: str, title: str) -> int:
    """The "Interested" column of the call's row in the list of calls."""
    row = listing.split(title, 1)[1].split("</tr>", 1)[0]
    return int(re.search(r'<td class="text-end">(\d+)</td>', row).group(1))


def test_staff_publish_a_call_from_an_activity(client, db, make, login):
    activity = oh.activity(db, make, notes="Social workers of three districts.")
    login(make.staff())
    detail = client.get(f"/actions/{activity.action.id}").text
    assert f"/opportunities/activities/{activity.id}/call" in detail
    page = client.get(f"/opportunities/activities/{activity.id}/call")
    # The draft comes from the activity: its title, notes, dates and the Action's themes.
    assert page.status_code == 200
    assert 'value="Workshop on child-sensitive procedures"' in page.text
    assert "Social workers of three districts." in page.text
    assert f'value="{activity.start_on.isoformat()}"' in page.text

    response = client.post(
        f"/opportunities/activities/{activity.id}/call", data=_form(activity.start_on)
    )
    assert response.status_code == 302
    call = db.session.scalar(sa.select(OpenCall))
    assert call.activity_id == activity.id and call.status == CallStatus.OPEN
    assert call.languages == {"ru": "C1"} and [t.slug for t in call.themes] == ["children"]
    assert call.country_code == "KZ" and call.deadline == oh.ahead(20)
    assert db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "call_published"))
    listing = client.get("/opportunities/calls").text
    assert "Trainer on child-sensitive procedures" in listing and activity.action.code in listing


def test_a_past_activity_leaves_the_dates_to_staff(client, db, make, login):
    activity = oh.activity(db, make, start_on=oh.ahead(-400))
    login(make.staff())
    page = client.get(f"/opportunities/activities/{activity.id}/call").text
    assert 'name="start_on" required type="date" value=""' in page
    assert 'name="deadline" required type="date" value=""' in page


def test_a_call_with_impossible_dates_is_refused_next_to_the_field(client, db, make, login):
    activity = oh.activity(db, make)
    login(make.staff())
    url = f"/opportunities/activities/{activity.id}/call"
    cases = {
        "a deadline in the past": (
            _form(activity.start_on, deadline=oh.ahead(-1).isoformat()),
            "deadline",
            "must not be in the past",
        ),
        "a deadline after the start": (
            _form(activity.start_on, deadline=oh.ahead(90).isoformat()),
            "deadline",
            "before the activity starts",
        ),
        "an end before the start": (
            _form(activity.start_on, end_on=oh.ahead(10).isoformat()),
            "end_on",
            "must not be before the start date",
        ),
        "no text": (_form(activity.start_on, expected=""), "expected", "required"),
        "a language twice": (
            _form(activity.start_on, **{"languages-1-code": "ru", "languages-1-level": "B2"}),
            "languages",
            "Each language once",
        ),
    }
    for label, (data, field, message) in cases.items():
        response = client.post(url, data=data)
        assert response.status_code == 400, label
        assert f'id="{field}-error"' in response.text and message in response.text, label
    assert db.session.scalar(sa.select(sa.func.count(OpenCall.id))) == 0


def test_staff_see_each_calls_interest_and_notes(client, db, make, login):
    call = oh.call(db, make)
    other = oh.call(db, make, title="Facilitator of an online webinar")
    ana = make.expert(first_name="Ana", last_name="Lima")
    ben = make.expert(first_name="Ben", last_name="Okafor")
    oh.interest(db, call, ana, note="I trained social workers in Tashkent.")
    oh.interest(db, call, ben)
    login(make.staff())
    listing = client.get("/opportunities/calls").text
    assert _interested(listing, call.title) == 2 and _interested(listing, other.title) == 0
    detail = client.get(f"/opportunities/calls/{call.id}").text
    assert "Experts interested (2)" in detail
    assert "Ana Lima" in detail and "I trained social workers in Tashkent." in detail
    assert "Ben Okafor" in detail
