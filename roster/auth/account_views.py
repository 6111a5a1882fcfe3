"""The user's own settings: password, two-factor sign-in, language, personal API tokens."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_required

from roster.audit import record
from roster.auth.forms import ChangePasswordForm, ConfirmIdentityForm, LocaleForm, TokenForm
from roster.auth.mails import send_password_changed
from roster.auth.models import ApiToken, UserSession
from roster.auth.permissions import can_have_ui_tokens, owns_session, owns_token, require
from roster.auth.sessions import renew_session, sign_out_here
from roster.auth.twofactor import recovery_codes_left, requires_two_factor
from roster.auth.user_sessions import (
    current_session,
    describe_agent,
    end_sessions,
    live_sessions,
)
from roster.auth.user_sessions import end_session as end_session_row
from roster.core.time import utcnow
from roster.extensions import db


def _require_session() -> None:
    """Account changes need a browser sign-in: a leaked API token must not mint more."""
    if request.headers.get("Authorization", "").startswith("Bearer "):
        abort(403)


def _tokens(user) -> list[ApiToken]:
    return list(
        db.session.scalars(
            sa.select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc())
        )
    )


def _render(status: int = 200, **forms):
    """The account page, with any bound form passed in kept as the user typed it."""
    user = current_user
    context = {
        # Forms not passed in start empty, not filled from another form's submission.
        "password_form": forms.get("password_form")
        or ChangePasswordForm(user=user, prefix="pw", formdata=None),
        "locale_form": forms.get("locale_form")
        or LocaleForm(
            prefix="lang", formdata=None, locale=user.locale or session.get("locale") or "en"
        ),
        "token_form": forms.get("token_form") or TokenForm(prefix="token", formdata=None),
        "codes_form": forms.get("codes_form")
        or ConfirmIdentityForm(user=user, prefix="codes", formdata=None),
        "disable_form": forms.get("disable_form")
        or ConfirmIdentityForm(user=user, prefix="off", formdata=None),
        "two_factor_required": requires_two_factor(user),
        "recovery_codes_left": recovery_codes_left(user) if user.two_factor_enabled else 0,
        "tokens": _tokens(user),
        "sessions": live_sessions(user),
        "this_session": current_session(),
        "describe_agent": describe_agent,
        "new_secret": forms.get("new_secret"),
    }
    return render_template("auth/account.html", **context), status


@login_required
def account():
    """Show the user's own settings."""
    return _render()


@login_required
def change_password():
    """Change the password, after checking the current one."""
    _require_session()
    user = current_user._get_current_object()
    form = ChangePasswordForm(user=user, prefix="pw")
    if not form.validate_on_submit():
        return _render(400, password_form=form)
    user.set_password(form.password.data)
    renew_session(user)  # every other browser is signed out; this one goes on
    record("password_changed", target=user)
    db.session.commit()
    send_password_changed(user)
    flash(_("Your password is changed."), "success")
    return redirect(url_for("auth.account"))


@login_required
def set_locale():
    """Save the interface language the user prefers."""
    form = LocaleForm(prefix="lang")
    if not form.validate_on_submit():
        return _render(400, locale_form=form)
    current_user.locale = form.locale.data
    session["locale"] = form.locale.data
    db.session.commit()
    refresh()  # the confirmation below is in the newly chosen language
    flash(_("Your interface language is saved."), "success")
    return redirect(url_for("auth.account"))


@login_required
def create_token():
    """Create a personal API token and show its secret once."""
    _require_session()
    require(can_have_ui_tokens)
    form = TokenForm(prefix="token")
    if not form.validate_on_submit():
        return _render(400, token_form=form)
    token, secret = ApiToken.issue(current_user._get_current_object(), form.name.data)
    db.session.add(token)
    db.session.flush()
    record("token_created", target=token, detail=token.name)
    db.session.commit()
    # Rendered, not flashed: the session cookie is signed, not encrypted.
    html, status = _render(new_secret=secret)
    return html, status, {"Cache-Control": "no-store"}


@login_required
def revoke_token(token_id: int):
    """Revoke one of the user's API tokens; it stops working at once."""
    _require_session()
    token = db.get_or_404(ApiToken, token_id)
    require(owns_token, token)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record("token_revoked", target=token, detail=token.name)
        db.session.commit()
    flash(_("The token “%(name)s” is revoked.", name=token.name), "success")
    return redirect(url_for("auth.account"))


@login_required
def end_session(session_id: int):
    """End one of the user's sessions (another browser or device): it is signed out at once."""
    _require_session()
    row = db.get_or_404(UserSession, session_id)
    require(owns_session, row)
    here = current_session()
    is_here = here is not None and here.id == row.id
    record("session_ended", target=current_user._get_current_object(), detail=_device(row))
    if is_here:
        sign_out_here()
        db.session.commit()
        flash(_("You are signed out."), "info")
        return redirect(url_for("auth.login"))
    end_session_row(row)
    db.session.commit()
    flash(_("That session is ended: it must sign in again."), "success")
    return redirect(url_for("auth.account") + "#sessions")


@login_required
def end_other_sessions():
    """End every session of the user except this browser's."""
    _require_session()
    user = current_user._get_current_object()
    ended = end_sessions(user, keep=current_session())
    record("sessions_ended", target=user, detail=f"{ended} other sessions")
    db.session.commit()
    flash(_("Every other session is ended."), "success")
    return redirect(url_for("auth.account") + "#sessions")


def _device(row: UserSession) -> str:
    browser, system = describe_agent(row.user_agent)
    return " / ".join(part for part in (browser, system, row.ip or "") if part)[:200]
