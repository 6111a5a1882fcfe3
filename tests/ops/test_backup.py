"""`flask backup` and `flask restore`: everything comes back in an empty database."""

import io
import json
import tarfile

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask_migrate import stamp, upgrade
from werkzeug.datastructures import FileStorage

from roster.audit import record
from roster.auth.models import User
from roster.demo.cv import pdf_from_lines
from roster.experts.cv import store_cv
from roster.experts.models import Expert
from roster.extensions import db, migrate
from roster.ops import manifest as mf
from roster.toolkit.models import Module
from roster.toolkit.progress_models import Progress
from tests.migration_data import insert_rows, key_of, primary_keys
from tests.ops.helpers import app_on, scratch_database

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]


def _schema():
    """The models' tables at the head revision (test_migrations checks that both agree)."""
    db.create_all()
    stamp()


def _seed(app):
    """The demo (experts, partners, Actions, toolkit) plus CVs, progress and audit events."""
    with app.app_context():
        _schema()
        result = app.test_cli_runner().invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        experts = db.session.scalars(sa.select(Expert).order_by(Expert.id).limit(3)).all()
        for n, expert in enumerate(experts):
            pdf = pdf_from_lines([f"{expert.first_name} {expert.last_name}", f"CV number {n}"])
            store_cv(expert, FileStorage(io.BytesIO(pdf), filename=f"cv{n}.pdf"))
        user = db.session.scalar(sa.select(User).where(User.email == "expert@example.org"))
        module = db.session.scalar(sa.select(Module).order_by(Module.id))
        db.session.add(Progress(user=user, module=module, language="fr", last_position=2))
        record("backup_test", target=user, detail="seeded for the backup test")
        db.session.commit()
        db.session.remove()


def _snapshot(app):
    """Row counts, a sample of rows per table, and the upload files' bytes."""
    with app.app_context():
        engine = db.engine
        counts = mf.row_counts(engine)
        samples = {}
        with engine.connect() as conn:
            for table in db.metadata.sorted_tables:
                order = list(table.primary_key.columns) or list(table.columns)
                rows = conn.execute(sa.select(table).order_by(*order).limit(5)).all()
                samples[table.name] = [tuple(r) for r in rows]
        uploads = app.config["UPLOAD_DIR"]
        files = {
            p.relative_to(uploads).as_posix(): p.read_bytes()
            for p in uploads.rglob("*")
            if p.is_file()
        }
        db.engine.dispose()
    return counts, samples, files


@pytest.fixture
def source_and_target(database_url, _pg_schema, tmp_path):
    with (
        scratch_database(database_url, tmp_path, "source") as source_url,
        scratch_database(database_url, tmp_path, "target") as target_url,
    ):
        source = app_on(source_url, tmp_path / "source")
        target = app_on(target_url, tmp_path / "target")
        yield source, target
        for app in (source, target):
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


def test_backup_restores_everything_into_an_empty_database(source_and_target, tmp_path):
    source, target = source_and_target
    _seed(source)
    before = _snapshot(source)
    archive = tmp_path / "backup.tar.gz"
    with source.app_context():
        result = source.test_cli_runner().invoke(args=["backup", str(archive)])
    assert result.exit_code == 0, result.output
    assert "Backup written" in result.output

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["row_counts"] == before[0]
    assert manifest["alembic_revision"]
    cv_names = [n for n in manifest["files"] if n.startswith("uploads/cv/")]
    assert len(cv_names) >= 4  # the demo expert's CV and the three added here

    with target.app_context():
        assert sa.inspect(db.engine).get_table_names() == []  # really empty
        result = target.test_cli_runner().invoke(args=["restore", str(archive)])
        db.engine.dispose()
    assert result.exit_code == 0, result.output
    assert "Restored" in result.output

    counts, samples, files = _snapshot(target)
    assert counts == before[0]
    assert samples == before[1]
    assert files == before[2]  # the CVs, byte for byte
    assert counts["expert"] > 100 and counts["action"] > 0 and counts["module_progress"] >= 1

    with target.app_context():
        token = target.test_cli_runner().invoke(args=["create-token", "staff@example.org"])
        assert token.exit_code == 0, token.output
        secret = token.output.strip().splitlines()[-1]
        client = target.test_client()
        response = client.get(
            "/api/v1/experts?joined_year=2021", headers={"Authorization": f"Bearer {secret}"}
        )
        assert response.status_code == 200
        assert response.json["total"] == 114
        expert = db.session.scalar(sa.select(Expert).where(Expert.cv_path.is_not(None)))
        assert (target.config["UPLOAD_DIR"] / "cv" / expert.cv_path).read_bytes() == files[
            f"cv/{expert.cv_path}"
        ]

        again = target.test_cli_runner().invoke(args=["restore", str(archive)])
        assert again.exit_code != 0
        assert "not empty" in again.output
        db.session.remove()
        db.engine.dispose()


def test_restore_refuses_a_damaged_archive(source_and_target, tmp_path):
    source, target = source_and_target
    with source.app_context():
        _schema()
        (source.config["UPLOAD_DIR"] / "cv").mkdir(parents=True, exist_ok=True)
        (source.config["UPLOAD_DIR"] / "cv" / "a.pdf").write_bytes(b"%PDF-1.4 original")
        archive = tmp_path / "backup.tar.gz"
        assert source.test_cli_runner().invoke(args=["backup", str(archive)]).exit_code == 0
        db.engine.dispose()
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    (unpacked / "uploads" / "cv" / "a.pdf").write_bytes(b"%PDF-1.4 tampered")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for path in unpacked.iterdir():
            tar.add(path, arcname=path.name)
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["restore", str(damaged)])
        assert result.exit_code != 0
        assert "checksum differs: uploads/cv/a.pdf" in result.output
        assert sa.inspect(db.engine).get_table_names() == []  # nothing was touched
        db.engine.dispose()


def test_restore_of_an_older_revision_applies_the_newer_migrations(source_and_target, tmp_path):
    source, target = source_and_target
    with source.app_context():
        script = ScriptDirectory.from_config(migrate.get_config())
        revisions = [r.revision for r in script.walk_revisions()]
        if len(revisions) < 2:
            pytest.skip("one revision only: no older schema to restore from")
        older = revisions[1]  # the one before head
        upgrade(revision=older)
        with db.engine.begin() as conn:
            inserted = insert_rows(conn, db.metadata)
        archive = tmp_path / "old.tar.gz"
        assert source.test_cli_runner().invoke(args=["backup", str(archive)]).exit_code == 0
        db.engine.dispose()
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["restore", str(archive)])
        assert result.exit_code == 0, result.output
        assert f"The backup is at revision {older}" in result.output
        assert mf.alembic_revision(db.engine) == revisions[0]
        with db.engine.connect() as conn:
            for table, rows in inserted.items():
                present = primary_keys(conn, table)
                assert all(key_of(table, row, conn) in present for row in rows), table
        db.session.remove()
        db.engine.dispose()
