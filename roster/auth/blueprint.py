"""The auth blueprints: every URL of signing in, accounts, users, two-factor and the audit log."""

from flask import Blueprint
from flask_login import user_loaded_from_cookie

from roster.auth import (
    account_views,
    audit_views,
    reset_views,
    twofactor_views,
    users_views,
    views,
)
from roster.auth.permissions import TEMPLATE_RULES
from roster.auth.security_events import event_label
from roster.auth.sessions import guard_session, on_user_loaded_from_cookie

bp = Blueprint("auth", __name__, url_prefix="/auth")
audit_bp = Blueprint("audit", __name__, url_prefix="/audit")

# Sessions expire, and one that still owes its second factor is held back, on every page.
bp.before_app_request(guard_session)
user_loaded_from_cookie.connect(on_user_loaded_from_cookie)
for name, rule in TEMPLATE_RULES.items():  # templates show a link by the view's own rule
    bp.add_app_template_global(rule, name)
bp.add_app_template_global(event_label)

bp.add_url_rule("/login", "login", views.login, methods=["GET", "POST"])
bp.add_url_rule("/login/two-factor", "two_factor", views.two_factor, methods=["GET", "POST"])
bp.add_url_rule("/logout", "logout", views.logout, methods=["POST"])
bp.add_url_rule("/register", "register", views.register, methods=["GET", "POST"])
bp.add_url_rule("/check-email", "check_email", views.check_email)
bp.add_url_rule("/confirm-email", "confirm", views.confirm)
bp.add_url_rule("/confirm/<token>", "confirm", views.confirm)
bp.add_url_rule(
    "/confirm", "resend_confirmation", views.resend_confirmation, methods=["GET", "POST"]
)
bp.add_url_rule("/forgot", "forgot", reset_views.forgot, methods=["GET", "POST"])
bp.add_url_rule("/reset/<token>", "reset", reset_views.reset, methods=["GET", "POST"])
bp.add_url_rule("/reset", "reset", reset_views.reset, methods=["GET", "POST"])
bp.add_url_rule("/account", "account", account_views.account)
bp.add_url_rule(
    "/account/password", "change_password", account_views.change_password, methods=["POST"]
)
bp.add_url_rule("/account/language", "set_locale", account_views.set_locale, methods=["POST"])
bp.add_url_rule("/account/tokens", "create_token", account_views.create_token, methods=["POST"])
bp.add_url_rule(
    "/account/tokens/<int:token_id>/revoke",
    "revoke_token",
    account_views.revoke_token,
    methods=["POST"],
)
bp.add_url_rule(
    "/account/sessions/<int:session_id>/end",
    "end_session",
    account_views.end_session,
    methods=["POST"],
)
bp.add_url_rule(
    "/account/sessions/end-others",
    "end_other_sessions",
    account_views.end_other_sessions,
    methods=["POST"],
)
bp.add_url_rule(
    "/users/<int:user_id>/sessions/end",
    "end_user_sessions",
    users_views.end_user_sessions,
    methods=["POST"],
)
bp.add_url_rule("/users", "users", users_views.users)
bp.add_url_rule("/users/<int:user_id>", "user", users_views.user)
bp.add_url_rule(
    "/users/<int:user_id>/role", "change_role", users_views.change_role, methods=["POST"]
)
bp.add_url_rule(
    "/users/<int:user_id>/active", "set_active", users_views.set_active, methods=["POST"]
)
bp.add_url_rule("/users/new", "invite", users_views.invite, methods=["GET", "POST"])
bp.add_url_rule(
    "/users/<int:user_id>/invitation",
    "resend_invitation",
    users_views.resend_invitation,
    methods=["POST"],
)
bp.add_url_rule(
    "/account/two-factor",
    "enrol_two_factor",
    twofactor_views.enrol_two_factor,
    methods=["GET", "POST"],
)
bp.add_url_rule("/account/two-factor/qr.svg", "two_factor_qr", twofactor_views.two_factor_qr)
bp.add_url_rule(
    "/account/two-factor/recovery-codes",
    "regenerate_recovery_codes",
    twofactor_views.regenerate_recovery_codes,
    methods=["POST"],
)
bp.add_url_rule(
    "/account/two-factor/disable",
    "disable_two_factor",
    twofactor_views.disable_two_factor,
    methods=["POST"],
)
bp.add_url_rule(
    "/users/<int:user_id>/two-factor/reset",
    "reset_two_factor",
    twofactor_views.reset_two_factor,
    methods=["POST"],
)

audit_bp.add_url_rule("/", "index", audit_views.index)
