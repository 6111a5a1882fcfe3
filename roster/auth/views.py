"""Joining the roster, confirming the address, signing in and out."""

from flask import (
    Blueprint,
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
from flask_login import current_user, login_user, logout_user

from roster.audit import record
from roster.auth.forms import EmailOnlyForm, LoginForm, RegisterForm
from roster.auth.mails import send_already_registered, send_confirmation
from roster.auth.models import utcnow
from roster.auth.services import (
    authenticate,
    create_account,
    find_user,
    landing_url,
    normalise_email,
    safe_next,
    spend_hashing_time,
)
from roster.auth.tokens import InvalidLink, user_from_confirmation_token
from roster.extensions import db, limiter

bp = Blueprint("auth", __name__, url_prefix="/auth")


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login():
    """Sign in with e-mail and password."""
    form = LoginForm(next=request.args.get("next"))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(safe_next(form.next.data) or landing_url(current_user))
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)

    user = authenticate(form.email.data, form.password.data)
    if user is None or not user.is_active:
        record("login_failed", target=find_user(form.email.data), detail=form.email.data[:254])
        db.session.commit()
        if user is None:
            # One message for an unknown address and a wrong password.
            message = _("The e-mail address or the password is not right.")
        else:  # only someone who knows the password learns that the account is closed
            message = _("This account is deactivated. Contact the team if this is a mistake.")
        form.password.errors.append(message)
        return render_template("auth/login.html", form=form)
    if user.confirmed_at is None:
        return render_template(
            "auth/login.html",
            form=form,
            unconfirmed=True,
            resend_form=EmailOnlyForm(email=user.email, formdata=None),
        )

    login_user(user, remember=form.remember.data)
    user.last_login_at = utcnow()
    if user.locale:
        session["locale"] = user.locale
    record("login", target=user)
    db.session.commit()
    return redirect(safe_next(form.next.data) or landing_url(user))


@bp.post("/logout")
def logout():
    """Sign out of this browser."""
    if current_user.is_authenticated:
        record("logout", target=current_user._get_current_object())
        db.session.commit()
        logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/register", methods=["GET", "POST"])
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


@bp.get("/check-email")
def check_email():
    """Tell a new member to open the confirmation link we mailed."""
    return render_template("auth/check_email.html", email=session.get("pending_email"))


@bp.get("/confirm/<token>")
def confirm(token: str):
    """Confirm the e-mail address from the mailed link, and sign the member in."""
    try:
        user = user_from_confirmation_token(token)
    except InvalidLink as exc:
        return render_template("auth/link_invalid.html", expired=exc.expired, kind="confirm"), 400
    if not user.is_active:
        return render_template("auth/link_invalid.html", expired=False, kind="confirm"), 400
    if user.confirmed_at is None:
        user.confirmed_at = utcnow()
        record("account_confirmed", target=user, actor=user)
        flash(_("Thank you: your e-mail address is confirmed."), "success")
    else:
        flash(_("Your e-mail address was already confirmed."), "info")
    login_user(user)
    user.last_login_at = utcnow()
    db.session.commit()
    session.pop("pending_email", None)
    return redirect(landing_url(user))


@bp.route("/confirm", methods=["GET", "POST"])
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
