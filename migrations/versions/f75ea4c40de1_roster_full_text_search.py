"""roster full-text search

The database's own full-text index of the roster (roster/experts/search_index.py): an FTS5
table on SQLite; on PostgreSQL the unaccent extension, an immutable unaccent wrapper and a
tsvector table under a GIN index. Filled from the experts already stored.

Revision ID: f75ea4c40de1
Revises: 5e5510a5c0de
Create Date: 2026-12-02 10:00:00.000000

"""

from alembic import op

from roster.experts import search_index

# revision identifiers, used by Alembic.
revision = "f75ea4c40de1"
down_revision = "5e5510a5c0de"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    # SQLite: CREATE VIRTUAL TABLE ... USING fts5; PostgreSQL: CREATE EXTENSION unaccent,
    # roster_unaccent(), expert_search and its GIN index (search_index.create_objects).
    search_index.create_objects(conn)
    search_index.rebuild(conn)


def downgrade():
    search_index.drop_objects(op.get_bind())
