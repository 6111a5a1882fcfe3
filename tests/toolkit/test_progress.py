"""Progress and completion rules, across language versions."""

from datetime import timedelta

import sqlalchemy as sa

from roster.toolkit.progress_models import Certificate, Progress
from tests.toolkit.conftest import answers, version


def read(client, slug, lang, *positions):
    for pos in positions:
        response = client.post(f"/toolkit/{slug}/{lang}/{pos}/read")
        assert response.status_code == 302


def progress_of(db, user, module):
    return db.session.scalar(sa.select(Progress).filter_by(user_id=user.id, module_id=module.id))


def test_opening_a_section_starts_progress_and_resume_returns_there(
    client, db, login, make, make_module
):
    module = make_module()
    user = login(make.user())
    assert client.get("/toolkit/online-facilitation/fr/2").status_code == 200
    progress = progress_of(db, user, module)
    assert (progress.language, progress.last_position, progress.read_positions) == ("fr", 2, set())
    response = client.get("/toolkit/online-facilitation/resume")
    assert response.headers["Location"].endswith("/toolkit/online-facilitation/fr/2")


def test_resume_before_starting_goes_to_the_first_section(client, login, make, make_module):
    make_module()
    login(make.user())
    response = client.get("/toolkit/online-facilitation/resume", headers={"Accept-Language": "fr"})
    assert response.headers["Location"].endswith("/toolkit/online-facilitation/fr/1")


def test_marking_read_moves_on_then_to_the_check(client, db, login, make, make_module):
    module = make_module()
    user = login(make.user())
    first = client.post("/toolkit/online-facilitation/en/1/read")
    assert first.headers["Location"].endswith("/toolkit/online-facilitation/en/2")
    read(client, "online-facilitation", "en", 2)
    last = client.post("/toolkit/online-facilitation/en/3/read")
    assert last.headers["Location"].endswith("/toolkit/online-facilitation/en/check")
    assert progress_of(db, user, module).read_positions == {1, 2, 3}
    page = client.get("/toolkit/online-facilitation/?lang=en").get_data(as_text=True)
    assert 'aria-valuenow="100"' in page


def test_skipping_a_section_sends_back_to_it(client, login, make, make_module):
    make_module()
    login(make.user())
    read(client, "online-facilitation", "en", 1)
    response = client.post("/toolkit/online-facilitation/en/3/read", follow_redirects=False)
    assert response.headers["Location"].endswith("/toolkit/online-facilitation/en/2")


def test_reading_everything_without_passing_does_not_complete(client, db, login, make, make_module):
    module = make_module()
    user = login(make.user())
    read(client, "online-facilitation", "en", 1, 2, 3)
    client.post(
        "/toolkit/online-facilitation/en/check", data=answers(version(module, "en"), right=False)
    )
    assert progress_of(db, user, module).completed_at is None
    assert db.session.scalar(sa.select(sa.func.count(Certificate.id))) == 0


def test_passing_without_reading_everything_does_not_complete(client, db, login, make, make_module):
    module = make_module()
    user = login(make.user())
    read(client, "online-facilitation", "en", 1, 2)
    page = client.post(
        "/toolkit/online-facilitation/en/check", data=answers(version(module, "en"))
    ).get_data(as_text=True)
    assert "also read the sections not yet marked as read" in page
    assert progress_of(db, user, module).completed_at is None
    read(client, "online-facilitation", "en", 3)  # the last step completes it
    progress = progress_of(db, user, module)
    assert progress.completed_at is not None and progress.completed_language == "en"
    assert db.session.scalar(sa.select(Certificate).filter_by(user_id=user.id)) is not None


def test_finishing_the_french_version_finishes_the_module(client, db, login, make, make_module):
    module = make_module()
    user = login(make.user())
    read(client, "online-facilitation", "en", 1, 2)  # first sitting in English
    read(client, "online-facilitation", "fr", 3)  # then in French: positions count
    page = client.get("/toolkit/online-facilitation/?lang=fr").get_data(as_text=True)
    assert 'aria-valuenow="100"' in page
    client.post("/toolkit/online-facilitation/fr/check", data=answers(version(module, "fr")))
    progress = progress_of(db, user, module)
    assert progress.completed_language == "fr"
    certificate = db.session.scalar(sa.select(Certificate).filter_by(user_id=user.id))
    assert certificate.language == "fr" and certificate.module_id == module.id


def test_a_check_passed_in_english_counts_for_the_french_version(
    client, db, login, make, make_module
):
    module = make_module()
    user = login(make.user())
    client.post("/toolkit/online-facilitation/en/check", data=answers(version(module, "en")))
    read(client, "online-facilitation", "fr", 1, 2, 3)
    assert progress_of(db, user, module).completed_language == "fr"


def test_completion_happens_once_with_one_certificate(client, db, login, make, make_module):
    module = make_module()
    user = login(make.user())
    read(client, "online-facilitation", "en", 1, 2, 3)
    client.post("/toolkit/online-facilitation/en/check", data=answers(version(module, "en")))
    first = progress_of(db, user, module).completed_at
    client.post("/toolkit/online-facilitation/fr/check", data=answers(version(module, "fr")))
    read(client, "online-facilitation", "fr", 1)
    assert progress_of(db, user, module).completed_at == first
    assert db.session.scalar(sa.select(sa.func.count(Certificate.id))) == 1


def test_progress_is_per_user(client, db, login, make, make_module):
    module = make_module()
    login(make.user())
    read(client, "online-facilitation", "en", 1, 2, 3)
    other = login(make.user())
    page = client.get("/toolkit/online-facilitation/?lang=en").get_data(as_text=True)
    assert 'aria-valuenow="0"' in page
    assert progress_of(db, other, module) is None


def test_prerequisites_must_be_completed_first(client, db, login, make, make_module):
    basics = make_module(slug="basics")
    advanced = make_module(slug="advanced")
    advanced.prerequisites.append(basics)
    db.session.commit()
    user = login(make.user())
    response = client.get("/toolkit/advanced/en/1", follow_redirects=True)
    assert "Complete these modules first" in response.get_data(as_text=True)
    assert progress_of(db, user, advanced) is None
    assert client.post("/toolkit/advanced/en/check", data={}).status_code == 302
    read(client, "basics", "en", 1, 2, 3)
    client.post("/toolkit/basics/en/check", data=answers(version(basics, "en")))
    assert client.get("/toolkit/advanced/en/1").status_code == 200


def test_catalog_shows_my_state_of_each_module(client, db, login, make, make_module):
    done = make_module(slug="done-one")
    make_module(slug="started-one")
    make_module(slug="new-one")
    login(make.user())
    read(client, "done-one", "en", 1, 2, 3)
    client.post("/toolkit/done-one/en/check", data=answers(version(done, "en")))
    read(client, "started-one", "en", 1)
    page = client.get("/toolkit/").get_data(as_text=True)
    assert page.count(">Completed<") == 1
    assert "/toolkit/started-one/resume" in page
    assert 'aria-valuenow="33"' in page


def test_stalled_is_computed_from_last_activity(db, make, make_module):
    from roster.core.time import utcnow
    from roster.toolkit import stats
    from roster.toolkit.progress_models import Progress

    module = make_module()
    user = make.user()
    progress = Progress(user=user, module=module, language="en")
    db.session.add(progress)
    db.session.commit()
    assert stats.state(progress) == "in_progress"
    progress.last_activity_at = utcnow() - timedelta(days=31)
    assert stats.state(progress) == "stalled"
    progress.completed_at = utcnow()
    assert stats.state(progress) == "completed"
