"""The account mails: confirmation, already registered, password reset and change notices."""

from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from roster.auth.forms import ROLE_LABELS
from roster.auth.models import User
from roster.auth.tokens import confirmation_token, reset_token
from roster.core.urls import external_url
from roster.mail import send_mail


def _locale(user: User) -> str:
    return user.locale or str(get_locale() or "en")


def send_confirmation(user: User) -> None:
    """Mail the link that confirms the address and activates the account."""
    with force_locale(_locale(user)):
        send_mail(
            user.email,
            _("Confirm your e-mail address"),
            "confirm_email",
            user=user,
            link=external_url("auth.confirm", token=confirmation_token(user)),
        )


def send_already_registered(user: User) -> None:
    """Tell the owner of an address that someone tried to register it again."""
    with force_locale(_locale(user)):
        send_mail(
            user.email,
            _("You already have an account"),
            "already_registered",
            user=user,
            login_link=external_url("auth.login"),
            reset_link=external_url("auth.forgot"),
        )


def send_reset(user: User) -> None:
    """Mail a link that sets a new password; it works once and expires."""
    with force_locale(_locale(user)):
        send_mail(
            user.email,
            _("Reset your password"),
            "reset_password",
            user=user,
            link=external_url("auth.reset", token=reset_token(user)),
        )


def send_reset_no_account(email: str) -> None:
    """Answer a reset request for an address no active account uses, with a mail like the
    one a known address gets: the same work (a signed token, a mail), so the time taken
    tells nothing about which addresses have accounts."""
    reset_token(User(id=0, email=email))  # signed and dropped: as costly as the real one
    send_mail(
        email,
        _("Reset your password"),
        "reset_no_account",
        register_link=external_url("auth.register"),
    )


def send_password_changed(user: User) -> None:
    """Warn the owner that the password changed, in case it was not them."""
    with force_locale(_locale(user)):
        send_mail(
            user.email,
            _("Your password was changed"),
            "password_changed",
            user=user,
            reset_link=external_url("auth.forgot"),
        )


def send_invitation(user: User, inviter: User) -> None:
    """Invite someone to the account an administrator opened: they choose their password."""
    with force_locale(_locale(user)):
        send_mail(
            user.email,
            _("Your account on the expert roster"),
            "invitation",
            user=user,
            inviter=inviter,
            role_label=ROLE_LABELS[user.role],
            link=external_url("auth.reset", token=reset_token(user)),
            reset_link=external_url("auth.forgot"),
        )
