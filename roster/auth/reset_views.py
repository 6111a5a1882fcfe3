"""A forgotten password: mail a one-time link, then set a new password with it."""

from flask import flash, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from roster.audit import record
from roster.auth.forms import EmailOnlyForm, ResetPasswordForm
from roster.auth.lockout import clear_all_locks
from roster.auth.mails import send_password_changed, send_reset, send_reset_no_account
from roster.auth.services import find_user, normalise_email
from roster.auth.tokens import InvalidLink, user_from_reset_token
from roster.auth.user_sessions import end_sessions
from roster.auth.views import login_limit
from roster.core.access import public_page
from roster.core.time import utcnow
from roster.extensions import db, limiter
from roster.security_headers import not_stored, without_referrer

# The session key that carries a reset link's token from the mailed address to the form's.
RESET_LINK_KEY = "reset_link"


@public_page
@limiter.limit(login_limit, methods=["POST"])
def forgot():
    """Ask for a password-reset link by e-mail."""
    form = EmailOnlyForm()
    if not form.validate_on_submit():
        return render_template("auth/forgot.html", form=form)
    user = find_user(form.email.data)
    # Both paths do the same work (a signed token, a mail, an audit row and a commit), so
    # neither the answer nor the time it takes tells whether the address has an account.
    if user is not None and user.is_active:
        send_reset(user)
        record("password_reset_requested", target=user, actor=user)
    else:
        send_reset_no_account(normalise_email(form.email.data))
        record("password_reset_requested", detail="no active account")
    db.session.commit()
    # The same answer whether or not the address has an account.
    flash(
        _(
            "If an account uses %(email)s, we have sent it a link to choose a new password. "
            "Check your inbox, and your spam folder.",
            email=form.email.data,
        ),
        "info",
    )
    return redirect(url_for("auth.login"))


@public_page
@limiter.limit(login_limit, methods=["POST"])
def reset(token: str | None = None):
    """Choose a new password from the mailed link (it works once)."""
    if token is not None and request.method == "GET":
        # The mailed link's token moves into the session and the browser on to an address
        # without it: it stays out of the history, the Referer and later log lines.
        session[RESET_LINK_KEY] = token
        return without_referrer(redirect(url_for("auth.reset")))
    try:
        # A form posted to the token's own address (opened before this change) still works.
        user = user_from_reset_token(token or session.get(RESET_LINK_KEY, ""))
    except InvalidLink as exc:
        session.pop(RESET_LINK_KEY, None)
        page = render_template("auth/link_invalid.html", expired=exc.expired, kind="reset")
        return not_stored(make_response(page, 400))
    form = ResetPasswordForm(account_email=user.email)
    if not form.validate_on_submit():
        return not_stored(make_response(render_template("auth/reset.html", form=form, user=user)))
    session.pop(RESET_LINK_KEY, None)
    user.set_password(form.password.data)
    if user.confirmed_at is None:
        user.confirmed_at = utcnow()  # the link proves the address, as a confirmation does
    clear_all_locks(user.email)  # the mailed link proves the owner: no lock may keep them out
    end_sessions(user)  # whoever knew the old password is signed out everywhere
    record("password_reset", target=user, actor=user)
    db.session.commit()
    send_password_changed(user)
    flash(_("Your password is saved. You can sign in with it now."), "success")
    return redirect(url_for("auth.login"))
