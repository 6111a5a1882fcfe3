"""Joining the roster, confirming the address, signing in and out."""

import time

from flask import (
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from roster.audit import record
from roster.auth.forms import EmailOnlyForm, LoginForm, RegisterForm, TwoFactorForm
from roster.auth.lockout import clear_failures, is_locked, record_failure
from roster.auth.mails import send_already_registered, send_confirmation
from roster.auth.models import User
from roster.auth.passwords import may_use_password
from roster.auth.services import (
    authenticate,
    create_account,
    find_user,
    landing_url,
    normalise_email,
    safe_next,
    spend_hashing_time,
)
from roster.auth.sessions import (
    PENDING,
    PENDING_SECONDS,
    SESSION_KEYS,
    complete_sign_in,
    sign_out_here,
)
from roster.auth.tokens import InvalidLink, user_from_confirmation_token
from roster.auth.twofactor import (
    DEMO_TOTP_SECRET,
    current_code,
    use_recovery_code,
    verify_totp,
)
from roster.core.access import public_page
from roster.core.time import utcnow
from roster.extensions import db, limiter


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@public_page
@limiter.limit(login_limit, methods=["POST"])
def login():
    """Sign in with e-mail and password (then the second factor, for those who have one)."""
    form = LoginForm(next=request.args.get("next"))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(safe_next(form.next.data) or landing_url(current_user))
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)

    email = form.email.data
    if is_locked(email):
        spend_hashing_time(form.password.data)  # as slow as a real check: nothing to learn
        record("login_failed", target=find_user(email), detail=f"{email[:200]} (locked)")
        db.session.commit()
        form.password.errors.append(locked_message())
        return render_template("auth/login.html", form=form), 429
    user = authenticate(email, form.password.data)
    if user is None or not user.is_active:
        known = find_user(email)
        record("login_failed", target=known, detail=email[:254])
        if user is None and record_failure(email):
            record("login_locked_out", target=known, detail=email[:254])
            db.session.commit()
            form.password.errors.append(locked_message())
            return render_template("auth/login.html", form=form), 429
        db.session.commit()
        if user is None:
            # One message for an unknown address and a wrong password.
            message = _("The e-mail address or the password is not right.")
        else:  # only someone who knows the password learns that the account is closed
            message = _("This account is deactivated. Contact the team if this is a mistake.")
        form.password.errors.append(message)
        return render_template("auth/login.html", form=form)
    if not may_use_password(form.password.data, current_app.config["DEMO_DATA_ALLOWED"]):
        record("login_failed", target=user, detail="demo password outside the demo")
        db.session.commit()
        form.password.errors.append(
            _(
                "This password was published with the demo and does not work here. Choose a "
                "new one with “Forgot your password?”."
            )
        )
        return render_template("auth/login.html", form=form)
    if user.confirmed_at is None:
        return render_template(
            "auth/login.html",
            form=form,
            unconfirmed=True,
            resend_form=EmailOnlyForm(email=user.email, formdata=None),
        )
    if user.two_factor_enabled:
        # Not signed in yet: the session only remembers, for a few minutes, who is halfway.
        for key in SESSION_KEYS:
            session.pop(key, None)
        session[PENDING] = {
            "uid": user.id,
            "at": time.time(),
            "remember": bool(form.remember.data),
            "next": safe_next(form.next.data),
        }
        return redirect(url_for("auth.two_factor"))

    complete_sign_in(user, remember=form.remember.data)
    clear_failures(email)
    record("login", target=user)
    db.session.commit()
    return redirect(safe_next(form.next.data) or landing_url(user))


def locked_message() -> str:
    """The same words whether or not the address has an account."""
    return _(
        "Too many failed attempts from this device. Wait %(minutes)d minutes and try again, "
        "or choose a new password with “Forgot your password?”.",
        minutes=int(current_app.config["LOCKOUT_MINUTES"]),
    )


def _pending_user() -> tuple[User | None, dict]:
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or not isinstance(pending.get("uid"), int):
        return None, {}
    if time.time() - float(pending.get("at", 0)) > PENDING_SECONDS:
        return None, {}
    user = db.session.get(User, pending["uid"])
    if user is None or not user.is_active or not user.two_factor_enabled:
        return None, {}
    return user, pending


@public_page
@limiter.limit(login_limit, methods=["POST"])
def two_factor():
    """Second step of signing in: a code from the authenticator app, or a recovery code."""
    user, pending = _pending_user()
    if user is None and current_user.is_authenticated:
        return redirect(landing_url(current_user))
    if user is None:
        session.pop(PENDING, None)
        flash(_("Your sign-in took too long or was not started. Please sign in again."), "info")
        return redirect(url_for("auth.login"))
    form = TwoFactorForm()
    hint = None
    if current_app.config.get("DEMO_TOTP_HINT") and user.totp_secret == DEMO_TOTP_SECRET:
        hint = current_code(user.totp_secret)
    if not form.validate_on_submit():
        return render_template("auth/two_factor.html", form=form, hint=hint)
    if is_locked(user.email):
        session.pop(PENDING, None)
        flash(locked_message(), "danger")
        return redirect(url_for("auth.login"))

    if verify_totp(user, form.code.data):
        pass
    elif use_recovery_code(user, form.code.data):
        record("recovery_code_used", target=user, actor=user)
    else:
        record("login_failed", target=user, detail="second factor")
        if record_failure(user.email):
            record("login_locked_out", target=user, detail="second factor")
            session.pop(PENDING, None)
            db.session.commit()
            flash(locked_message(), "danger")
            return redirect(url_for("auth.login"))
        db.session.commit()
        form.code.errors.append(
            _("This code is not right, or it was already used. Enter the code your app shows now.")
        )
        return render_template("auth/two_factor.html", form=form, hint=hint)

    complete_sign_in(user, remember=pending.get("remember", False), second_factor=True)
    clear_failures(user.email)
    record("login", target=user, detail="with second factor")
    db.session.commit()
    return redirect(safe_next(pending.get("next")) or landing_url(user))


@public_page
def logout():
    """Sign out of this browser."""
    if current_user.is_authenticated:
        record("logout", target=current_user._get_current_object())
    sign_out_here()
    db.session.commit()
    flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))


@public_page
@limiter.limit(login_limit, methods=["POST"])
def register():
    """Join the roster: create an expert account and mail the confirmation link."""
    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    form = RegisterForm()
    if not form.validate_on_submit():
        return render_template("auth/register.html", form=form)

    existing = find_user(form.email.data)
    if existing is not None:
        # The page must not tell a stranger that the address is registered; its owner learns.
        spend_hashing_time(form.password.data)
        send_already_registered(existing)
    else:
        user = create_account(
            form.email.data,
            form.password.data,
            first_name=form.first_name.data,
            last_name=form.last_name.data,
            locale=str(get_locale() or "en"),
        )
        record("registered", target=user, actor=user)
        db.session.commit()
        send_confirmation(user)
    session["pending_email"] = normalise_email(form.email.data)
    return redirect(url_for("auth.check_email"))


@public_page
def check_email():
    """Tell a new member to open the confirmation link we mailed."""
    return render_template("auth/check_email.html", email=session.get("pending_email"))


@public_page
def confirm(token: str | None = None):
    """Confirm the e-mail address from the mailed link, and sign the member in (once)."""
    from flask import make_response

    from roster.security_headers import not_stored, without_referrer

    if token is not None:
        # The token moves into the session and the browser on to an address without it:
        # it stays out of the history, the Referer and later log lines.
        session["confirm_link"] = token
        return without_referrer(redirect(url_for("auth.confirm")))
    try:
        user = user_from_confirmation_token(session.pop("confirm_link", ""))
        if not user.is_active:
            raise InvalidLink()
    except InvalidLink as exc:
        page = render_template("auth/link_invalid.html", expired=exc.expired, kind="confirm")
        return not_stored(make_response(page, 400))
    if user.confirmed_at is not None:
        # The link signs in once: later, from a mailbox or a log, it only says so.
        flash(_("Your e-mail address was already confirmed."), "info")
        return redirect(url_for("auth.login"))
    user.confirmed_at = utcnow()
    record("account_confirmed", target=user, actor=user)
    flash(_("Thank you: your e-mail address is confirmed."), "success")
    complete_sign_in(user)
    db.session.commit()
    session.pop("pending_email", None)
    return redirect(landing_url(user))


@public_page
@limiter.limit(login_limit, methods=["POST"])
def resend_confirmation():
    """Send a new confirmation link to an account that is not yet confirmed."""
    form = EmailOnlyForm()
    if not form.validate_on_submit():
        return render_template("auth/resend_confirmation.html", form=form)
    user = find_user(form.email.data)
    if user is not None and user.confirmed_at is None and user.is_active:
        send_confirmation(user)
    session["pending_email"] = normalise_email(form.email.data)
    return redirect(url_for("auth.check_email"))
