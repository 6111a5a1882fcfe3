"""Commands of the taxonomy: load the reference data."""

import click

from roster.extensions import db
from roster.taxonomy.seed import seed_reference_data


@click.command("seed-taxonomy")
def seed_taxonomy() -> None:
    """Add the facility's themes, regions and every ISO country that are missing."""
    result = seed_reference_data()
    db.session.commit()
    click.echo(
        f"Reference data: {result.themes} themes, {result.regions} regions and "
        f"{result.countries} countries added."
    )
