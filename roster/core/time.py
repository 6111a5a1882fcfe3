"""One clock for the whole app."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now in UTC, naive: the database columns store UTC without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)
