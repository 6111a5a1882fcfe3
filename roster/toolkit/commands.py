"""Toolkit commands: load the shipped modules."""

import click
from flask.cli import with_appcontext

from roster.extensions import db
from roster.toolkit.content import load_toolkit_content


@click.command("seed-toolkit")
@with_appcontext
def seed_toolkit():
    """Load the toolkit modules shipped with the app (those not in the database yet)."""
    added = load_toolkit_content(db.session, progress=click.echo)
    db.session.commit()
    click.echo(f"{added} module(s) added.")
