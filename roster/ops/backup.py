"""Backups of the database and the uploaded files into one .tar.gz, and their restore.

SQLite is copied with the online backup API (consistent while the app writes);
PostgreSQL with pg_dump -Fc of the server's own version. The archive holds
`database.sqlite` or `database.dump`, `uploads/...` and `manifest.json`.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask import Flask

from roster.extensions import db, migrate
from roster.ops import manifest as mf
from roster.ops.pg_tools import find_tool, libpq_args, server_major

Echo = Callable[[str], None]
DUMPS = {"sqlite": "database.sqlite", "postgresql": "database.dump"}


class BackupError(RuntimeError):
    """The backup or restore cannot go on; the message says why and what to do."""


def backend_of(engine: sa.Engine) -> str:
    name = engine.url.get_backend_name()
    if name not in DUMPS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {name}.")
    return name


def _sqlite_path(engine: sa.Engine) -> Path:
    path = engine.url.database
    if not path or path == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(path)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Page-by-page copy that sees one consistent state even while others write."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()


def _run(cmd: list[str], env: dict[str, str]) -> None:
    # An argument list (no shell) whose program find_tool resolved.
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} failed: {done.stderr.strip()}")


def _dump(engine: sa.Engine, target: Path) -> None:
    if backend_of(engine) == "sqlite":
        _sqlite_copy(_sqlite_path(engine), target)
        return
    args, env = libpq_args(engine.url)
    pg_dump = find_tool("pg_dump", server_major(engine))
    _run([str(pg_dump), "--format=custom", "--no-owner", f"--file={target}", *args], env)


def default_name() -> str:
    return f"roster-backup-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar.gz"


def make_backup(app: Flask, dest: Path | None = None, echo: Echo = print) -> Path:
    """Write the database, the upload folder and a manifest into dest (a .tar.gz)."""
    dest = Path(dest or default_name())
    if dest.is_dir():
        dest = dest / default_name()
    engine = db.engine
    backend = backend_of(engine)
    uploads = Path(app.config["UPLOAD_DIR"])
    with tempfile.TemporaryDirectory(prefix="roster-backup-") as tmp:
        root = Path(tmp)
        echo(f"Dumping the {backend} database...")
        _dump(engine, root / DUMPS[backend])
        if uploads.is_dir():
            shutil.copytree(uploads, root / "uploads", symlinks=False)
        manifest = mf.build(backend, engine, root)
        (root / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
        n_files = sum(1 for name in manifest["files"] if name.startswith("uploads/"))
        echo(f"Adding {n_files} uploaded files...")
        partial = dest.with_name(dest.name + ".partial")
        partial.unlink(missing_ok=True)
        # Created owner-only (0600) from the first byte: the archive holds personal data,
        # password hashes and the encrypted two-factor secrets.
        with (
            os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz") as tar,
        ):
            for path in sorted(root.iterdir()):
                tar.add(path, arcname=path.name)
        os.chmod(partial, 0o600)  # whatever the umask did
        partial.replace(dest)  # never leave a half-written archive under the final name
    rows = sum(n for t, n in manifest["row_counts"].items() if t != "alembic_version")
    echo(
        f"Backup written to {dest} ({dest.stat().st_size // 1024} KiB): "
        f"{len(manifest['row_counts'])} tables, {rows} rows, {n_files} files, "
        f"revision {manifest['alembic_revision'] or 'none'}."
    )
    return dest


def _extract(archive: Path, root: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(root, filter="data")  # refuses absolute paths, .. and links outside
    manifest_path = root / "manifest.json"
    if not manifest_path.is_file():
        raise BackupError(f"{archive} is not a roster backup: it has no manifest.json.")
    manifest = json.loads(manifest_path.read_text())
    problems = mf.verify_files(manifest, root)
    if problems:
        raise BackupError("The backup is damaged: " + "; ".join(problems))
    return manifest


def _revisions() -> tuple[set[str], set[str]]:
    """The migration chain's revisions and heads."""
    script = ScriptDirectory.from_config(migrate.get_config())
    return {r.revision for r in script.walk_revisions()}, set(script.get_heads())


def _has_rows(engine: sa.Engine) -> bool:
    return any(n for t, n in mf.row_counts(engine).items() if t != "alembic_version")


def _restore_database(engine: sa.Engine, backend: str, dump: Path) -> None:
    if backend == "sqlite":
        _sqlite_copy(dump, _sqlite_path(engine))
        return
    args, env = libpq_args(engine.url)
    pg_restore = find_tool("pg_restore", server_major(engine))
    cmd = [str(pg_restore), "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
    _run([*cmd, "--single-transaction", *args, str(dump)], env)


def restore_backup(app: Flask, archive: Path, force: bool = False, echo: Echo = print) -> dict:
    """Restore a backup into the configured database and upload folder; return its manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    engine = db.engine
    backend = backend_of(engine)
    with tempfile.TemporaryDirectory(prefix="roster-restore-") as tmp:
        root = Path(tmp)
        echo(f"Checking {archive}...")
        manifest = _extract(archive, root)
        if manifest["backend"] != backend:
            raise BackupError(
                f"This is a {manifest['backend']} backup; the target database is {backend}."
            )
        known, heads = _revisions()
        revision = manifest.get("alembic_revision")
        if revision and revision not in known:
            raise BackupError(
                f"The backup's schema revision {revision} is unknown to this version of the "
                "app (a backup from a newer version?): upgrade the app first."
            )
        if _has_rows(engine) and not force:
            raise BackupError(
                "The target database is not empty: restore into an empty database, or pass "
                "--force to replace its content."
            )
        db.session.remove()
        engine.dispose()  # no pooled connection may hold the old file or tables
        echo(f"Restoring the {backend} database...")
        _restore_database(engine, backend, root / DUMPS[backend])
        engine.dispose()
        counts = {t: n for t, n in mf.row_counts(engine).items() if t in manifest["row_counts"]}
        if counts != manifest["row_counts"]:
            raise BackupError(f"Row counts after restore differ from the manifest: {counts}")
        n_files = 0
        uploads = Path(app.config["UPLOAD_DIR"])
        if (root / "uploads").is_dir():
            echo("Restoring the uploaded files...")
            shutil.copytree(root / "uploads", uploads, dirs_exist_ok=True)
            n_files = sum(1 for p in (root / "uploads").rglob("*") if p.is_file())
    if revision and revision not in heads:
        from flask_migrate import upgrade

        echo(f"The backup is at revision {revision}: applying the newer migrations...")
        upgrade()
    rows = sum(n for t, n in manifest["row_counts"].items() if t != "alembic_version")
    echo(
        f"Restored {len(manifest['row_counts'])} tables, {rows} rows and {n_files} files "
        f"from a backup of {manifest['created_at']} (app {manifest['app_version']})."
    )
    return manifest
