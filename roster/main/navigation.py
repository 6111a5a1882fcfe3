"""The main navigation: which pages the menu offers the current user, and the languages."""

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from roster.auth.permissions import is_admin, is_partner, is_staff
from roster.i18n import LANGUAGES

# (endpoint, label, rule, group): shown when the endpoint exists and the rule allows the user.
# The "admin" group is one disclosure menu, so that the bar fits the longest translation.
NAV = (
    ("experts.me", _l("My profile"), "is_expert", "main"),
    ("actions.my_invitations", _l("Invitations"), "is_expert", "main"),
    ("opportunities.for_me", _l("Opportunities"), "is_expert", "main"),
    ("partner.home", _l("Our institution"), "is_partner", "main"),
    ("experts.index", _l("Roster"), "is_staff", "main"),
    ("experts.vetting", _l("Vetting"), "is_staff", "main"),
    ("actions.index", _l("Actions"), "is_staff", "main"),
    ("actions.requests", _l("Requests"), "is_staff", "main"),
    ("opportunities.calls", _l("Open calls"), "is_staff", "main"),
    ("reports.dashboard", _l("Reports"), "is_staff", "main"),
    ("toolkit.catalog", _l("Toolkit"), "is_authenticated", "main"),
    ("communities.index", _l("Communities"), "is_authenticated", "main"),
    ("taxonomy.index", _l("Taxonomy"), "is_admin", "admin"),
    ("auth.users", _l("Users"), "is_admin", "admin"),
    ("audit.index", _l("Audit log"), "is_admin", "admin"),
)

RULES = {
    "is_authenticated": lambda u: u.is_authenticated,
    "is_expert": lambda u: u.is_authenticated and not is_staff(u) and not is_partner(u),
    "is_partner": is_partner,
    "is_staff": is_staff,
    "is_admin": is_admin,
}

# Each language named in itself, for the switcher (code + name).
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}


def nav_links(group: str = "main") -> list[tuple[str, str]]:
    """The pages of one navigation group (main bar or admin menu) the current user may open."""
    return [
        (endpoint, str(label))
        for endpoint, label, rule, in_group in NAV
        if in_group == group
        and endpoint in current_app.view_functions
        and RULES[rule](current_user)
    ]


def nav_active(links: list[tuple[str, str]]) -> bool:
    """Whether the page shown is one of these links (marks the admin menu's button)."""
    return request.endpoint in {endpoint for endpoint, _label in links}


def languages() -> list[tuple[str, str]]:
    """(code, name in that language) for each interface language, for the switcher."""
    return [(code, LANGUAGE_NAMES.get(code, code)) for code in LANGUAGES]


def has_endpoint(name: str) -> bool:
    """Whether the app serves this endpoint, so a template links only to pages that exist."""
    return name in current_app.view_functions
