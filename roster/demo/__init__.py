"""The demo data: the facility's year 2021 as the service would have recorded it."""

DEMO_PASSWORD = "demo-password"  # noqa: S105 (published in the README on purpose)
DEMO_LOGINS = (
    ("admin@example.org", "admin"),
    ("staff@example.org", "staff"),
    ("expert@example.org", "expert"),
)
SEED = 2021
