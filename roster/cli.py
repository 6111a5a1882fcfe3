"""Flask commands, each domain's listed by name (seed-demo, create-user, import-experts, ...)."""

from flask import Flask

from roster.actions.commands import build_index_command
from roster.auth.commands import create_token, create_user
from roster.communities.commands import send_digests_command
from roster.demo.commands import demo_logins, seed_demo
from roster.experts.commands import import_experts, rebuild_search_index
from roster.ops.commands import backup, restore
from roster.taxonomy.commands import seed_taxonomy
from roster.toolkit.commands import seed_toolkit

COMMANDS = (
    create_user,
    create_token,
    import_experts,
    rebuild_search_index,
    seed_taxonomy,
    seed_demo,
    demo_logins,
    seed_toolkit,
    build_index_command,
    send_digests_command,
    backup,
    restore,
)


def init_app(app: Flask) -> None:
    """Attach every command to the app's `flask` CLI."""
    for command in COMMANDS:
        app.cli.add_command(command)
