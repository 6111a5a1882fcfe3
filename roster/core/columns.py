"""Column types shared by the domains' models."""

import enum

import sqlalchemy as sa


def enum_column(cls: type[enum.Enum], length: int = 24) -> sa.Enum:
    """A string column holding an enum's values (not its names), portable across databases."""
    return sa.Enum(
        cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e]
    )
