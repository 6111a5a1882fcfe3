"""The full-text index follows every change of a profile in the same transaction: edits,
CV upload and removal, import, approval, erasure, deletion; and it can be rebuilt."""

import io

import pytest
import sqlalchemy as sa

from roster.experts import search_index
from roster.experts.filters import RosterFilters
from roster.experts.models import Expert, Status
from roster.experts.search import roster_query
from tests.experts.pdfs import make_pdf
from tests.experts.test_import import HEADER, post_csv
from tests.experts.test_profile import about_data


def found(db, q: str, **filters) -> list[int]:
    return [e.id for e in db.session.scalars(roster_query(RosterFilters(q=q, **filters)))]


def indexed(db) -> set[int]:
    """The expert ids the index holds."""
    if db.engine.dialect.name == "postgresql":
        sql = f"SELECT expert_id FROM {search_index.PG_TABLE}"  # noqa: S608
    else:
        sql = f"SELECT rowid FROM {search_index.FTS_TABLE}"  # noqa: S608
    return set(db.session.scalars(sa.text(sql)))


@pytest.fixture
def owner(make, login):
    user = make.user()
    expert = make.expert(user=user, status=Status.DRAFT, biography="Customs officer")
    login(user)
    return expert


def test_a_new_expert_is_found_at_once(db, make):
    expert = make.expert(biography="Pastoralism and mobility in the Sahel")
    assert found(db, "pastoralism") == [expert.id]
    assert indexed(db) == {expert.id}


def test_profile_edit_replaces_the_old_words(client, db, owner):
    data = about_data(owner, biography="Statelessness determination in Zanzibar.")
    assert client.post(f"/experts/{owner.id}/edit/about", data=data).status_code == 302
    assert found(db, "zanzibar") == [owner.id]
    assert found(db, "statelessness determination") == [owner.id]
    assert found(db, "customs") == []
    assert found(db, "Amina Diallo") == [owner.id]  # the new name


def test_cv_upload_and_removal(client, db, owner):
    client.post(
        f"/experts/{owner.id}/edit/cv",
        data={
            "version": str(owner.version),
            "cv": (io.BytesIO(make_pdf("Expert in hydrography")), "cv.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert found(db, "hydrography") == [owner.id]
    client.post(f"/experts/{owner.id}/cv/delete")
    assert found(db, "hydrography") == []
    assert found(db, "customs") == [owner.id]


def test_imported_experts_are_found(client, db, make, login):
    login(make.staff())
    row = 'Noor,Haddad,noor@example.org,,JO,,,,4,"Refugee camps logistics",,,,applied,\n'
    post_csv(client, HEADER + row)
    expert = db.session.scalar(sa.select(Expert).filter_by(last_name="Haddad"))
    assert found(db, "logistic") == [expert.id]


def test_approval_keeps_the_expert_findable(client, db, make, login):
    applicant = make.expert(status=Status.APPLIED, biography="Return counselling")
    login(make.staff())
    data = {"decision": "approve", "note": "", "version": str(applicant.version)}
    assert client.post(f"/experts/{applicant.id}/vet", data=data).status_code == 302
    assert db.session.get(Expert, applicant.id).status == Status.APPROVED
    assert found(db, "counselling", status="approved") == [applicant.id]


def test_erased_expert_is_not_findable_and_leaves_the_index(client, db, make, login):
    user = make.user()
    expert = make.expert(user=user, first_name="Gone", last_name="Person", biography="Kelp")
    other = make.expert(biography="Kelp farming")
    login(user)
    client.post("/experts/me/erasure", data={"confirm": "y", "submit": "Ask"})
    login(make.staff())
    client.post(f"/experts/{expert.id}/erase")
    assert db.session.get(Expert, expert.id).erased_at is not None
    assert found(db, "kelp") == [other.id]
    assert found(db, "gone person") == [] and found(db, "erased") == []
    assert indexed(db) == {other.id}


def test_deleted_expert_leaves_the_index(db, make):
    expert = make.expert(biography="Kelp")
    db.session.delete(expert)
    db.session.commit()
    assert indexed(db) == set()


def test_index_changes_roll_back_with_the_transaction(db, make):
    expert = make.expert(biography="Kelp")
    expert.biography = "Seaweed"
    db.session.flush()
    assert found(db, "seaweed") == [expert.id]  # the same transaction sees its change
    db.session.rollback()
    assert found(db, "seaweed") == [] and found(db, "kelp") == [expert.id]


def test_rebuild_indexes_rows_written_around_the_app(db, make, runner):
    make.expert(biography="Kelp")
    db.session.execute(
        sa.insert(Expert),
        [{"first_name": "Bulk", "last_name": f"Row{i}", "biography": "Seaweed"} for i in range(3)],
    )
    db.session.commit()
    assert found(db, "seaweed") == []  # a bulk insert does not pass through the flush
    result = runner.invoke(args=["rebuild-search-index"])
    assert result.exit_code == 0 and "4 experts" in result.output
    db.session.expire_all()
    assert len(found(db, "seaweed")) == 3 and len(indexed(db)) == 4
