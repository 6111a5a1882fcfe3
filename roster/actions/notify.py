"""The e-mails of the actions area: request received, invitation sent."""

from flask_babel import lazy_gettext as _l

from roster.actions.models import Assignment, Request
from roster.core.urls import external_url
from roster.mail import send_mail


def send_request_confirmation(req: Request) -> None:
    """Tell the requester that their request arrived and what happens next."""
    if not req.contact_email:
        return
    send_mail(
        req.contact_email,
        _l("We received your request for support"),
        "action_request_received",
        req=req,
    )


def send_invitation(assignment: Assignment) -> None:
    """Invite the expert by e-mail, with a link to their invitations page."""
    expert = assignment.expert
    to = expert.email or (expert.user.email if expert.user else None)
    if not to:
        return
    start, end = assignment.period()
    send_mail(
        to,
        _l(
            "Invitation: %(code)s %(title)s",
            code=assignment.action.code,
            title=assignment.action.title,
        ),
        "action_invitation",
        locale=expert.user.locale if expert.user else None,
        assignment=assignment,
        start=start,
        end=end,
        link=external_url("actions.my_invitations"),
    )
