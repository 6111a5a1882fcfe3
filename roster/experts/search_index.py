"""The roster's full-text index, in the database's own engine, kept current in the same
transaction as every change of a profile.

SQLite: an FTS5 table `expert_fts` (rowid = expert id) with the `porter unicode61
remove_diacritics 2` tokenizer, so accents and case are ignored and English is stemmed; two
more columns hold the texts stemmed in French and Spanish by Snowball (search_terms.py).
PostgreSQL: a table `expert_search` with one tsvector per expert made of the 'simple',
'english', 'french' and 'spanish' configurations over unaccented text (name weight A,
employer, position and e-mail B, biography B, CV C), under a GIN index.

Every flush that adds an expert, changes one of the indexed texts, erases or deletes one
updates the index (an erased expert leaves it). Rows written around the ORM (bulk inserts,
`sa.update`) are not seen: run `rebuild` (`flask rebuild-search-index`) after such a load.
"""

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session

from roster.experts.models import Expert
from roster.experts.search_terms import STEMMED_LANGUAGES, SearchQuery, stem, stemmed_texts

FTS_TABLE = "expert_fts"  # SQLite
PG_TABLE = "expert_search"  # PostgreSQL
# Kept out of the migrations' comparison with the models (they are not models).
TABLE_PREFIXES = (FTS_TABLE, PG_TABLE)


def not_index_table(name: str, type_: str, _parents: dict) -> bool:
    """Alembic's include_name: the index's tables are made here, not from models, so
    autogenerate and the migration tests leave them out of their comparison."""
    return not (type_ == "table" and name.startswith(TABLE_PREFIXES))


INDEXED = ("first_name", "last_name", "email", "employer", "position", "biography", "cv_text")
_EXACT_COLUMNS = ("name", "work", "biography", "cv")
# bm25 weights of name, work, biography, cv, then the stemmed copies of all four (low:
# they mostly find again what the exact columns found).
_BM25_WEIGHTS = (10.0, 4.0, 4.0, 1.0, 0.5, 0.5)
PG_CONFIGS = ("simple", "english", "french", "spanish")

_expert = Expert.__table__


def _pg_vector(text_sql: str, weight: str) -> str:
    parts = " || ".join(
        f"to_tsvector('{config}', roster_unaccent({text_sql}))" for config in PG_CONFIGS
    )
    return f"setweight({parts}, '{weight}')"


_PG_DOCUMENT = " || ".join(
    (
        _pg_vector("coalesce(e.first_name, '') || ' ' || coalesce(e.last_name, '')", "A"),
        _pg_vector(
            "concat_ws(' ', e.employer, e.position, "
            "regexp_replace(coalesce(e.email, ''), '[^[:alnum:]]+', ' ', 'g'))",
            "B",
        ),
        _pg_vector("coalesce(e.biography, '')", "B"),
        _pg_vector("coalesce(e.cv_text, '')", "C"),
    )
)
_PG_FILL = (
    f"INSERT INTO {PG_TABLE} (expert_id, document) "  # noqa: S608 (constants only)  # nosec B608
    f"SELECT e.id, {_PG_DOCUMENT} FROM expert AS e WHERE e.erased_at IS NULL"
)

# fastupdate off: an edit goes straight into the index instead of a pending list, which
# grows until the next VACUUM and meanwhile makes the planner prefer reading every document.
_PG_GIN = (
    f"CREATE INDEX IF NOT EXISTS ix_{PG_TABLE}_document ON {PG_TABLE} "
    "USING gin (document) WITH (fastupdate = off)"
)
# The documents are TOASTed and the planner does not count the cost of reading them: it
# would rather test every document for @@ than use the GIN index. Asked through this
# function, the match always uses the index (seqscan is off inside it only).
_PG_MATCH = (
    "CREATE OR REPLACE FUNCTION roster_text_match(tsquery) "  # noqa: S608 (constants only)  # nosec B608
    "RETURNS TABLE (expert_id integer) LANGUAGE sql STABLE PARALLEL SAFE ROWS 200 "
    "SET enable_seqscan = off "
    f"AS $$ SELECT s.expert_id FROM {PG_TABLE} AS s WHERE s.document @@ $1 $$"
)
_DDL = {
    "sqlite": [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"{', '.join(_EXACT_COLUMNS)}, {', '.join(STEMMED_LANGUAGES)}, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    ],
    "postgresql": [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        # unaccent() is only STABLE (it reads its dictionary): an IMMUTABLE wrapper with the
        # dictionary named may be used in an index expression and is folded in query plans.
        "CREATE OR REPLACE FUNCTION roster_unaccent(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
        "AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$",
        f"CREATE TABLE IF NOT EXISTS {PG_TABLE} ("
        "expert_id integer NOT NULL, document tsvector NOT NULL, "
        f"CONSTRAINT pk_{PG_TABLE} PRIMARY KEY (expert_id), "
        f"CONSTRAINT fk_{PG_TABLE}_expert_id_expert FOREIGN KEY (expert_id) "
        "REFERENCES expert (id) ON DELETE CASCADE) WITH (toast_tuple_target = 8160)",
        # Documents kept in the row, compressed (a few KB), not in TOAST: ranking reads
        # every matching document, and fetching each from TOAST made it 2.5 times slower.
        f"ALTER TABLE {PG_TABLE} ALTER COLUMN document SET STORAGE MAIN",
        _PG_GIN,
        _PG_MATCH,
    ],
}
_DROP = {
    "sqlite": [f"DROP TABLE IF EXISTS {FTS_TABLE}"],
    "postgresql": [
        "DROP FUNCTION IF EXISTS roster_text_match(tsquery)",
        f"DROP TABLE IF EXISTS {PG_TABLE}",
        "DROP FUNCTION IF EXISTS roster_unaccent(text)",
    ],
}


def create_objects(conn: sa.Connection) -> None:
    """Create the index's tables (and on PostgreSQL its extension and function), empty."""
    for statement in _DDL.get(conn.dialect.name, ()):
        conn.exec_driver_sql(statement)


def drop_objects(conn: sa.Connection) -> None:
    """Drop what create_objects made (the unaccent extension stays: others may use it)."""
    for statement in _DROP.get(conn.dialect.name, ()):
        conn.exec_driver_sql(statement)


def _sqlite_document(row) -> tuple:
    name = f"{row.first_name or ''} {row.last_name or ''}".strip()
    work = " ".join(filter(None, (row.employer, row.position, row.email)))
    # Every field, the name too, so that a word found in the exact columns is found in the
    # stemmed copies as well and those do not tip the ranking towards long texts.
    texts = "\n".join(filter(None, (name, work, row.biography, row.cv_text)))
    stems = stemmed_texts(texts, STEMMED_LANGUAGES)
    return (row.id, name, work, row.biography or "", row.cv_text or "", *stems)


def _sqlite_insert(conn: sa.Connection, ids: list[int] | None, batch: int = 500) -> int:
    """Index the experts with these ids (None: all), reading them a batch at a time."""
    columns = ("rowid", *_EXACT_COLUMNS, *STEMMED_LANGUAGES)
    sql = (
        f"INSERT INTO {FTS_TABLE} ({', '.join(columns)}) "  # noqa: S608 (constants only)  # nosec B608
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    stmt = sa.select(_expert.c.id, *(_expert.c[name] for name in INDEXED)).where(
        _expert.c.erased_at.is_(None)
    )
    if ids is not None:
        stmt = stmt.where(_expert.c.id.in_(ids))
    count, last = 0, None
    while True:
        page = stmt if last is None else stmt.where(_expert.c.id > last)
        rows = conn.execute(page.order_by(_expert.c.id).limit(batch)).all()
        if not rows:
            return count
        conn.exec_driver_sql(sql, [_sqlite_document(row) for row in rows])
        count, last = count + len(rows), rows[-1].id


def refresh(conn: sa.Connection, ids: set[int]) -> None:
    """Index these experts anew from their stored rows (an erased or missing one leaves)."""
    if not ids:
        return
    ordered = sorted(ids)
    if conn.dialect.name == "sqlite":
        delete = sa.text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN :ids")  # noqa: S608  # nosec B608
        conn.execute(delete.bindparams(sa.bindparam("ids", expanding=True)), {"ids": ordered})
        _sqlite_insert(conn, ordered)
    elif conn.dialect.name == "postgresql":
        delete = sa.text(f"DELETE FROM {PG_TABLE} WHERE expert_id IN :ids")  # noqa: S608  # nosec B608
        fill = sa.text(f"{_PG_FILL} AND e.id IN :ids")
        for statement in (delete, fill):
            statement = statement.bindparams(sa.bindparam("ids", expanding=True))
            conn.execute(statement, {"ids": ordered})


def rebuild(conn: sa.Connection) -> int:
    """Empty the index and fill it from every expert row; returns how many it holds."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")  # noqa: S608  # nosec B608
        count = _sqlite_insert(conn, None)
        optimize = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"  # noqa: S608  # nosec B608
        conn.exec_driver_sql(optimize)
        return count
    if conn.dialect.name == "postgresql":
        # Filled without its index, then indexed in one go: much faster than row by row.
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{PG_TABLE}_document")
        conn.exec_driver_sql(f"DELETE FROM {PG_TABLE}")  # noqa: S608  # nosec B608
        count = conn.exec_driver_sql(_PG_FILL).rowcount
        conn.exec_driver_sql(_PG_GIN)
        conn.exec_driver_sql(f"ANALYZE {PG_TABLE}")
        return count
    return 0


def fts5_expression(query: SearchQuery) -> str:
    """The FTS5 MATCH text: each term as a quoted phrase in the exact columns, or stemmed
    in French or Spanish in theirs; every term must match. Words hold letters and digits
    only (search_terms.WORD), so nothing in them is FTS5 syntax."""
    groups = []
    for term in query.terms:
        exact = f'{{{" ".join(_EXACT_COLUMNS)}}} : "{" ".join(term)}"'
        stemmed = [
            f'{column} : "{" ".join(stem(w, column) or w for w in term)}"'
            for column in STEMMED_LANGUAGES
        ]
        groups.append("(" + " OR ".join([exact, *stemmed]) + ")")
    return " AND ".join(groups)


_TSQUERIES: dict[tuple[tuple[str, ...], ...], str] = {}  # by terms; see pg_tsquery
_TSQUERIES_KEPT = 2048


def pg_tsquery(conn: sa.Connection, query: SearchQuery) -> str:
    """The tsquery of a search, as text: each term (a word, or a phrase as <->) parsed by
    every configuration over unaccented text, its distinct forms joined by |, the terms by
    &. Asked of the server once so that the search holds each form once: 'border' four
    times made the index lookup five times slower. PostgreSQL reads its output back.

    The server's answer depends on its dictionaries only, so each process keeps the last
    queries' answers (a page of results, then the next, asks the same): a round trip less.
    Restart the app after changing a text search configuration."""
    found = _TSQUERIES.get(query.terms)
    if found is None:
        found = _ask_tsquery(conn, query)
        if len(_TSQUERIES) >= _TSQUERIES_KEPT:
            _TSQUERIES.clear()
        _TSQUERIES[query.terms] = found
    return found


def _ask_tsquery(conn: sa.Connection, query: SearchQuery) -> str:
    forms = [
        sa.func.phraseto_tsquery(
            sa.literal_column(f"'{config}'::regconfig"),
            sa.func.roster_unaccent(sa.literal(" ".join(term), sa.Text)),
        )
        for term in query.terms
        for config in PG_CONFIGS
    ]
    texts = [str(f) for f in conn.execute(sa.select(*forms)).one()]
    per_term = len(PG_CONFIGS)
    groups = []
    for i in range(len(query.terms)):
        distinct = dict.fromkeys(f for f in texts[i * per_term : (i + 1) * per_term] if f)
        groups.append("(" + " | ".join(f"({f})" for f in distinct) + ")")
    return " & ".join(groups)


MATCH_PARAMETER = "roster_text"  # the bound parameter of match_statement


def match_text(query: SearchQuery, conn: sa.Connection) -> str:
    """What the engine is asked to match, the value of match_statement's parameter: the
    tsquery text on PostgreSQL, the MATCH expression of FTS5 on SQLite."""
    if conn.dialect.name == "postgresql":
        return pg_tsquery(conn, query)
    return fts5_expression(query)


def match_statement(dialect: str, text: str | None = None, ranked: bool = True) -> sa.Subquery:
    """The experts whose texts match: columns expert_id and rank (higher first), for the
    text of match_text, bound here or (None) given as the parameter MATCH_PARAMETER when
    the statement runs, so that one statement serves every search. Without `ranked`, the
    column expert_id only: ranking every match is most of a search's database time, and
    another order does not need it."""
    value = sa.bindparam(MATCH_PARAMETER, text, sa.Text, required=text is None)
    if dialect == "postgresql":
        table = sa.table(PG_TABLE, sa.column("expert_id"), sa.column("document"))
        tsquery = sa.cast(value, TSQUERY)
        # The matching ids come from roster_text_match (the GIN index); the rank is
        # computed here, on narrow rows (OFFSET 0 keeps the subquery whole, so the
        # documents do not travel through the window count and the sort above).
        ids = sa.func.roster_text_match(tsquery).table_valued("expert_id", name="text_match")
        if not ranked:
            return sa.select(ids.c.expert_id).subquery("text_search")
        doc = table.alias("ranked")
        rank = sa.func.ts_rank(doc.c.document, tsquery)
        stmt = (
            sa.select(ids.c.expert_id, rank.label("rank"))
            .join_from(ids, doc, doc.c.expert_id == ids.c.expert_id)
            .offset(0)
        )
    else:
        table = sa.table(FTS_TABLE, sa.column("rowid"))
        whole = sa.literal_column(FTS_TABLE)
        rank = -sa.func.bm25(whole, *_BM25_WEIGHTS)  # bm25 is lower for better matches
        columns = (table.c.rowid.label("expert_id"), *((rank.label("rank"),) if ranked else ()))
        stmt = sa.select(*columns).where(whole.op("MATCH")(value))
    return stmt.subquery("text_search")


def matches(query: SearchQuery, conn: sa.Connection) -> sa.Subquery:
    """The experts whose texts match every term: columns expert_id and rank (higher first)."""
    return match_statement(conn.dialect.name, match_text(query, conn))


@event.listens_for(_expert, "after_create")
def _create_with_expert(_target, conn: sa.Connection, **_kw) -> None:
    """create_all (tests, `--create-all`) makes the index with the expert table."""
    create_objects(conn)


@event.listens_for(_expert, "before_drop")
def _drop_with_expert(_target, conn: sa.Connection, **_kw) -> None:
    """drop_all removes the index first (on PostgreSQL it refers to the expert table)."""
    drop_objects(conn)


def _text_changed(obj: Expert) -> bool:
    state = sa.inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in (*INDEXED, "erased_at"))


@event.listens_for(Session, "after_flush")
def keep_index_current(session: Session, _context) -> None:
    """Index the experts this flush added or whose texts it changed; drop erased and
    deleted ones. Runs on the flush's own connection, so in its transaction."""
    ids = {obj.id for obj in session.new if isinstance(obj, Expert)}
    ids |= {obj.id for obj in session.dirty if isinstance(obj, Expert) and _text_changed(obj)}
    ids |= {obj.id for obj in session.deleted if isinstance(obj, Expert)}
    ids.discard(None)
    if ids:
        refresh(session.connection(), ids)
