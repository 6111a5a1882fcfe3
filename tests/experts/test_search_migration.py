"""The migration that adds the full-text index fills it from the experts already stored,
on SQLite and PostgreSQL, and its downgrade removes it."""

from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from roster.experts import search_index
from roster.experts.search_terms import parse_query
from roster.extensions import db
from tests.test_migrations import _empty_schema, _migrated_app

REVISION = "f75ea4c40de1"


def _before() -> str:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parents[2] / "migrations"))
    return ScriptDirectory.from_config(config).get_revision(REVISION).down_revision


def _index_tables(conn) -> set[str]:
    names = set(sa.inspect(conn).get_table_names())
    return {n for n in names if n.startswith(search_index.TABLE_PREFIXES)}


def test_migration_indexes_existing_experts(database_url, _pg_schema, tmp_path):
    _empty_schema(database_url)
    app = _migrated_app(database_url, tmp_path)
    expert = sa.table(
        "expert",
        sa.column("id"),
        *(sa.column(c) for c in ("first_name", "last_name", "biography", "status")),
        *(sa.column(c) for c in ("created_at", "updated_at", "version", "erased_at")),
    )
    stored = {"status": "approved", "version": 1, "created_at": datetime(2024, 1, 1)}
    stored["updated_at"] = stored["created_at"]
    try:
        with app.app_context():
            upgrade(revision=_before())
            with db.engine.begin() as conn:
                assert _index_tables(conn) == set()
                rows = [
                    {"first_name": "Zoé", "last_name": "Kane", "biography": "Asile au Bénin"},
                    {"first_name": "Ian", "last_name": "Ross", "biography": "Border data"},
                    {"first_name": "Old", "last_name": "Gone", "biography": "Asile"},
                ]
                erased = [None, None, datetime(2024, 2, 1)]
                conn.execute(
                    expert.insert(),
                    [row | stored | {"erased_at": e} for row, e in zip(rows, erased, strict=True)],
                )
            upgrade(revision=REVISION)

            def found(q):
                """Last names the index finds (read without the models: later revisions may
                add columns that this one does not have yet)."""
                with db.engine.connect() as conn:
                    hits = search_index.matches(parse_query(q), conn)
                    stmt = sa.select(expert.c.last_name).join(hits, hits.c.expert_id == expert.c.id)
                    return list(conn.scalars(stmt.where(expert.c.erased_at.is_(None))))

            assert found("benin asile") == ["Kane"]
            assert found("zoe") == ["Kane"]
            assert found('"border data"') == ["Ross"]
            assert found("gone") == []  # erased before the migration: not indexed
            db.session.remove()
            downgrade(revision=_before())
            with db.engine.connect() as conn:
                assert _index_tables(conn) == set()
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        if database_url is not None:
            _empty_schema(database_url)
            with app.app_context():
                db.create_all()
                db.engine.dispose()
