"""Readable, translated names for the security events of the audit log."""

from flask_babel import lazy_gettext as _l

from roster.audit.labels import EVENT_LABELS

SECURITY_EVENTS = {
    "login": _l("Signed in"),
    "login_failed": _l("Sign-in failed"),
    "login_locked_out": _l("Sign-in locked after repeated failures"),
    "logout": _l("Signed out"),
    "session_expired": _l("Session expired"),
    "registered": _l("Joined the roster"),
    "account_confirmed": _l("E-mail address confirmed"),
    "password_changed": _l("Password changed"),
    "password_reset_requested": _l("Password reset requested"),
    "password_reset": _l("Password reset by e-mail"),
    "two_factor_enabled": _l("Two-factor sign-in turned on"),
    "two_factor_disabled": _l("Two-factor sign-in turned off"),
    "two_factor_reset": _l("Two-factor sign-in reset by an administrator"),
    "recovery_code_used": _l("Recovery code used"),
    "recovery_codes_regenerated": _l("New recovery codes made"),
    "token_created": _l("API token created"),
    "token_revoked": _l("API token revoked"),
    "role_changed": _l("Role changed"),
    "account_deactivated": _l("Account deactivated"),
    "account_reactivated": _l("Account reactivated"),
    "user_created": _l("Account created"),
    "user_invited": _l("Account opened by an administrator"),
    "invitation_sent": _l("Invitation mailed again"),
    "session_ended": _l("A session was ended"),
    "sessions_ended": _l("Sessions ended"),
}


def event_label(action: str) -> str:
    """The event's name in the reader's language; an unknown action is shown as it is."""
    label = SECURITY_EVENTS.get(action) or EVENT_LABELS.get(action)
    return str(label) if label is not None else action
