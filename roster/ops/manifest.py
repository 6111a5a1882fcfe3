"""What a backup holds: app version, schema revision, row counts and file checksums."""

import hashlib
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import sqlalchemy as sa


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def app_version() -> str:
    try:
        return metadata.version("roster")
    except metadata.PackageNotFoundError:
        return "unknown"


def alembic_revision(engine: sa.Engine) -> str | None:
    """The schema revision the database says it is at (None: not under Alembic)."""
    if not sa.inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def row_counts(engine: sa.Engine) -> dict[str, int]:
    """Rows per table, for every table the database has (alembic_version included)."""
    names = sorted(sa.inspect(engine).get_table_names())
    with engine.connect() as conn:
        return {
            name: conn.execute(sa.select(sa.func.count()).select_from(sa.table(name))).scalar()
            for name in names
        }


def build(backend: str, engine: sa.Engine, root: Path) -> dict:
    """The manifest of the files under root (the dump and the uploads)."""
    files = {
        p.relative_to(root).as_posix(): sha256(p) for p in sorted(root.rglob("*")) if p.is_file()
    }
    return {
        "format": 1,
        "app_version": app_version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "backend": backend,
        "alembic_revision": alembic_revision(engine),
        "row_counts": row_counts(engine),
        "files": files,
    }


def verify_files(manifest: dict, root: Path) -> list[str]:
    """The problems found: files missing, changed, or not listed."""
    problems = []
    listed = manifest.get("files", {})
    for name, digest in listed.items():
        path = root / name
        if not path.is_file():
            problems.append(f"missing: {name}")
        elif sha256(path) != digest:
            problems.append(f"checksum differs: {name}")
    for path in root.rglob("*"):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name != "manifest.json" and name not in listed:
            problems.append(f"not in the manifest: {name}")
    return problems
