"""A partner's focal point: named with their institution in the communities, "Download my data"
from their account page, and erasure (asked by them, confirmed by staff) that leaves their
distinctive strings in no table and no file, while the threads read on and the requests they
sent stay with the institution."""

import io
import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from roster.actions.models import PartnerInstitution, Request
from roster.audit.models import AuditEvent
from roster.auth.models import PartnerFocalPoint, Role, User
from roster.communities.models import Event, EventRegistration, Post, Thread
from roster.core.time import utcnow
from roster.mail import outbox_messages
from roster.notifications import Notification, NotificationSettings
from roster.toolkit.progress_models import Certificate
from roster.toolkit.services import issue_certificate, start
from tests.actions import helpers
from tests.communities import helpers as community_helpers
from tests.experts.test_erasure_complete import _files_holding, _rows_holding
from tests.toolkit.conftest import build_module

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
INSTITUTION = "Dirección General de Migración y Extranjería"
IP = "203.0.113.91"
STRINGS = {
    "first name": "Zephyrine",
    "last name": "Quillfeather",
    "e-mail": "zephyrine.q@erase-probe.example",
    "phone": "+99 555 0188",
    "position": "Brimvesterofficer",
    "post": "Xylographicus",
    "earlier text": "Vorlanthic",
    "file name": "Ondrellemap.png",
    "address": IP,
}
NAME = f"{STRINGS['first name']} {STRINGS['last name']}"
CHOSEN = "seven lanterns over the bay"  # the password the person chooses from the mail


def focal_point(db, make, partner, name="Ana Pérez", email=None) -> User:
    user = make.user(email=email, role=Role.PARTNER)
    db.session.add(PartnerFocalPoint(user_id=user.id, partner_id=partner.id, name=name))
    db.session.commit()
    return user


def _expert(make, first="Luis", last="Mora"):
    user = make.user()
    make.expert(user=user, first_name=first, last_name=last)
    return user


def test_posts_are_signed_with_the_name_and_institution(client, db, make, login):
    partner = helpers.partner(db, make, name=INSTITUTION, country="CR", region="americas")
    ana, luis = focal_point(db, make, partner), _expert(make)
    unnamed = focal_point(db, make, partner, name="", email="maria.lopez@dgme.example")
    community = community_helpers.community(db, members=[ana, luis, unnamed])
    login(ana)
    client.post(
        f"/communities/{community.id}/threads/new",
        data={"title": "Children at the southern border", "body": "How do you screen?"},
    )
    thread = db.session.scalar(sa.select(Thread))
    login(luis)
    client.post(f"/communities/threads/{thread.id}", data={"body": "We ask @ana-perez first"})
    page = client.get(f"/communities/threads/{thread.id}").text
    assert f"Ana Pérez — {INSTITUTION}" in page
    # Mentioned by her own name's handle, she hears of it, signed by who wrote.
    note = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == ana.id, Notification.kind == "community.mention"
        )
    )
    assert note is not None and note.params["actor"] == "Luis Mora"
    members = client.get(f"/communities/{community.id}/members").text
    assert "@ana-perez" in members or "ana-perez" in members
    # A focal point invited before names were asked is named from the address, as before.
    assert "Maria Lopez" in members
    # Administrators find the account by the person's name.
    login(make.admin())
    found = client.get("/auth/users?q=p%C3%A9rez").text
    assert ana.email in found and f"Ana Pérez — {INSTITUTION}" in found
    account = client.get(f"/auth/users/{ana.id}").text
    assert f"Ana Pérez — {INSTITUTION}" in account and f"/experts/{ana.id}" not in account


def _uses_everything(app, client, db, make, login):
    """The focal point, invited by staff, uses every feature that keeps something of theirs."""
    partner = helpers.partner(db, make, name=INSTITUTION, country="CR", region="americas")
    partner.contacts = f"{NAME}, {STRINGS['e-mail']}\nSwitchboard +506 2299 8100"
    colleague = focal_point(db, make, partner, name="Marta Colleague")
    staff = make.staff(email="officer@example.org")
    db.session.commit()
    login(staff)
    client.post(
        f"/actions/partners/{partner.id}/focal-points",
        data={"focal-name": NAME, "focal-email": STRINGS["e-mail"], "focal-locale": "en"},
    )
    user = db.session.scalar(sa.select(User).where(User.email == STRINGS["e-mail"]))
    [invitation] = [m for m in outbox_messages(app.config["OUTBOX_DIR"]) if m["To"] == user.email]
    link = urlsplit(re.search(r"https?://\S+", invitation.get_content()).group(0)).path
    client.post("/auth/logout")
    client.get(link)
    client.post("/auth/reset", data={"password": CHOSEN, "confirm": CHOSEN})
    client.environ_base["REMOTE_ADDR"] = IP
    client.post("/auth/login", data={"email": user.email, "password": "wrong"})
    signed_in = client.post("/auth/login", data={"email": user.email, "password": CHOSEN})
    assert signed_in.headers["Location"].endswith("/partner/")

    # A request for the institution, the person as its contact.
    form = client.get("/partner/requests/new").text
    assert NAME in form  # the contact starts as the person
    client.post(
        "/partner/requests/new",
        data={
            "country_code": "CR",
            "title": "Screening of unaccompanied children",
            "text": "We ask for support to screen unaccompanied children at the border.",
            "contact_name": NAME,
            "contact_position": STRINGS["position"],
            "contact_email": user.email,
            "contact_phone": STRINGS["phone"],
        },
    )
    # The community: a thread with a file, edited; an event; a reply that notifies them.
    luis = _expert(make)
    community = community_helpers.community(db, members=[user, luis, colleague], name_en="LAC")
    event = Event(
        community_id=community.id,
        title="Webinar on screening",
        starts_at=utcnow() + timedelta(days=7),
        ends_at=utcnow() + timedelta(days=7, hours=2),
        timezone="America/Costa_Rica",
    )
    db.session.add(event)
    db.session.commit()
    client.post(
        f"/communities/{community.id}/threads/new",
        data={
            "title": "Screening children at borders",
            "body": f"First text {STRINGS['earlier text']}",
            "files": [(io.BytesIO(PNG), STRINGS["file name"])],
        },
        content_type="multipart/form-data",
    )
    thread = db.session.scalar(sa.select(Thread))
    client.post(
        f"/communities/posts/{thread.posts[0].id}/edit",
        data={"body": f"Second text {STRINGS['post']}", "version": "1"},
    )
    client.post(f"/communities/events/{event.id}/register")
    client.post("/notifications/settings", data={"digest": "daily"})
    client.environ_base["REMOTE_ADDR"] = "198.51.100.20"
    login(luis)
    client.post(f"/communities/threads/{thread.id}", data={"body": "Luis answers the thread"})
    # The toolkit, which a focal point reads like anyone signed in.
    module = build_module(db)
    start(user, module, "en")
    issue_certificate(user, module, "en")
    db.session.commit()
    return {
        "user": user,
        "partner": partner,
        "colleague": colleague,
        "staff": staff,
        "luis": luis,
        "thread": thread,
    }


@pytest.fixture
def person(app, client, db, make, login):
    return _uses_everything(app, client, db, make, login)


def test_my_data_holds_what_is_mine_and_nothing_of_others(client, db, login, person):
    user = login(person["user"])
    account = client.get("/auth/account").text
    assert "/partner/me/data.json" in account and "/partner/me/erasure" in account
    response = client.get("/partner/me/data.json")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    data = json.loads(response.data)
    text = response.get_data(as_text=True)
    assert data["focal_point"]["name"] == NAME
    assert data["focal_point"]["institution"]["name"] == INSTITUTION
    assert data["account"]["email"] == STRINGS["e-mail"] and data["account"]["role"] == "partner"
    [sent] = data["requests_sent"]
    assert sent["title"] == "Screening of unaccompanied children"
    assert sent["contact"] == {
        "name": NAME,
        "position": STRINGS["position"],
        "email": STRINGS["e-mail"],
        "phone": STRINGS["phone"],
    }
    assert {"login", "login_failed"} <= {e["action"] for e in data["security_events"]}
    assert any(e.get("ip") == IP for e in data["security_events"])
    communities = data["communities"]
    assert [m["community"] for m in communities["memberships"]] == ["LAC"]
    [post] = communities["posts"]
    assert post["text"] == f"Second text {STRINGS['post']}" and post["started_the_thread"]
    assert [e["text"] for e in post["earlier_texts"]] == [f"First text {STRINGS['earlier text']}"]
    assert post["files"] == [STRINGS["file name"]]
    assert [r["event"] for r in communities["event_registrations"]] == ["Webinar on screening"]
    assert data["notifications"]["digest"] == "daily"
    [told] = data["notifications"]["items"]
    assert told["text"].startswith("Luis Mora replied")
    assert data["toolkit"]["certificates"][0]["module"] == "online-facilitation"
    # Nothing of anyone else: the colleague, staff, another member's post.
    for absent in ("Marta Colleague", person["staff"].email, "Luis answers", "Switchboard"):
        assert absent not in text, absent
    assert db.session.get(User, user.id).email == STRINGS["e-mail"]  # reading changes nothing


def test_erasure_leaves_no_trace_while_the_thread_and_the_request_stay(
    app, client, db, make, login, person
):
    user, partner, staff = person["user"], person["partner"], person["staff"]
    root = app.config["INSTANCE_DIR"]
    for label, needle in STRINGS.items():
        assert _rows_holding(db, needle) + _files_holding(root, needle), f"{label} is nowhere"

    login(user)
    page = client.get("/partner/me/erasure")
    assert page.status_code == 200 and "/partner/me/data.json" in page.text
    refused = client.post("/partner/me/erasure", data={"submit": "Ask"})
    assert refused.status_code == 422 and 'id="confirm-error"' in refused.text
    client.post("/partner/me/erasure", data={"confirm": "y", "submit": "Ask"})
    assert db.session.get(PartnerFocalPoint, user.id).erasure_requested_at is not None

    login(staff)
    listed = client.get(f"/actions/partners/{partner.id}/edit").text
    assert "Asked for erasure on" in listed
    response = client.post(f"/actions/partners/{partner.id}/focal-points/{user.id}/erase")
    assert response.status_code == 302
    db.session.expire_all()

    left = {}
    for label, needle in STRINGS.items():
        if where := _rows_holding(db, needle) + _files_holding(root, needle):
            left[label] = where
    assert not left, json.dumps(left, indent=1)

    erased = db.session.get(User, user.id)
    assert erased.is_erased and not erased.is_active_account and erased.partner_id is None
    assert db.session.get(PartnerFocalPoint, user.id) is None
    assert person["colleague"].partner_id == partner.id  # the colleague stays
    # The request stays with the institution, without the person.
    req = db.session.scalar(sa.select(Request))
    assert req.partner_id == partner.id and req.title == "Screening of unaccompanied children"
    assert (req.contact_name, req.contact_email, req.contact_phone) == (None, None, None)
    assert db.session.get(PartnerInstitution, partner.id).contacts == "Switchboard +506 2299 8100"
    # Posts emptied in place, as for an expert: the thread reads on.
    posts = db.session.scalars(sa.select(Post).order_by(Post.id)).all()
    assert [p.author_id for p in posts] == [None, person["luis"].id] and posts[0].body == ""
    for model in (EventRegistration, NotificationSettings):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(model)) == 0, model
    assert not db.session.scalar(sa.select(Notification).where(Notification.user_id == user.id))
    assert db.session.scalar(sa.select(Certificate.holder_name)) == "—"
    # Audit: the erasure, by staff, about the institution's former focal point.
    event = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action == "focal_point_erased")
    )
    assert event.actor_id == staff.id and event.detail == INSTITUTION
    assert "erasure_requested" in set(db.session.scalars(sa.select(AuditEvent.action)))
    login(make.admin())
    log = client.get("/audit/").text.replace("&#39;", "'")
    assert "Partner focal point's personal data erased" in log

    login(person["luis"])
    thread = client.get(f"/communities/threads/{person['thread'].id}").text
    assert "Screening children at borders" in thread and "Luis answers the thread" in thread
    assert "This post was removed at its author\u2019s request." in thread
    client.post("/auth/logout")
    answer = client.post("/auth/login", data={"email": STRINGS["e-mail"], "password": CHOSEN})
    assert "/partner/" not in answer.headers.get("Location", "")


def test_a_focal_point_withdraws_a_request_for_erasure(client, db, make, login):
    partner = helpers.partner(db, make)
    user = login(focal_point(db, make, partner))
    client.post("/partner/me/erasure", data={"confirm": "y", "submit": "Ask"})
    assert "You asked for erasure on" in client.get("/partner/me/erasure").text
    client.post("/partner/me/erasure", data={"cancel": "Withdraw"})
    assert db.session.get(PartnerFocalPoint, user.id).erasure_requested_at is None
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"erasure_requested", "erasure_withdrawn"} <= actions


def test_staff_erase_only_what_was_asked_for_and_only_here(client, db, make, login):
    ours = helpers.partner(db, make, name="Ministry of Interior")
    theirs = helpers.partner(db, make, name="Border Agency")
    user = focal_point(db, make, ours, name="Ana Pérez", email="ana@interior.example")
    url = f"/actions/partners/{ours.id}/focal-points/{user.id}/erase"
    # The person cannot erase themselves (staff confirm), nor can another institution's page.
    login(user)
    assert client.post(url, data={f"erase-{user.id}-asked": "y"}).status_code == 403
    login(make.staff())
    wrong = f"/actions/partners/{theirs.id}/focal-points/{user.id}/erase"
    assert client.post(wrong, data={f"erase-{user.id}-asked": "y"}).status_code == 404
    # Without a request in the service, staff tick that the person asked.
    unticked = client.post(url, follow_redirects=True)
    assert "Tick that the person asked" in unticked.text
    assert db.session.get(User, user.id).email == "ana@interior.example"
    assert client.post(url, data={f"erase-{user.id}-asked": "y"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).is_erased
    page = client.get(f"/actions/partners/{ours.id}/edit").text
    assert "Ana Pérez" not in page and "ana@interior.example" not in page


def test_only_a_focal_point_downloads_their_data(client, db, make, login):
    expert = _expert(make)
    login(expert)
    assert client.get("/partner/me/data.json").status_code == 403
    assert "/partner/me/data.json" not in client.get("/auth/account").text
    login(make.user(role=Role.PARTNER))  # a partner account not tied to an institution
    assert client.get("/partner/me/data.json").status_code == 403
