"""Events through the app: planned in a time zone, registration, the calendar file (RFC 5545,
escaped and folded), the recording and materials afterwards."""

import re
from datetime import datetime

import sqlalchemy as sa

from roster.communities.calendar import escape_text, fold, to_utc
from roster.communities.models import Event, EventRegistration
from roster.notifications import Notification
from tests.communities import helpers


def _expert(make, name="Ana", last="Souza"):
    user = make.user()
    make.expert(user=user, first_name=name, last_name=last)
    return user


def _plan(client, community, **data):
    body = {
        "title": "COVID-19 and border management",
        "description": "With COMESA; agenda, speakers",
        "day": "2031-09-14",
        "start_time": "10:00",
        "end_time": "11:30",
        "timezone": "Africa/Nairobi",
        "format": "online",
        "join_url": "https://meet.example.org/covid",
        "registration_open": "y",
        "version": "0",
        **data,
    }
    return client.post(f"/communities/{community.id}/events/new", data=body)


def test_a_moderator_plans_an_event_in_its_time_zone_and_members_are_told(client, login, make, db):
    ana, mod = _expert(make), _expert(make, "Mia", "Mod")
    community = helpers.community(db, members=[ana], moderators=[mod])
    login(mod)
    assert _plan(client, community).status_code == 303
    event = db.session.scalar(sa.select(Event))
    # 10:00 in Nairobi (UTC+3) is 07:00 UTC.
    assert (event.starts_at, event.ends_at) == (
        datetime(2031, 9, 14, 7, 0),
        datetime(2031, 9, 14, 8, 30),
    )
    note = db.session.scalar(sa.select(Notification).where(Notification.user_id == ana.id))
    assert note.kind == "community.event"
    login(ana)
    page = client.get(f"/communities/events/{event.id}").get_data(as_text=True)
    assert "Africa/Nairobi" in page and "7:00" in page and "https://meet.example.org/covid" in page


def test_a_plain_member_cannot_plan_an_event(client, login, make, db):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    login(ana)
    assert _plan(client, community).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0


def test_an_end_before_the_start_is_refused_next_to_the_field(client, login, make, db):
    mod = _expert(make, "Mia", "Mod")
    community = helpers.community(db, moderators=[mod])
    login(mod)
    response = _plan(client, community, end_time="09:00")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="end_time-error"' in page
    assert 'value="COVID-19 and border management"' in page


def test_register_then_cancel(client, login, make, db):
    ana, mod = _expert(make), _expert(make, "Mia", "Mod")
    community = helpers.community(db, members=[ana], moderators=[mod])
    login(mod)
    _plan(client, community)
    event = db.session.scalar(sa.select(Event))
    login(ana)
    client.post(f"/communities/events/{event.id}/register")
    assert db.session.scalar(sa.select(EventRegistration.user_id)) == ana.id
    login(mod)
    assert "Ana Souza" in client.get(f"/communities/events/{event.id}").get_data(as_text=True)
    login(ana)
    client.post(f"/communities/events/{event.id}/register")
    assert db.session.scalar(sa.select(sa.func.count(EventRegistration.id))) == 0


def test_a_past_event_takes_no_registration_and_shows_its_recording(client, login, make, db):
    ana, mod = _expert(make), _expert(make, "Mia", "Mod")
    community = helpers.community(db, members=[ana], moderators=[mod])
    login(mod)
    _plan(
        client,
        community,
        day="2021-09-14",
        recording_url="https://video.example.org/webinar",
        materials="[Slides](https://example.org/slides.pdf)",
    )
    event = db.session.scalar(sa.select(Event))
    login(ana)
    client.post(f"/communities/events/{event.id}/register")
    assert db.session.scalar(sa.select(sa.func.count(EventRegistration.id))) == 0
    # Who was registered stays so: a cancellation after the event changes nothing.
    db.session.add(EventRegistration(event_id=event.id, user_id=ana.id))
    db.session.commit()
    client.post(f"/communities/events/{event.id}/register")
    assert db.session.scalar(sa.select(EventRegistration.user_id)) == ana.id
    page = client.get(f"/communities/events/{event.id}").get_data(as_text=True)
    assert "This event is over. You were registered." in page and "Cancel my" not in page
    assert "https://video.example.org/webinar" in page and ">Slides</a>" in page
    listing = client.get(f"/communities/{community.id}/events").get_data(as_text=True)
    assert "Recording or materials" in listing


def test_the_calendar_file_follows_rfc_5545(client, login, make, db):
    ana, mod = _expert(make), _expert(make, "Mia", "Mod")
    community = helpers.community(db, members=[ana], moderators=[mod])
    login(mod)
    _plan(client, community, location="Lusaka; room 2, floor 1")
    event = db.session.scalar(sa.select(Event))
    login(ana)
    response = client.get(f"/communities/events/{event.id}/calendar.ics")
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith(
        "END:VCALENDAR\r\n"
    )
    assert "DTSTART:20310914T070000Z\r\n" in text and "DTEND:20310914T083000Z\r\n" in text
    assert "LOCATION:Lusaka\\; room 2\\, floor 1\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert ("X-ORGANISER-TIMEZONE", "Africa/Nairobi") in _content_lines(text)
    assert (
        "DESCRIPTION:With COMESA\\; agenda\\, speakers\\n\\nhttps://meet.example.org/"
        in text.replace("\r\n ", "")
    )


def _content_lines(text: str) -> list[tuple[str, str]]:
    """(name, value) of each unfolded content line; fails on a line RFC 5545 would refuse."""
    assert "\n" not in text.replace("\r\n", ""), "a bare line break"
    lines = text.removesuffix("\r\n").replace("\r\n ", "").split("\r\n")
    out = []
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9-]*)(?:;[^:]*)?:(.*)", line)
        assert match, f"not a content line: {line!r}"
        out.append((match.group(1), match.group(2)))
    return out


def test_a_description_cannot_add_lines_to_the_calendar_file(client, login, make, db):
    mod = _expert(make, "Mia", "Mod")
    community = helpers.community(db, moderators=[mod])
    login(mod)
    sneaky = "Agenda\r\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Fake\n" + "é" * 80
    _plan(client, community, title="Real; one, two", description=sneaky)
    event = db.session.scalar(sa.select(Event))
    text = client.get(f"/communities/events/{event.id}/calendar.ics").get_data(as_text=True)
    lines = _content_lines(text)
    names = [name for name, _value in lines]
    assert names.count("BEGIN") == names.count("END") == 2
    for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
        assert names.count(name) == 1, name
    values = dict(lines)
    assert values["SUMMARY"] == "Real\\; one\\, two"
    assert values["DESCRIPTION"].startswith("Agenda\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Fake")
    assert values["UID"] == f"community-event-{event.id}@localhost"


def test_escaping_and_folding():
    assert escape_text("a\\b;c,d\r\ne\x07") == "a\\\\b\\;c\\,d\\ne"
    line = "SUMMARY:" + "é" * 60
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_time_zones_follow_daylight_saving():
    from datetime import date, time

    assert to_utc(date(2021, 1, 15), time(10, 0), "America/Bogota") == datetime(2021, 1, 15, 15)
    assert to_utc(date(2021, 7, 15), time(10, 0), "Europe/Paris") == datetime(2021, 7, 15, 8)
    assert to_utc(date(2021, 1, 15), time(10, 0), "Europe/Paris") == datetime(2021, 1, 15, 9)
    assert to_utc(date(2021, 1, 15), time(10, 0), "Not/AZone") == datetime(2021, 1, 15, 10)
