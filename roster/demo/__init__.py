"""The demo data: the facility's year 2021 as the service would have recorded it."""

DEMO_PASSWORD = "demo-password"  # noqa: S105 (published in the README on purpose)
DEMO_LOGINS = (
    ("admin@example.org", "admin"),
    ("staff@example.org", "staff"),
    ("expert@example.org", "expert"),
)
# Partner focal points (roster/demo/opportunities.py): e-mail, institution, language.
DEMO_PARTNER_LOGINS = (
    ("partner@example.org", "Dirección General de Migración y Extranjería", "es"),
    ("partner-kz@example.org", "Commissioner for Human Rights of the Republic of Kazakhstan", "en"),
)
# Their names, as the communities sign their posts (with the institution's).
DEMO_PARTNER_NAMES = {
    "partner@example.org": "Ana Pérez",
    "partner-kz@example.org": "Aigerim Sadykova",
}
SEED = 2021
