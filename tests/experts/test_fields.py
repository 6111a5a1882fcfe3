"""One list of the expert's fields: the export's file imports back unchanged."""

import sqlalchemy as sa

from roster.experts.fields import EXPERT_FIELDS, EXPORT_FIELDS, IMPORT_FIELDS
from roster.experts.models import Expert
from tests.experts.test_import import post_csv


def test_export_and_import_share_the_columns_in_one_order():
    names = [f.name for f in EXPERT_FIELDS]
    for subset in (EXPORT_FIELDS, IMPORT_FIELDS):
        columns = [f.name for f in subset]
        assert columns == sorted(columns, key=names.index)
    assert {"themes", "languages", "countries", "email"} <= {f.name for f in IMPORT_FIELDS}


def test_an_exported_roster_imports_back_unchanged(client, make, login, db):
    make.expert(
        first_name="Ana",
        last_name="Alves",
        phone="+33 1 23",
        employer="Ministry",
        years_experience=12,
        themes={"asylum": "senior"},
        languages={"fr": "C1", "en": "B2"},
        countries={"BJ": "west-africa"},
    )
    login(make.staff())
    exported = client.get("/experts/export.csv").data.decode("utf-8-sig")
    expert = db.session.scalar(sa.select(Expert))
    before = {f.name: f.read(f, expert) for f in EXPORT_FIELDS}
    response = post_csv(client, exported.replace("'+33", "+33"))  # the formula guard, undone
    assert "1 unchanged" in response.get_data(as_text=True)
    db.session.expire_all()
    expert = db.session.scalar(sa.select(Expert))
    assert {f.name: f.read(f, expert) for f in EXPORT_FIELDS} == before
