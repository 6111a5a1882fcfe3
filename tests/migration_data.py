"""Representative rows for every table of a reflected schema, whatever its revision.

Values follow each column's type, length and nullability; foreign keys point at rows
inserted before (tables in dependency order); enums take their allowed values from the
models (stored values) or, for a column the models no longer have, from a CHECK ... IN.
"""

import re
from datetime import date, datetime, time
from decimal import Decimal

import sqlalchemy as sa

ROWS_PER_TABLE = 2
_IN_LIST = re.compile(r"[\"`]?(\w+)[\"`]?\s+IN\s*\(([^)]*)\)", re.IGNORECASE)


def _allowed_values(table: sa.Table, model_meta: sa.MetaData, inspector) -> dict[str, list]:
    allowed: dict[str, list] = {}
    for check in inspector.get_check_constraints(table.name):
        for column, values in _IN_LIST.findall(check.get("sqltext", "")):
            allowed[column] = [v.strip().strip("'") for v in values.split(",")]
    model = model_meta.tables.get(table.name)
    for column in table.columns:
        enums = getattr(column.type, "enums", None)
        if model is not None and column.name in model.columns:
            enums = getattr(model.columns[column.name].type, "enums", None) or enums
        if enums:
            allowed[column.name] = list(enums)
    return allowed


def _value(column: sa.Column, i: int, allowed: dict[str, list]):
    kind = column.type
    if column.name in allowed:
        values = allowed[column.name]
        return values[i % len(values)]
    if isinstance(kind, sa.Boolean):
        return i % 2 == 0
    if isinstance(kind, sa.DateTime):
        return datetime(2021, 5, 1 + i, 12, 30)
    if isinstance(kind, sa.Date):
        return date(2021, 5, 1 + i)
    if isinstance(kind, sa.Time):
        return time(9, i)
    if isinstance(kind, sa.Integer):
        return i + 1
    if isinstance(kind, sa.Numeric | sa.Float):
        return Decimal("1.5") + i if getattr(kind, "asdecimal", False) else 1.5 + i
    if isinstance(kind, sa.JSON):
        return []
    if isinstance(kind, sa.LargeBinary):
        return b"data"
    if isinstance(kind, sa.Uuid):
        import uuid

        return uuid.uuid4()
    text = f"{chr(ord('a') + i)}{column.name}-{i}"
    length = getattr(kind, "length", None)
    return text[:length] if length else text


def _numbered_by_database(table: sa.Table, column: sa.Column) -> bool:
    """A lone integer primary key: SERIAL or ROWID, left for the database to fill."""
    return (
        column.primary_key
        and len(table.primary_key.columns) == 1
        and isinstance(column.type, sa.Integer)
        and column.autoincrement in (True, "auto")
    )


def _virtual_tables(conn: sa.Connection) -> tuple[str, ...]:
    """SQLite's virtual tables (full-text indexes): filled by the app, not row by row here."""
    if conn.dialect.name != "sqlite":
        return ()
    rows = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    )
    return tuple(name for (name,) in rows)


def insert_rows(conn: sa.Connection, model_meta: sa.MetaData) -> dict[str, list[dict]]:
    """Insert ROWS_PER_TABLE rows into every table; return each row's primary key values."""
    meta = sa.MetaData()
    meta.reflect(conn)
    inspector = sa.inspect(conn)
    virtual = _virtual_tables(conn)
    inserted: dict[str, list[dict]] = {}
    for table in meta.sorted_tables:
        if table.name == "alembic_version":
            continue
        if virtual and table.name.startswith(virtual):  # the table and its shadow tables
            continue
        allowed = _allowed_values(table, model_meta, inspector)
        rows = []
        for i in range(ROWS_PER_TABLE):
            values = {}
            for column in table.columns:
                fks = list(column.foreign_keys)
                if fks:
                    target = fks[0].column
                    parents = inserted.get(target.table.name)
                    if parents:
                        values[column.name] = parents[i % len(parents)][target.name]
                    elif not column.nullable:
                        raise AssertionError(f"{table.name}.{column.name}: no parent row")
                    continue
                if _numbered_by_database(table, column):
                    continue  # the database numbers it (and its sequence stays right)
                values[column.name] = _value(column, i, allowed)
            returned = conn.execute(table.insert().returning(*table.columns), values)
            rows.append(dict(returned.mappings().one()))
        inserted[table.name] = rows
    return inserted


def primary_keys(conn: sa.Connection, table_name: str) -> set[tuple]:
    table = sa.Table(table_name, sa.MetaData(), autoload_with=conn)
    columns = list(table.primary_key.columns) or list(table.columns)
    return {tuple(r) for r in conn.execute(sa.select(*columns))}


def key_of(table_name: str, row: dict, conn: sa.Connection) -> tuple:
    table = sa.Table(table_name, sa.MetaData(), autoload_with=conn)
    columns = list(table.primary_key.columns) or list(table.columns)
    return tuple(row[c.name] for c in columns)
