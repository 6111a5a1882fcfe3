"""The database: every model, the migrations, and URL ids that fit its integer columns."""

from pathlib import Path

from flask import Flask
from werkzeug.routing import IntegerConverter

import roster.models  # noqa: F401  (every model registered before create_all/migrate)
from roster.extensions import db, migrate


class DatabaseIntConverter(IntegerConverter):
    """<int:...> up to the largest id a 4-byte column holds: a bigger one is 404, not a 500
    from PostgreSQL's "integer out of range"."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


def init_app(app: Flask) -> None:
    """Bind SQLAlchemy and Alembic, and bound <int:> in URLs (before any rule is added)."""
    db.init_app(app)
    # Absolute, so that `flask db upgrade` works whatever the current directory.
    default_dir = Path(app.root_path).parent / "migrations"
    migrate.init_app(app, db, directory=str(app.config.get("MIGRATIONS_DIR", default_dir)))
    app.url_map.converters["int"] = DatabaseIntConverter
