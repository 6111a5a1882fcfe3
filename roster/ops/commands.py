"""Operations commands: `flask backup [PATH]` and `flask restore PATH [--force]`."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from roster.ops.backup import BackupError, make_backup, restore_backup
from roster.ops.pg_tools import ToolMissing


@click.command("backup")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@with_appcontext
def backup(path):
    """Back up the database and the uploaded files (CVs) into one .tar.gz."""
    try:
        make_backup(current_app, path, echo=click.echo)
    except (BackupError, ToolMissing) as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("restore")
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the content of a database that has rows.")
@with_appcontext
def restore(path, force):
    """Restore a backup made by `flask backup` into the configured database."""
    try:
        restore_backup(current_app, path, force=force, echo=click.echo)
    except (BackupError, ToolMissing) as exc:
        raise click.ClickException(str(exc)) from exc
