"""Communities commands: send the e-mail digests that are due."""

import click
from flask.cli import with_appcontext

from roster.communities.digest import send_digests


@click.command("send-digests")
@with_appcontext
def send_digests_command():
    """Send each person's digest when due (daily or weekly, their choice); run it hourly or
    daily from cron or a systemd timer."""
    sent, skipped = send_digests(log=click.echo)
    click.echo(f"{sent} digest(s) sent, {skipped} due with nothing new.")
