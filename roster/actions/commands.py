"""`flask build-index`: build the matcher's index of the roster and save it to instance/."""

import time

import click

from roster.actions.ranking import build_index


@click.command("build-index")
def build_index_command() -> None:
    """Build the ranking index from the approved experts and save it for every worker.

    Workers (and restarts) load the saved index on first use and apply only the profile
    changes made since it was built, instead of building their own. With the text models on
    (MATCH_SEMANTIC), it then encodes every text whose vectors are not stored yet, showing
    progress; each batch is stored as it is done, so an interrupted run resumes there.
    """
    started = time.perf_counter()
    bar = click.progressbar(length=1, label="Indexing approved experts")
    shown = 0

    def progress(done: int, total: int) -> None:
        nonlocal shown
        bar.length = max(total, 1)
        bar.update(done - shown)
        shown = done

    def encoded(done: int, total: int, seconds: float) -> None:
        if bar.pos >= bar.length and not getattr(encoded, "started", False):
            encoded.started = True
            click.echo()  # end the indexing bar's line
        rate = done / max(seconds, 1e-9)
        left = (total - done) / max(rate, 1e-9)
        click.echo(
            f"Text models: {done}/{total} texts encoded ({rate:.1f} texts/s, "
            f"about {_duration(left)} left)"
        )

    with bar:
        count, path = build_index(progress, encoded)
    seconds = time.perf_counter() - started
    click.echo(f"Indexed {count} approved experts in {seconds:.1f} s.")
    if path is None:
        click.echo("No instance folder configured: the index was not saved.")
    else:
        click.echo(f"Saved to {path}; workers load it and apply later changes.")


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s"
