"""`flask build-index`: build the matcher's index of the roster and save it to instance/."""

import time

import click

from roster.actions.ranking import build_index


@click.command("build-index")
def build_index_command() -> None:
    """Build the ranking index from the approved experts and save it for every worker.

    Workers (and restarts) load the saved index on first use and apply only the profile
    changes made since it was built, instead of building their own.
    """
    started = time.perf_counter()
    bar = click.progressbar(length=1, label="Indexing approved experts")
    shown = 0

    def progress(done: int, total: int) -> None:
        nonlocal shown
        bar.length = max(total, 1)
        bar.update(done - shown)
        shown = done

    with bar:
        count, path = build_index(progress)
    seconds = time.perf_counter() - started
    click.echo(f"Indexed {count} approved experts in {seconds:.1f} s.")
    if path is None:
        click.echo("No instance folder configured: the index was not saved.")
    else:
        click.echo(f"Saved to {path}; workers load it and apply later changes.")
