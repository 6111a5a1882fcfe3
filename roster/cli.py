"""Flask commands: seed-demo, create-user, create-token, import-experts, ..."""

from flask import Flask


def register(app: Flask) -> None:
    """Attach every command to the app's CLI."""
