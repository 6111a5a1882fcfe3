"""The demo commands: `flask seed-demo [--if-empty]` and `flask demo-logins`."""

import click
import sqlalchemy as sa
from flask import current_app

from roster.demo import DEMO_LOGINS, DEMO_PARTNER_LOGINS, DEMO_PASSWORD
from roster.experts.models import Expert
from roster.extensions import db


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the roster already has experts.")
def seed_demo(if_empty: bool) -> None:
    """Load the facility's year 2021: reference data, accounts, partners, experts, ...

    Running it again adds only what is missing, so it never duplicates anything.
    """
    from roster.demo.steps import STEPS, run_steps

    if not current_app.config.get("DEMO_DATA_ALLOWED", False):
        raise click.ClickException(
            "Demo data is not allowed here (production): its accounts share a published "
            "password. Nothing was loaded."
        )
    if if_empty and db.session.scalar(sa.select(sa.func.count(Expert.id))):
        click.echo("The roster already has experts: demo data not loaded.")
        return
    total = sum(step.units for step in STEPS)
    with click.progressbar(length=total, label="Loading the demo data") as bar:
        added = run_steps(db.session, STEPS, bar.update)
    db.session.commit()
    for name, count in added.items():
        click.echo(f"  {name}: {count} added")
    click.echo("Demo data loaded." if any(added.values()) else "Demo data already complete.")


@click.command("demo-logins")
def demo_logins() -> None:
    """Print the demo accounts that can sign in."""
    from roster.auth.models import User

    emails = [email for email, _ in DEMO_LOGINS] + [e for e, _name, _lang in DEMO_PARTNER_LOGINS]
    present = set(db.session.scalars(sa.select(User.email).where(User.email.in_(emails))))
    missing = "  (not loaded: run `flask seed-demo`)"
    click.echo(f"Demo accounts (password: {DEMO_PASSWORD}):")
    for email, role in DEMO_LOGINS:
        click.echo(f"  {role:<7} {email}{'' if email in present else missing}")
    for email, institution, _lang in DEMO_PARTNER_LOGINS:
        note = f"  (focal point of {institution})" if email in present else missing
        click.echo(f"  {'partner':<7} {email}{note}")
    click.echo(
        "Staff and admin also enter a second-factor code: in development the sign-in page "
        "shows the demo accounts' current code."
    )
