"""Erasure leaves the person nowhere the service writes; "Download my data" holds all of it.

An expert with distinctive strings (name, e-mail, phone, biography, CV text, a note, comments,
an API token's name, the client address they signed in from) uses the service: signs in
(once wrongly), uploads a CV twice, asks for a password reset, is invited by e-mail, answers
with a comment, is evaluated, takes a toolkit module, and is ranked from a saved index. After
the erasure every row of every table and every file under the instance folder (uploads,
outbox, the saved ranking index), read as bytes, is searched for each string; the index in
memory and another worker's index too. The reports' figures are the same before and after.
"""

import io
import json
import pickle
from datetime import date

import pytest
import sqlalchemy as sa

from roster.actions.models import Assignment, Evaluation
from roster.actions.notify import send_invitation
from roster.actions.ranking import build_index, roster_index
from roster.actions.ranking.index import RosterIndex
from roster.actions.states import AssignmentState
from roster.audit import record
from roster.audit.models import AuditEvent
from roster.auth.models import ApiToken, RecoveryCode, User
from roster.experts.models import Expert, Unavailability
from roster.reports.years import year_figures
from roster.toolkit.services import issue_certificate, start
from tests.actions import helpers as h
from tests.builders import PASSWORD
from tests.experts.pdfs import make_pdf
from tests.toolkit.conftest import build_module

IP = "203.0.113.77"
STAFF_IP = "198.51.100.20"
STRINGS = {
    "first name": "Zephyrine",
    "last name": "Quillfeather",
    "e-mail": "zephyrine.q@erase-probe.example",
    "phone": "+99 555 0173",
    "biography": "Xylographicus",
    "cv text": "Vorlanthic",
    "unavailability note": "Patagonihoneymoon",
    "invitation comment": "Ondrellecomment",
    "evaluation comment": "Brimvesterremark",
    "token name": "Zephyrinelaptop",
    "address": IP,
}
ENCODINGS = ("utf-8", "utf-16-le", "utf-32-le")  # pickled numpy text is UTF-32


def _rows_holding(db, needle: str) -> list[str]:
    """Tables (and a row) where needle appears, case-insensitive, in any column."""
    db.session.rollback()
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(sa.select(table)).all():
            if needle.lower() in repr(tuple(row)).lower():
                found.append(f"{table.name}: {tuple(row)!r:.200}")
    return found


def _files_holding(root, needle: str) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            if any(needle.lower().encode(e) in data for e in ENCODINGS):
                found.append(str(path.relative_to(root)))
    return found


def _in_memory(index: RosterIndex | None, needle: str) -> bool:
    if index is None or index.matcher is None:
        return False
    data = pickle.dumps(index.matcher).lower()
    return any(needle.lower().encode(e) in data for e in ENCODINGS)


def _figures() -> list[dict]:
    return [year_figures(year).as_dict() for year in (2021, 2022)]


@pytest.fixture
def person(app, client, db, make, login):
    """The expert, after using every feature that keeps something about them."""
    app.config["MATCH_SEMANTIC"] = False
    client.environ_base["REMOTE_ADDR"] = IP
    user = make.user(email=STRINGS["e-mail"])
    expert = make.expert(
        user=user,
        first_name=STRINGS["first name"],
        last_name=STRINGS["last name"],
        phone=STRINGS["phone"],
        biography=f"Works on {STRINGS['biography']} border audits and asylum law.",
        themes={"asylum": "senior"},
        languages={"fr": "C1"},
    )
    expert.unavailability.append(
        Unavailability(
            start=date(2021, 8, 1), end=date(2021, 8, 20), note=STRINGS["unavailability note"]
        )
    )
    db.session.commit()
    make.expert(first_name="Someone", biography="Asylum law and border audits.")  # stays

    client.post("/auth/login", data={"email": STRINGS["e-mail"], "password": PASSWORD})
    for text in ("first upload", STRINGS["cv text"]):  # the second replaces the first
        version = db.session.get(Expert, expert.id).version
        answer = client.post(
            f"/experts/{expert.id}/edit/cv",
            data={"version": str(version), "cv": (io.BytesIO(make_pdf(text)), "cv.pdf")},
            content_type="multipart/form-data",
        )
        assert answer.status_code == 302, answer.get_data(as_text=True)[:500]
        db.session.expire_all()
    # A copy an interrupted replacement left behind, named as the service names them.
    cv_dir = app.config["UPLOAD_DIR"] / "cv"
    (cv_dir / f"{expert.id}-0123456789abcdef.pdf").write_bytes(make_pdf(STRINGS["cv text"]))
    client.post("/auth/logout")
    # A failed sign-in (a lockout counter and an audit row with the address) and a reset.
    client.post("/auth/login", data={"email": STRINGS["e-mail"], "password": "wrong"})
    client.post("/auth/forgot", data={"email": STRINGS["e-mail"]})
    client.environ_base["REMOTE_ADDR"] = STAFF_IP  # staff work from elsewhere

    # Security: an API token, a second factor with recovery codes.
    token, _secret = ApiToken.issue(user, STRINGS["token name"])
    db.session.add(token)
    db.session.flush()
    record("token_created", target=token, detail=token.name, actor=user)
    user.totp_secret = "JBSWY3DPEHPK3PXP"
    db.session.add(RecoveryCode(user_id=user.id, code_hash="0" * 64))
    db.session.commit()

    # Work: invited by e-mail, answered with a comment, completed and evaluated.
    staff = make.staff()
    action = h.action(db, make, code="KZ-2021-77", title="Border assessment")
    other = make.expert(first_name="Colleague", last_name="Onthesameaction")
    h.assignment(db, other, action, state=AssignmentState.INVITED)
    assignment = h.assignment(
        db,
        expert,
        action,
        state=AssignmentState.COMPLETED,
        role="Lead expert",
        days=3,
        comment=STRINGS["invitation comment"],
    )
    with app.test_request_context():
        send_invitation(assignment)
    db.session.add(
        Evaluation(
            assignment=assignment, rating=4, comment=STRINGS["evaluation comment"], by_id=staff.id
        )
    )
    record("evaluation", expert, f"{action.code}: 4", actor=staff)
    db.session.commit()

    # Toolkit: progress and a certificate in the expert's name.
    module = build_module(db)
    start(user, module, "en")
    issue_certificate(user, module, "en")
    db.session.commit()

    # Ranking: an index built and saved beside the instance, and another worker's index.
    build_index()
    other_worker = RosterIndex(False, None, 300.0, str(db.engine.url))
    with other_worker.use() as matcher:
        assert str(expert.id) in matcher
    return {"user": user, "expert": expert, "staff": staff, "other_worker": other_worker}


def test_erasure_leaves_no_personal_data_in_any_table_or_file(app, client, db, login, person):
    expert, other_worker = person["expert"], person["other_worker"]
    root = app.config["INSTANCE_DIR"]
    # Every string is held somewhere before: the search below can find it.
    for label, needle in STRINGS.items():
        where = _rows_holding(db, needle) + _files_holding(root, needle)
        assert where or _in_memory(roster_index(), needle), f"{label} is nowhere to begin with"
    assert _files_holding(root, STRINGS["cv text"]) and _files_holding(root, STRINGS["biography"])
    figures = _figures()

    login(person["expert"].user)
    client.environ_base["REMOTE_ADDR"] = IP
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    login(person["staff"])
    client.environ_base["REMOTE_ADDR"] = STAFF_IP
    response = client.post(f"/experts/{expert.id}/erase")
    assert response.status_code == 302
    assert db.session.get(Expert, expert.id).erased_at is not None

    with other_worker.use():  # the other worker's next ranking sees the erasure
        pass
    left = {}
    for label, needle in STRINGS.items():
        where = _rows_holding(db, needle) + _files_holding(root, needle)
        if _in_memory(roster_index(), needle):
            where.append("the ranking index in memory")
        if _in_memory(other_worker, needle):
            where.append("another worker's ranking index in memory")
        if where:
            left[label] = where
    assert not left, json.dumps(left, indent=1)
    # Anonymous figures stay: the assignment, its rating, the events, the counts.
    assert _figures() == figures
    kept = db.session.scalar(sa.select(Assignment).filter_by(expert_id=expert.id))
    assert kept.state == AssignmentState.COMPLETED and kept.evaluation.rating == 4
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Expert)) == 3
    actions = db.session.scalars(sa.select(AuditEvent.action))
    assert {"login", "login_failed", "token_created", "evaluation", "expert_erased"} <= set(actions)
    # The other experts are still ranked.
    with roster_index().use() as matcher:
        assert len(matcher) == 2 and str(expert.id) not in matcher


def test_my_data_holds_everything_about_me_and_nothing_about_others(app, client, db, login, person):
    user, staff = person["user"], person["staff"]
    login(user)
    response = client.get("/experts/me/data.json")
    assert response.status_code == 200
    data = json.loads(response.data)
    text = response.get_data(as_text=True)
    assert data["profile"]["last_name"] == STRINGS["last name"]
    assert data["unavailability"][0]["note"] == STRINGS["unavailability note"]
    assert STRINGS["cv text"] in data["cv"]["text"]
    assert data["consent"]["given_at"] == data["profile"]["consent_at"] is not None
    # Work: assignments and invitations with my comment, and the rating (not staff's note).
    (work,) = data["assignments"]
    assert work["action"]["code"] == "KZ-2021-77" and work["state"] == "completed"
    assert work["comment"] == STRINGS["invitation comment"] and work["role"] == "Lead expert"
    assert work["evaluation"]["rating"] == 4
    assert STRINGS["evaluation comment"] not in text
    # Toolkit progress and certificates.
    assert data["toolkit"]["progress"][0]["module"] == "online-facilitation"
    assert data["toolkit"]["certificates"][0]["holder_name"].endswith(STRINGS["last name"])
    # Account: sign-in and security events, tokens by name (never a secret or hash).
    account = data["account"]
    assert account["email"] == STRINGS["e-mail"] and account["two_factor_enabled"] is True
    assert [t["name"] for t in account["api_tokens"]] == [STRINGS["token name"]]
    assert account["recovery_codes_left"] == 1
    events = {e["action"] for e in data["security_events"]}
    assert {"login", "login_failed", "token_created"} <= events
    assert any(e.get("ip") == IP for e in data["security_events"])
    assert data["sign_in_failures"][0]["failures"] == 1
    # Nothing about anyone else: no colleague, no staff member, no secret.
    for absent in ("Colleague", "Onthesameaction", "Someone", staff.email, "JBSWY3DPEHPK3PXP"):
        assert absent.lower() not in text.lower(), absent
    token = db.session.scalar(sa.select(ApiToken))
    assert token.token_hash not in text and "0" * 64 not in text
    assert set(data) >= {
        "profile",
        "account",
        "consent",
        "themes",
        "languages",
        "countries",
        "unavailability",
        "cv",
        "assignments",
        "toolkit",
        "security_events",
        "sign_in_failures",
        "audit_events",
    }
    assert db.session.get(User, user.id).email == STRINGS["e-mail"]  # reading changes nothing
