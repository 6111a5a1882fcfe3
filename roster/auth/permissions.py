"""Every "who may" rule of the app, in one place; views and templates ask here."""

from flask import abort
from flask_login import current_user

from roster.auth.models import Role


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.role in (Role.STAFF, Role.ADMIN))


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.role == Role.ADMIN)


def can_view_roster(user) -> bool:
    return is_staff(user)


def can_vet(user) -> bool:
    return is_staff(user)


def owns_expert(user, expert) -> bool:
    return bool(user and user.is_authenticated and expert.user_id == user.id)


def can_view_expert(user, expert) -> bool:
    """Staff see every profile; an expert sees only their own."""
    return is_staff(user) or owns_expert(user, expert)


def can_edit_expert(user, expert) -> bool:
    if expert.erased_at is not None:
        return False
    return is_staff(user) or owns_expert(user, expert)


def can_read_cv(user, expert) -> bool:
    return can_view_expert(user, expert)


def can_confirm_erasure(user) -> bool:
    return is_staff(user)


def can_import_experts(user) -> bool:
    return is_staff(user)


def can_submit_profile(user, expert) -> bool:
    """Only the expert submits their own application (staff cannot consent for them)."""
    return owns_expert(user, expert) and expert.erased_at is None


def can_manage_taxonomy(user) -> bool:
    return is_admin(user)


def can_manage_users(user) -> bool:
    return is_admin(user)


def can_read_audit(user) -> bool:
    return is_admin(user)


def can_have_ui_tokens(user) -> bool:
    return is_staff(user)


def owns_token(user, token) -> bool:
    """A personal API token is managed only by its owner."""
    return bool(user and user.is_authenticated and token.user_id == user.id)


def owns_session(user, row) -> bool:
    """A signed-in session (a browser) is listed and ended only by its own user."""
    return bool(user and user.is_authenticated and row.user_id == user.id)


def can_change_account(user, target) -> bool:
    """Admins change another account's role and state, never their own (no lock-out)."""
    return is_admin(user) and target.id != user.id


def can_take_module(user, module) -> bool:
    """Signed-in users read published toolkit modules; authors also preview drafts."""
    if not (user and user.is_authenticated):
        return False
    return module.status == "published" or can_author_modules(user)


def can_author_modules(user) -> bool:
    return is_staff(user)


def can_view_certificate(user, certificate) -> bool:
    """A certificate page is its holder's (and staff's); the public page only verifies codes."""
    return is_staff(user) or bool(user and user.is_authenticated and certificate.user_id == user.id)


def can_view_toolkit_reports(user) -> bool:
    return is_staff(user)


def can_manage_actions(user) -> bool:
    """Requests, Actions, activities, teams and evaluations are run by staff."""
    return is_staff(user)


def can_answer_invitation(user, assignment) -> bool:
    """An invitation is answered by the expert it was sent to, and no one else."""
    return owns_expert(user, assignment.expert)


def can_view_evaluations(user) -> bool:
    """Evaluations of experts are for staff only, never for any expert."""
    return is_staff(user)


def can_view_reports(user) -> bool:
    """The dashboard, the year in review and the roster's coverage are for staff."""
    return is_staff(user)


def require(rule, *args) -> None:
    """Abort with 403 unless the rule allows the current user (401 if signed out)."""
    if not current_user.is_authenticated:
        abort(401)
    if not rule(current_user, *args):
        abort(403)


# Exposed to templates so that links are shown by the same rules that guard the views.
TEMPLATE_RULES = {
    name: rule
    for name, rule in globals().copy().items()
    if name.startswith(("can_", "is_", "owns_")) and callable(rule)
}
