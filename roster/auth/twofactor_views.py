"""Setting up two-factor sign-in, its recovery codes, and turning it off."""

from flask import abort, flash, make_response, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from roster.audit import record
from roster.auth.account_views import _render, _require_session
from roster.auth.forms import ConfirmIdentityForm, EnrolTwoFactorForm
from roster.auth.models import User
from roster.auth.permissions import can_change_account, require
from roster.auth.sessions import ENROL_SECRET, TWO_FACTOR_OK, renew_session
from roster.auth.twofactor import (
    disable,
    enable,
    matching_step,
    new_recovery_codes,
    new_secret,
    provisioning_uri,
    qr_svg,
    requires_two_factor,
)
from roster.auth.user_sessions import end_sessions
from roster.extensions import db

NO_STORE = {"Cache-Control": "no-store"}


def _enrol_secret() -> str:
    """The secret being set up lives in the session until a code confirms it."""
    secret = session.get(ENROL_SECRET)
    if not isinstance(secret, str) or len(secret) < 16:
        secret = session[ENROL_SECRET] = new_secret()
    return secret


def _recovery_codes_page(codes: list[str]):
    html = render_template("auth/recovery_codes.html", codes=codes)
    return html, 200, NO_STORE


@login_required
def enrol_two_factor():
    """Set up two-factor sign-in: scan the QR code, then confirm with a code from the app."""
    _require_session()
    user = current_user._get_current_object()
    if user.two_factor_enabled:
        flash(_("Two-factor sign-in is already on."), "info")
        return redirect(url_for("auth.account"))
    secret = _enrol_secret()
    form = EnrolTwoFactorForm()
    if form.validate_on_submit():
        step = matching_step(secret, form.code.data, None)
        if step is not None:
            codes = enable(user, secret, step)
            session.pop(ENROL_SECRET, None)
            record("two_factor_enabled", target=user)
            renew_session(user)  # other browsers sign in again, with the second factor
            session[TWO_FACTOR_OK] = True
            db.session.commit()
            flash(_("Two-factor sign-in is on."), "success")
            return _recovery_codes_page(codes)
        form.code.errors.append(
            _("This code is not right. Check that the app shows this account, and try again.")
        )
    html = render_template(
        "auth/two_factor_enrol.html",
        form=form,
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        required=requires_two_factor(user),
    )
    return html, 400 if form.errors else 200, NO_STORE


@login_required
def two_factor_qr():
    """The QR code of the secret being set up, for the authenticator app to scan."""
    user = current_user._get_current_object()
    if user.two_factor_enabled:
        abort(404)
    svg = qr_svg(
        provisioning_uri(_enrol_secret(), user.email),
        _("QR code for your authenticator app"),
    )
    response = make_response(svg)
    response.mimetype = "image/svg+xml"
    response.headers.update(NO_STORE)
    return response


@login_required
def regenerate_recovery_codes():
    """Replace the recovery codes with ten new ones (the old ones stop working)."""
    _require_session()
    user = current_user._get_current_object()
    if not user.two_factor_enabled:
        flash(_("Two-factor sign-in is off."), "info")
        return redirect(url_for("auth.account"))
    form = ConfirmIdentityForm(user=user, prefix="codes")
    if not form.validate_on_submit():
        return _render(400, codes_form=form)
    codes = new_recovery_codes(user)
    record("recovery_codes_regenerated", target=user)
    db.session.commit()
    return _recovery_codes_page(codes)


@login_required
def disable_two_factor():
    """Turn two-factor sign-in off (not for roles that must use it)."""
    _require_session()
    user = current_user._get_current_object()
    if requires_two_factor(user):
        abort(403)
    if not user.two_factor_enabled:
        flash(_("Two-factor sign-in is off."), "info")
        return redirect(url_for("auth.account"))
    form = ConfirmIdentityForm(user=user, prefix="off")
    if not form.validate_on_submit():
        return _render(400, disable_form=form)
    disable(user)
    record("two_factor_disabled", target=user)
    renew_session(user)  # every other browser is signed out
    session.pop(TWO_FACTOR_OK, None)
    db.session.commit()
    flash(_("Two-factor sign-in is off."), "success")
    return redirect(url_for("auth.account"))


@login_required
def reset_two_factor(user_id: int):
    """An administrator clears someone's second factor (a lost phone): they set it up again."""
    target = db.get_or_404(User, user_id)
    require(can_change_account, target)
    if target.two_factor_enabled:
        disable(target)
        end_sessions(target)  # they sign in again and set up a new second factor
        record("two_factor_reset", target=target)
        db.session.commit()
        flash(
            _(
                "Two-factor sign-in of %(email)s is reset: they set it up again.",
                email=target.email,
            ),
            "success",
        )
    else:
        flash(_("%(email)s has no two-factor sign-in to reset.", email=target.email), "info")
    return redirect(url_for("auth.user", user_id=target.id))
