"""The outcome of a closed call, told to each expert who expressed interest: by e-mail in their
language, and in the service's notifications."""

import logging

from flask import url_for
from flask_babel import lazy_gettext as _l

from roster.core.urls import external_url
from roster.mail import MailNotSent, send_mail
from roster.notifications import notify, register_kind
from roster.opportunities.models import Interest, OpenCall, Outcome

log = logging.getLogger(__name__)

register_kind("opportunity.selected", _l("You were selected for the call “%(call)s”"))
register_kind(
    "opportunity.not_selected",
    _l("The call “%(call)s” is closed: you were not selected this time"),
)


def _address(interest: Interest) -> str | None:
    expert = interest.expert
    return expert.email or (expert.user.email if expert.user else None)


def notify_outcome(call: OpenCall) -> None:
    """Add each interested expert's notification (the caller's commit stores them)."""
    link = url_for("opportunities.show", call_id=call.id)
    for interest in call.interests:
        if interest.expert.user is not None and interest.outcome is not None:
            notify(
                interest.expert.user, f"opportunity.{interest.outcome.value}", link, call=call.title
            )


def mail_outcome(call: OpenCall) -> int:
    """Mail each interested expert the outcome in their language; returns how many failed."""
    failed = 0
    for interest in call.interests:
        to = _address(interest)
        if not to or interest.expert.erased_at is not None:
            continue
        user = interest.expert.user
        try:
            send_mail(
                to,
                _l("Outcome of the call: %(title)s", title=call.title),
                "opportunity_outcome",
                locale=user.locale if user else None,
                call=call,
                interest=interest,
                selected=interest.outcome == Outcome.SELECTED,
                link=external_url("opportunities.show", call_id=call.id),
            )
        except MailNotSent as exc:
            failed += 1
            log.warning(
                "Outcome mail of call %s to expert %s not sent: %s",
                call.id,
                interest.expert_id,
                exc,
            )
    return failed
