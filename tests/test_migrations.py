"""The migrations build the schema the models describe, on SQLite and PostgreSQL."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from roster import create_app
from roster.extensions import db


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
                    conn, opts={"compare_type": True, "render_as_batch": True}
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
