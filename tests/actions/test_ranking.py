"""The bridge to the matching library: profiles read from the database, only approved experts
ranked, and an index that follows every change at once (edits, approval, erasure, bookings)."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from roster.actions import ranking
from roster.actions.ranking import index as match_index
from roster.actions.ranking.loading import load_experts
from roster.actions.states import ActivityFormat, AssignmentState
from roster.experts.models import Expert, ExpertTheme, Status, Unavailability
from tests.actions import helpers as h

S = AssignmentState


def ranked_ids(query: ranking.Query, k: int = 50) -> list[int]:
    return [int(m.expert_id) for m in ranking.rank(query, k).matches]


def theme_score(query: ranking.Query, expert_id: int) -> float:
    match = next(m for m in ranking.rank(query, 50).matches if m.expert_id == str(expert_id))
    return match.reason("themes").score


def stats() -> dict:
    return ranking.roster_index().stats


ASYLUM = ranking.Query(themes=["asylum"])


def test_only_approved_and_not_erased_experts_are_ranked(db, make):
    approved = make.expert(themes={"asylum": "senior"})
    for status in (Status.DRAFT, Status.APPLIED, Status.REJECTED, Status.INACTIVE):
        make.expert(status=status, themes={"asylum": "senior"})
    erased = make.expert(themes={"asylum": "senior"})
    erased.erased_at = erased.updated_at
    db.session.commit()
    assert ranked_ids(ASYLUM) == [approved.id]


def test_profile_reads_texts_themes_languages_places_and_bookings(db, make):
    make.country("MX", "latam")
    expert = make.expert(
        biography="Prosecutor specialised in trafficking cases.",
        cv_text="2010-2020 National police.",
        nationality="es",
        themes={"trafficking": "senior"},
        languages={"es": "native", "en": "C1"},
        countries={"MX": "latam"},
    )
    expert.unavailability.append(Unavailability(start=date(2021, 7, 1), end=date(2021, 7, 31)))
    done = h.action(db, make, title="Victim identification", summary="Training of judges.")
    h.assignment(db, expert, done, state=S.COMPLETED)
    booked = h.action(db, make, start_on=date(2021, 9, 1), end_on=date(2021, 12, 31))
    webinar = h.activity(db, booked, start_on=date(2021, 9, 28), end_on=date(2021, 9, 29))
    h.assignment(db, expert, booked, state=S.ACCEPTED, activity=webinar)
    h.assignment(db, expert, booked, state=S.INVITED, start_on=date(2021, 11, 2))
    h.assignment(db, expert, booked, state=S.DECLINED, start_on=date(2021, 10, 5))
    h.assignment(db, expert, booked, state=S.PROPOSED, start_on=date(2021, 10, 6))

    experts, _stamps = load_experts(signals={expert.id: {"evaluation": 0.75, "training": None}})
    e = experts[expert.id]
    assert e.texts == (
        "Prosecutor specialised in trafficking cases.",
        "2010-2020 National police.",
        "Victim identification. Training of judges.",
    )
    assert (e.themes, e.languages) == ({"trafficking": "senior"}, {"es": "native", "en": "C1"})
    assert (e.countries, e.nationality) == (frozenset({"MX"}), "ES")
    assert sorted(e.unavailable) == [
        (date(2021, 7, 1), date(2021, 7, 31)),
        (date(2021, 9, 28), date(2021, 9, 29)),
        (date(2021, 11, 2), date(2021, 11, 2)),
    ]
    assert e.signals == {"evaluation": 0.75}


def test_a_booked_expert_is_not_available_in_those_dates(db, make):
    busy = make.expert(themes={"asylum": "senior"})
    free = make.expert(themes={"asylum": "senior"})
    other = h.action(db, make)
    h.assignment(db, busy, other, state=S.ACCEPTED, start_on=date(2022, 3, 1))
    dates = ranking.Query(themes=["asylum"], start=date(2022, 3, 1), end=date(2022, 3, 2))
    assert ranked_ids(dates) == [free.id]
    assert sorted(ranked_ids(ranking.Query(themes=["asylum"], start=date(2022, 3, 2)))) == sorted(
        [busy.id, free.id]
    )


def test_region_experience_counts_through_the_country_table(db, make):
    make.country("CR", "latam")
    expert = make.expert(countries={"MX": "latam"})
    [match] = ranking.rank(ranking.Query(country="CR")).matches
    geography = match.reason("geography")
    assert int(match.expert_id) == expert.id
    assert [(e.key, e.have) for e in geography.matched] == [("latam", "region")]


def test_an_edit_through_the_profile_steps_changes_the_next_ranking(client, db, make, login):
    user = make.user()
    expert = make.expert(user=user, languages={"es": "B1"}, themes={"asylum": "working"})
    make.expert(languages={"es": "C1"}, themes={"asylum": "working"})
    spanish = ranking.Query(themes=["asylum"], languages={"es": "B2"})
    assert expert.id not in ranked_ids(spanish)
    login(user)
    response = client.post(
        f"/experts/{expert.id}/edit/languages",
        data={
            "version": str(expert.version),
            "languages-0-code": "es",
            "languages-0-level": "C2",
        },
    )
    assert response.status_code == 302
    assert ranked_ids(spanish)[0] == expert.id  # C2 beats C1
    senior = ranking.Query(themes=["migration-data"])
    assert theme_score(senior, expert.id) == 0
    data_theme = make.theme("migration-data")
    db.session.refresh(expert)
    response = client.post(
        f"/experts/{expert.id}/edit/themes",
        data={
            "version": str(expert.version),
            "themes-0-theme": str(expert.themes[0].theme_id),
            "themes-0-depth": "working",
            "themes-1-theme": str(data_theme.id),
            "themes-1-depth": "senior",
        },
    )
    assert response.status_code == 302
    assert theme_score(senior, expert.id) == 1 and ranked_ids(senior)[0] == expert.id
    assert stats()["builds"] == 1 and stats()["updates"] >= 2  # applied, not rebuilt


def test_approval_and_erasure_reach_the_next_ranking(client, db, make, login):
    user = make.user()
    applicant = make.expert(user=user, status=Status.APPLIED, themes={"asylum": "senior"})
    assert ranked_ids(ASYLUM) == []
    login(make.staff())
    assert client.post(f"/experts/{applicant.id}/vet", data={"decision": "approve"}).status_code
    assert ranked_ids(ASYLUM) == [applicant.id]
    login(user)
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    login(make.staff())
    client.post(f"/experts/{applicant.id}/erase")
    assert db.session.get(Expert, applicant.id).erased_at is not None
    assert ranked_ids(ASYLUM) == []
    # Not a removal, which would keep their texts in the matcher: the index is built anew.
    assert stats()["builds"] == 2 and stats()["removals"] == 0


def test_child_rows_touch_the_expert_and_bookings_keep_its_version(db, make):
    expert, asylum = make.expert(), make.theme("asylum")
    stamps = [expert.updated_at]
    expert.themes.append(ExpertTheme(theme=asylum, depth="working"))
    db.session.commit()
    stamps.append(expert.updated_at)
    row = Unavailability(expert_id=expert.id, start=date(2022, 1, 1), end=date(2022, 1, 2))
    db.session.add(row)  # by id only: the listener loads the parent itself
    db.session.commit()
    stamps.append(db.session.get(Expert, expert.id).updated_at)
    db.session.delete(row)
    db.session.commit()
    stamps.append(db.session.get(Expert, expert.id).updated_at)
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    version = db.session.get(Expert, expert.id).version
    assignment = h.assignment(db, expert, h.action(db, make))
    assignment.state = S.INVITED
    db.session.commit()
    db.session.expire_all()
    touched = db.session.get(Expert, expert.id)
    assert touched.updated_at > stamps[-1] and touched.version == version


def test_a_saved_index_is_loaded_by_another_worker_and_caught_up(app, db, make):
    first = make.expert(themes={"asylum": "senior"})
    count, path = ranking.build_index()
    assert count == 1 and path.exists() and path.with_name("matcher.json").exists()
    second = make.expert(themes={"asylum": "working"})
    app.extensions.pop("roster_index")  # a new worker: nothing in memory
    assert ranked_ids(ASYLUM) == [first.id, second.id]
    assert stats()["loads"] == 1 and stats()["builds"] == 0


def test_a_starting_worker_warms_up_from_the_saved_index_only(app, db, make):
    make.expert(themes={"asylum": "senior"})
    assert ranking.roster_index().warm() is False  # nothing saved: left to the first match
    assert stats()["builds"] == 0
    ranking.build_index()
    app.extensions.pop("roster_index")  # a worker that just started
    assert ranking.roster_index().warm() is True
    assert stats()["loads"] == 1 and stats()["builds"] == 0


def test_an_index_saved_for_another_database_is_ignored(app, db, make):
    make.expert(themes={"asylum": "senior"})
    ranking.build_index()
    meta = app.config["INSTANCE_DIR"] / "matcher.json"
    meta.write_text(meta.read_text().replace('"database": "', '"database": "x'))
    app.extensions.pop("roster_index")
    assert len(ranked_ids(ASYLUM)) == 1
    assert stats()["loads"] == 0 and stats()["builds"] == 1


def test_rows_deleted_outright_and_signals_are_refreshed_on_their_ttl(app, db, make, monkeypatch):
    gone = make.expert(themes={"asylum": "senior"})
    rated = make.expert(themes={"asylum": "senior"})
    assert len(ranked_ids(ASYLUM)) == 2
    done = h.action(db, make, start_on=date.today() - timedelta(days=30))
    assignment = h.assignment(db, rated, done, state=S.COMPLETED, days=2)
    from roster.actions.models import Evaluation

    db.session.add(Evaluation(assignment=assignment, rating=5))
    db.session.execute(sa.delete(ExpertTheme).where(ExpertTheme.expert_id == gone.id))
    db.session.execute(sa.delete(Expert).where(Expert.id == gone.id))
    db.session.commit()
    monkeypatch.setattr(match_index, "RECONCILE_TTL", 0.0)
    ranking.roster_index().signals_ttl = 0.0
    [match] = ranking.rank(ASYLUM).matches
    assert int(match.expert_id) == rated.id
    assert [e.have for e in match.reason("evaluation").matched] == ["1.00"]


@pytest.mark.parametrize(
    "fmt, boosted", [(ActivityFormat.ONLINE, True), (ActivityFormat.IN_PERSON, False)]
)
def test_an_activity_asks_for_its_dates_and_online_ones_weigh_training(db, make, fmt, boosted):
    action = h.action(db, make, themes=["asylum"], languages=["fr"], title="Asylum reform")
    webinar = h.activity(db, action, start_on=date(2021, 5, 10), format=fmt, title="Webinar")
    query = ranking.action_query(action, webinar, min_level="C1")
    assert (query.start, query.end, query.partial) == (date(2021, 5, 10), date(2021, 5, 10), False)
    assert query.languages == {"fr": "C1"} and query.themes == ["asylum"]
    assert "Asylum reform" in query.text and "Webinar" in query.text
    assert ("training" in query.weights) is boosted
    whole = ranking.action_query(action)
    assert (whole.start, whole.end, whole.partial) == (action.start_on, action.end_on, True)


def test_build_index_command_builds_and_saves_with_progress(app, runner, make):
    make.expert(themes={"asylum": "senior"})
    make.expert(status=Status.APPLIED)
    result = runner.invoke(args=["build-index"])
    assert result.exit_code == 0, result.output
    assert "Indexing approved experts" in result.output
    assert "Indexed 1 approved experts" in result.output
    assert (app.config["INSTANCE_DIR"] / "matcher.pkl").exists()


def test_a_broken_or_foreign_saved_index_is_rebuilt_not_an_error(app, db, make):
    make.expert(themes={"asylum": "senior"})
    ranking.build_index()
    (app.config["INSTANCE_DIR"] / "matcher.pkl").write_bytes(b"not a pickle")
    app.extensions.pop("roster_index")
    assert len(ranked_ids(ASYLUM)) == 1
    assert stats()["builds"] == 1
    ranking.build_index()
    meta = app.config["INSTANCE_DIR"] / "matcher.json"
    meta.write_text(meta.read_text().replace('"library": "', '"library": "old'))
    app.extensions.pop("roster_index")
    assert len(ranked_ids(ASYLUM)) == 1
    assert stats()["loads"] == 0 and stats()["builds"] == 1
