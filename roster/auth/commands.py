"""Account commands: create-user and create-token."""

import click
from email_validator import EmailNotValidError, validate_email
from flask.cli import with_appcontext
from flask_babel import force_locale

from roster.audit import record
from roster.auth.models import ApiToken, Role
from roster.auth.passwords import password_problems
from roster.auth.services import create_account, find_user, normalise_email
from roster.extensions import db


@click.command("create-user")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.EXPERT.value,
    show_default=True,
    help="The account's role.",
)
@click.option("--password", help="The password; asked for with hidden input when left out.")
@click.option("--first-name", default="", help="First name (experts' profile).")
@click.option("--last-name", default="", help="Last name (experts' profile).")
@with_appcontext
def create_user(email, role, password, first_name, last_name):
    """Create a confirmed account (an expert also gets a draft profile)."""
    try:
        email = normalise_email(validate_email(email, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise click.ClickException(f"Not a valid e-mail address: {exc}") from exc
    if find_user(email) is not None:
        raise click.ClickException(f"An account already uses {email}.")
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with force_locale("en"):  # no request here to choose a language from
        problems = password_problems(password, email)
    if problems:
        raise click.ClickException("Weak password: " + " ".join(problems))
    user = create_account(
        email, password, Role(role), first_name=first_name, last_name=last_name, confirmed=True
    )
    record("user_created", target=user, detail=f"role {user.role.value} (command line)")
    db.session.commit()
    click.echo(f"Created {user.role.value} account {user.email} (id {user.id}).")


@click.command("create-token")
@click.argument("email")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
@with_appcontext
def create_token(email, name):
    """Create a personal API token; the secret is printed once, on the last line."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No account uses {normalise_email(email)}.")
    if not user.is_active:
        raise click.ClickException(f"The account {user.email} is deactivated.")
    name = name.strip()[:100] or "command line"
    token, secret = ApiToken.issue(user, name)
    db.session.add(token)
    db.session.flush()
    record("token_created", target=token, detail=f"{name} (command line)")
    db.session.commit()
    click.echo(f"Token “{name}” for {user.email} ({token.prefix}…). It is shown only once:")
    click.echo(secret)
