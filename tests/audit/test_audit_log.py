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
    assert '<code class="small">two_factor_reset</code>' in html
    label = html.split('data-action="two_factor_reset">')[1].split("<br>")[0]
    assert label and label != "two_factor_reset" and "Two-factor" not in label
