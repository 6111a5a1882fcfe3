"""Flask commands, gathered from each domain's commands.py (seed-demo, create-user, ...)."""

from importlib import import_module

from flask import Flask

COMMAND_MODULES = (
    "roster.auth.commands",
    "roster.experts.commands",
    "roster.taxonomy.commands",
    "roster.demo.commands",
    "roster.toolkit.commands",
    "roster.actions.commands",
    "roster.ops.commands",
)


def register(app: Flask) -> None:
    """Attach every domain's commands (a module's `commands` list) to the app's CLI."""
    for path in COMMAND_MODULES:
        try:
            module = import_module(path)
        except ModuleNotFoundError as exc:
            if not exc.name or not path.startswith(exc.name):  # a missing dependency, not a domain
                raise
            continue
        for command in module.commands:
            app.cli.add_command(command)
