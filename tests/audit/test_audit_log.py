"""The audit log: admins only, newest first, filtered by action, actor and target."""

import re
from datetime import datetime

import pytest

from roster.audit.models import AuditEvent


@pytest.fixture
def events(db):
    rows = [
        AuditEvent(
            action="cv_read",
            actor_email="sam@example.org",
            target_type="expert",
            target_id=1,
            at=datetime(2026, 1, 1),
        ),
        AuditEvent(
            action="profile_changed",
            actor_email="kim@example.org",
            target_type="expert",
            target_id=2,
            detail="fields: phone",
            at=datetime(2026, 1, 2),
        ),
        AuditEvent(
            action="cv_read",
            actor_email="kim@example.org",
            target_type="expert",
            target_id=2,
            at=datetime(2026, 1, 3),
        ),
    ]
    db.session.add_all(rows)
    db.session.commit()
    return rows


def rows(html: str) -> list[str]:
    return re.findall(r'<td data-action="([^"]+)">', html)


def test_only_admins_read_the_log(client, make, login, events):
    assert client.get("/audit/").status_code in (302, 401)
    login(make.user())
    assert client.get("/audit/").status_code == 403
    login(make.staff())
    assert client.get("/audit/").status_code == 403
    login(make.admin())
    assert rows(client.get("/audit/").get_data(as_text=True)) == [
        "cv_read",
        "profile_changed",
        "cv_read",
    ]


def test_newest_first_and_filters(client, make, login, events):
    login(make.admin())
    html = client.get("/audit/").get_data(as_text=True)
    assert html.index("2026-01-03") < html.index("2026-01-01")
    assert rows(client.get("/audit/?action=profile_changed").get_data(as_text=True)) == [
        "profile_changed"
    ]
    html = client.get("/audit/?actor=SAM").get_data(as_text=True)
    assert "sam@example.org" in html and "kim@example.org</td>" not in html
    assert (
        len(rows(client.get("/audit/?target_type=expert&target_id=2").get_data(as_text=True))) == 2
    )


def test_bad_target_id_is_an_error_not_a_crash(client, make, login, events):
    login(make.admin())
    response = client.get("/audit/?target_id=abc")
    assert response.status_code == 200 and 'id="target_id-error"' in response.get_data(as_text=True)


def test_pagination(client, make, login, app, db):
    app.config["PER_PAGE"] = 2
    db.session.add_all(AuditEvent(action=f"a{i}") for i in range(5))
    db.session.commit()
    login(make.admin())
    assert len(rows(client.get("/audit/?page=3").get_data(as_text=True))) == 1


def test_security_events_read_as_words_in_the_readers_language(client, make, login, db):
    db.session.add(AuditEvent(action="two_factor_reset", actor_email="root@example.org"))
    db.session.commit()
    login(make.admin())
    html = client.get("/audit/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert rows(html)[0] == "two_factor_reset"
    label = html.split('data-action="two_factor_reset">')[1].split("</td>")[0]
    assert label == "Connexion à deux facteurs réinitialisée par un administrateur", label


def test_the_log_names_people_and_records_and_a_removed_person_as_such(client, make, login, db):
    """Names, not "user 1" or "expert 182"; an erased expert and a deleted account are
    "Removed person"; each kind of record and each event is named in the reader's language."""
    admin = login(make.admin(email="root@example.org"))
    staff = make.staff(email="sam@example.org")
    kept = make.expert(first_name="Awa", last_name="Ndiaye")
    erased = make.expert(first_name="Jonas", last_name="Berg")
    theme = make.theme("asylum", label="International protection and asylum")
    erased.erased_at = datetime(2026, 1, 1)
    gone = make.user(email="erased-0123@invalid.example")  # as erasure leaves an account
    db.session.add_all(
        [
            AuditEvent(
                action="cv_read",
                actor_id=staff.id,
                actor_email=staff.email,
                target_type="expert",
                target_id=kept.id,
                at=datetime(2026, 1, 1),
            ),
            AuditEvent(
                action="profile_changed",
                actor_id=admin.id,
                actor_email=admin.email,
                target_type="expert",
                target_id=erased.id,
                at=datetime(2026, 1, 2),
            ),
            AuditEvent(
                action="theme_changed",
                actor_email="gone@example.org",
                target_type="theme",
                target_id=theme.id,
                at=datetime(2026, 1, 3),
            ),
            AuditEvent(
                action="role_changed", target_type="user", target_id=9999, at=datetime(2026, 1, 4)
            ),
            AuditEvent(
                action="login",
                actor_id=gone.id,
                target_type="user",
                target_id=gone.id,
                at=datetime(2025, 12, 31),
            ),
        ]
    )
    db.session.commit()
    html = client.get("/audit/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    cells = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", row)).strip()
        for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]
    ]
    assert "Rôle modifié" in cells[0] and "Système" in cells[0] and "Personne supprimée" in cells[0]
    assert "Thème modifié" in cells[1] and "gone@example.org" in cells[1]
    assert "Thème International protection and asylum" in cells[1]
    assert "root@example.org" in cells[2] and "Expert Personne supprimée" in cells[2]
    assert "Jonas" not in html
    assert "CV consulté" in cells[3] and "sam@example.org" in cells[3]
    assert f'href="/experts/{kept.id}">Awa Ndiaye</a>' in html
    assert cells[4].count("Personne supprimée") == 2 and "invalid.example" not in html
    assert "user 9999" not in html and "expert 2" not in html
