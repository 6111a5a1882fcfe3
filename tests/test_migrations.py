"""The migrations build the schema the models describe, on SQLite and PostgreSQL, from an
empty database and from each earlier revision holding data."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from roster import create_app
from roster.auth.models import Role, User
from roster.experts.search_index import not_index_table
from roster.extensions import db
from tests.migration_data import insert_rows, key_of, primary_keys

pytestmark = pytest.mark.slow


def _migrated_app(database_url, tmp_path):
    url = database_url or f"sqlite:///{tmp_path / 'migrated.db'}"
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_DIR": tmp_path})


def _empty_schema(database_url):
    """Drop the tables that the other tests create, so that Alembic starts from nothing."""
    if database_url is None:
        return
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def test_upgrade_from_empty_matches_models(database_url, _pg_schema, tmp_path):
    _empty_schema(database_url)
    app = _migrated_app(database_url, tmp_path)
    try:
        with app.app_context():
            upgrade(directory="migrations")
            with db.engine.connect() as conn:
                context = MigrationContext.configure(
                    conn,
                    opts={
                        "compare_type": True,
                        "render_as_batch": True,
                        "include_name": not_index_table,
                    },
                )
                diff = compare_metadata(context, db.metadata)
            assert diff == [], f"models and migrations differ: {diff}"
            downgrade(directory="migrations", revision="base")
            remaining = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
            assert remaining == set()
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        if database_url is not None:
            # Leave the schema as the session fixture expects it for the tests that follow.
            _empty_schema(database_url)
            with app.app_context():
                db.create_all()
                db.engine.dispose()


def _revisions() -> list[str]:
    """Every revision of the chain, oldest first (however many there are)."""
    from pathlib import Path

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parents[1] / "migrations"))
    return [
        r.revision for r in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))
    ]


@pytest.mark.parametrize("revision", _revisions())
def test_upgrade_from_each_revision_keeps_its_data(database_url, _pg_schema, tmp_path, revision):
    _empty_schema(database_url)
    app = _migrated_app(database_url, tmp_path)
    try:
        with app.app_context():
            upgrade(revision=revision)
            with db.engine.begin() as conn:
                inserted = insert_rows(conn, db.metadata)
            assert inserted, f"no table at {revision}"
            upgrade()
            with db.engine.connect() as conn:
                for table, rows in inserted.items():
                    if not sa.inspect(conn).has_table(table):
                        continue  # a later revision dropped it on purpose
                    present = primary_keys(conn, table)
                    for row in rows:
                        assert key_of(table, row, conn) in present, f"{table} lost {row}"
            # The app reads every row through its models (enums, JSON, dates decode) ...
            for mapper in db.Model.registry.mappers:
                db.session.scalars(sa.select(mapper.class_)).all()
            users = db.session.scalars(sa.select(User)).all()
            if "user" in inserted:
                assert len(users) >= len(inserted["user"])
                assert all(u.role in Role for u in users)
            # ... and serves pages over them.
            client = app.test_client()
            themes = client.get("/api/v1/themes")
            assert themes.status_code == 200
            if "theme" in inserted:
                active = {r["slug"] for r in inserted["theme"] if r.get("active", True)}
                assert active <= {t["slug"] for t in themes.json["items"]}
            assert client.get("/").status_code == 200
            db.session.remove()
            downgrade(revision="base")
            remaining = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
            assert remaining == set()
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        if database_url is not None:
            _empty_schema(database_url)
            with app.app_context():
                db.create_all()
                db.engine.dispose()
