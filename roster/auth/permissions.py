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


def is_partner(user) -> bool:
    """A partner institution's focal point (never staff, never an expert)."""
    return bool(user and user.is_authenticated and user.role == Role.PARTNER)


def is_expert(user) -> bool:
    """An expert's account: signed in, neither staff nor a partner's focal point."""
    return bool(user and user.is_authenticated and user.role == Role.EXPERT)


def can_use_partner_pages(user) -> bool:
    """A focal point sees their own institution's pages, once staff tied them to it."""
    return is_partner(user) and user.partner_id is not None


def can_view_partner_request(user, req) -> bool:
    """A focal point reads their institution's requests only (never another's)."""
    return can_use_partner_pages(user) and req.partner_id == user.partner_id


def can_view_partner_action(user, action) -> bool:
    """A focal point reads the Actions of their institution: a partner of it, or its request."""
    if not can_use_partner_pages(user):
        return False
    ids = {p.id for p in action.partners} | {r.partner_id for r in action.requests}
    return user.partner_id in ids


def can_invite_focal_points(user) -> bool:
    """Staff open partner accounts from the institution's page."""
    return is_staff(user)


def can_manage_calls(user) -> bool:
    """Staff publish open calls, see who is interested and close them with an outcome."""
    return is_staff(user)


def can_see_opportunities(user) -> bool:
    """Experts see the open calls ranked for their profile."""
    return is_expert(user)


def can_express_interest(user, call) -> bool:
    """An expert says they are interested in a call while it is open (and withdraws it)."""
    return is_expert(user) and call.is_open


def can_view_call(user, call, fits: bool, interested: bool) -> bool:
    """An expert sees a call while it takes interest and they meet its hard requirements
    (`fits`); afterwards only if they answered it, to read its outcome."""
    return is_expert(user) and (interested or (call.is_open and fits))


# Communities (roster/communities): a community answers membership_of(user) itself, so that
# these rules need no import from the domain above.
def _membership(user, community):
    if not (user and user.is_authenticated):
        return None
    found = community.membership_of(user)
    return found if found is not None and found.removed_at is None else None


def is_community_member(user, community) -> bool:
    return _membership(user, community) is not None


def can_create_community(user) -> bool:
    """Staff create communities, edit them and name their moderators."""
    return is_staff(user)


def can_manage_community(user, community) -> bool:
    return is_staff(user)


def can_view_community(user, community) -> bool:
    """Members and staff; an open community also every expert not removed from it."""
    if is_staff(user) or is_community_member(user, community):
        return True
    if not (community.is_open and user and user.is_authenticated and user.role == Role.EXPERT):
        return False
    found = community.membership_of(user)
    return found is None or found.removed_at is None


def can_join_community(user, community) -> bool:
    """An expert joins an open community with one click (unless a moderator removed them)."""
    return (
        community.is_open
        and bool(user and user.is_authenticated and user.role == Role.EXPERT)
        and community.membership_of(user) is None
    )


def can_post_in(user, community) -> bool:
    """Members (and staff) start threads, reply and register for events."""
    return is_staff(user) or is_community_member(user, community)


def can_moderate(user, community) -> bool:
    """Staff and the community's moderators hide posts, lock threads, remove members."""
    found = _membership(user, community)
    return is_staff(user) or (found is not None and found.role == "moderator")


def can_reply(user, thread) -> bool:
    """A locked thread takes replies from moderators only."""
    if thread.locked_at is not None:
        return can_moderate(user, thread.community)
    return can_post_in(user, thread.community)


def owns_post(user, post) -> bool:
    return bool(user and user.is_authenticated and post.author_id == user.id)


def can_edit_post(user, post, grace_minutes: int = 30) -> bool:
    """Its author, within the grace period, while it is neither hidden nor in a locked thread."""
    from roster.core.time import utcnow

    if not owns_post(user, post) or post.hidden_at or post.removed_at or post.thread.locked_at:
        return False
    if not is_community_member(user, post.thread.community) and not is_staff(user):
        return False
    return (utcnow() - post.created_at).total_seconds() <= grace_minutes * 60


def can_report_post(user, post) -> bool:
    """Any reader but the post's author reports it to the moderators."""
    return can_view_community(user, post.thread.community) and not owns_post(user, post)


def can_manage_events(user, community) -> bool:
    return can_moderate(user, community)


def owns_notification(user, notification) -> bool:
    return bool(user and user.is_authenticated and notification.user_id == user.id)


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
