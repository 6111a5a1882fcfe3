"""Commands of the experts domain: `flask import-experts FILE.csv`."""

from pathlib import Path

import click

from roster.audit import record
from roster.experts import search_index
from roster.experts.import_rows import ImportFileError, count_rows, decode
from roster.experts.imports import ImportResult, import_text, summary
from roster.extensions import db


@click.command("import-experts")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--batch-size", default=200, show_default=True, help="Rows stored per commit.")
def import_experts(path: Path, batch_size: int) -> None:
    """Import experts from a CSV file; bad rows are reported with their line, good rows kept."""
    try:
        text = decode(path.read_bytes())
        total = count_rows(text)
        with click.progressbar(length=total, label="Importing experts", file=None) as bar:
            done = 0

            def commit(result: ImportResult) -> None:
                nonlocal done
                db.session.commit()
                bar.update(result.processed - done)
                done = result.processed

            result = import_text(text, on_batch=commit, batch_size=batch_size)
    except ImportFileError as exc:
        raise click.ClickException(str(exc)) from exc
    record("experts_imported", detail=f"{path.name} (command line): {summary(result)}")
    db.session.commit()
    for error in result.errors:
        click.echo(f"line {error['line']}: {error['reason']}", err=True)
    click.echo(summary(result))


@click.command("rebuild-search-index")
def rebuild_search_index() -> None:
    """Index every expert's texts anew (after rows were written around the app, by SQL)."""
    count = search_index.rebuild(db.session.connection())
    db.session.commit()
    click.echo(f"Search index rebuilt: {count} experts.")
