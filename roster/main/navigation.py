"""The main navigation: which pages the menu offers the current user."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from roster.auth.permissions import is_admin, is_staff

NAV = (
    # (endpoint, label, rule): shown when the endpoint exists and the rule allows the user.
    ("experts.me", _l("My profile"), "is_expert"),
    ("actions.my_invitations", _l("Invitations"), "is_expert"),
    ("toolkit.catalog", _l("Toolkit"), "is_authenticated"),
    ("experts.index", _l("Roster"), "is_staff"),
    ("experts.vetting", _l("Vetting"), "is_staff"),
    ("actions.index", _l("Actions"), "is_staff"),
    ("actions.requests", _l("Requests"), "is_staff"),
    ("reports.dashboard", _l("Reports"), "is_staff"),
    ("taxonomy.index", _l("Taxonomy"), "is_admin"),
    ("auth.users", _l("Users"), "is_admin"),
    ("audit.index", _l("Audit log"), "is_admin"),
)

RULES = {
    "is_authenticated": lambda u: u.is_authenticated,
    "is_expert": lambda u: u.is_authenticated and not is_staff(u),
    "is_staff": is_staff,
    "is_admin": is_admin,
}


def nav_links() -> list[tuple[str, str]]:
    """The main navigation for the current user."""
    return [
        (endpoint, str(label))
        for endpoint, label, rule in NAV
        if endpoint in current_app.view_functions and RULES[rule](current_user)
    ]


def has_endpoint(name: str) -> bool:
    """Whether the app serves this endpoint, so a template links only to pages that exist."""
    return name in current_app.view_functions
