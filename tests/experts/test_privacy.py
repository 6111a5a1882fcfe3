"""Personal data: the JSON download, the request for erasure, and the erasure itself."""

import io
import json
from datetime import date

import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.auth.models import User
from roster.experts.models import Expert, ExpertTheme, Status
from tests.experts.pdfs import make_pdf


def test_json_export_holds_my_data_and_no_one_elses(client, make, login, db):
    user = make.user()
    mine = make.expert(
        user=user,
        first_name="Mine",
        themes={"asylum": "senior"},
        languages={"fr": "native"},
        countries={"BJ": None},
        biography="My own story",
    )
    make.expert(first_name="Someone", biography="Their secret story")
    login(user)
    client.post(
        f"/experts/{mine.id}/edit/cv",
        data={"version": str(mine.version), "cv": (io.BytesIO(make_pdf("My CV text")), "cv.pdf")},
        content_type="multipart/form-data",
    )
    response = client.get("/experts/me/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.data)
    assert data["profile"]["first_name"] == "Mine"
    assert data["profile"]["consent_at"]
    assert data["themes"] == [{"theme": "asylum", "depth": "senior"}]
    assert data["languages"] == [{"code": "fr", "level": "native"}]
    assert data["countries"] == ["BJ"]
    assert "My CV text" in data["cv"]["text"]
    assert data["account"]["email"] == user.email
    assert "Someone" not in response.get_data(as_text=True)
    assert "Their secret story" not in response.get_data(as_text=True)


def test_staff_without_profile_get_404_for_my_data(client, make, login):
    login(make.staff())
    assert client.get("/experts/me/data.json").status_code == 404


def test_erasure_needs_confirmation_then_staff(client, make, login, db):
    user = make.user()
    expert = make.expert(user=user)
    login(user)
    response = client.post("/experts/me/erasure", data={"submit": "Ask"})
    assert response.status_code == 422 and "Tick the box" in response.get_data(as_text=True)
    assert db.session.get(Expert, expert.id).erasure_requested_at is None
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    assert db.session.get(Expert, expert.id).erasure_requested_at is not None
    assert client.get("/experts/erasure").status_code == 403
    assert client.post(f"/experts/{expert.id}/erase").status_code == 403
    client.post("/experts/me/erasure", data={"cancel": "Withdraw"})
    assert db.session.get(Expert, expert.id).erasure_requested_at is None


def test_erasure_removes_data_and_file_and_keeps_the_count(client, make, login, app, db):
    user = make.user()
    expert = make.expert(
        user=user,
        first_name="Gone",
        themes={"asylum": "senior"},
        languages={"fr": "C1"},
        countries={"SN": None},
        phone="+1 555",
        biography="Private",
        joined_on=date(2021, 4, 1),
    )
    login(user)
    client.post(
        f"/experts/{expert.id}/edit/cv",
        data={"version": str(expert.version), "cv": (io.BytesIO(make_pdf()), "cv.pdf")},
        content_type="multipart/form-data",
    )
    stored = app.config["UPLOAD_DIR"] / "cv" / db.session.get(Expert, expert.id).cv_path
    assert stored.exists()
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    staff = login(make.staff())
    assert "Gone" in client.get("/experts/erasure").get_data(as_text=True)
    client.post(f"/experts/{expert.id}/erase")
    erased = db.session.get(Expert, expert.id)
    assert erased.name == "Erased expert" and erased.erased_at is not None
    assert (erased.email, erased.phone, erased.biography, erased.cv_text) == (None,) * 4
    assert not stored.exists()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ExpertTheme)) == 0
    account = db.session.get(User, user.id)
    assert not account.is_active_account and account.email.endswith("@invalid.example")
    assert "Gone" not in account.email and account.password_hash is None
    joined_2021 = db.session.scalar(
        sa.select(sa.func.count(Expert.id)).where(
            Expert.joined_on.between(date(2021, 1, 1), date(2021, 12, 31))
        )
    )
    assert joined_2021 == 1 and erased.status == Status.APPROVED
    event = db.session.scalar(sa.select(AuditEvent).filter_by(action="expert_erased"))
    assert event.actor_id == staff.id
    details = db.session.scalars(
        sa.select(AuditEvent.detail).where(AuditEvent.target_id == expert.id)
    ).all()
    assert details and all(d is None for d in details)  # no names or notes left in the log
    assert "Gone" not in client.get("/experts/").get_data(as_text=True)
    assert client.get(f"/experts/{expert.id}/edit/about").status_code == 403


def test_staff_cannot_erase_without_a_request(client, make, login, db):
    expert = make.expert()
    login(make.staff())
    client.post(f"/experts/{expert.id}/erase")
    assert db.session.get(Expert, expert.id).erased_at is None


def test_erasure_keeps_certificates_verifiable_but_nameless(client, make, login, db):
    from roster.toolkit.progress_models import Certificate
    from roster.toolkit.services import issue_certificate
    from tests.toolkit.conftest import build_module

    user = make.user()
    expert = make.expert(user=user, first_name="Zora", last_name="Quist")
    certificate = issue_certificate(user, build_module(db), "fr")
    db.session.commit()
    code = certificate.code
    assert "Quist" in certificate.holder_name
    login(user)
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    login(make.staff())
    client.post(f"/experts/{expert.id}/erase")
    db.session.expire_all()
    kept = db.session.scalar(sa.select(Certificate).filter_by(code=code))
    assert kept is not None and "Quist" not in kept.holder_name and "Zora" not in kept.holder_name
    page = client.get(f"/toolkit/verify?code={code}").get_data(as_text=True)
    assert "Zora" not in page and "Quist" not in page and "Z." not in page
