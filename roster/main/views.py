"""The front page, the language switch, the health check and the privacy notice."""

import sqlalchemy as sa
from flask import current_app, jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user
from werkzeug.exceptions import BadRequest

from roster.core.access import public_page
from roster.extensions import db
from roster.i18n import LANGUAGES


@public_page
def index():
    """Show the welcome page, or send a signed-in user to their area."""
    return render_template("main/index.html")


@public_page
def set_language():
    """Remember the interface language the user picked."""
    lang = request.form.get("lang", "")
    if lang not in LANGUAGES:
        raise BadRequest("Unknown language")
    session["locale"] = lang
    if current_user.is_authenticated:
        current_user.locale = lang
        db.session.commit()
    target = request.form.get("next") or url_for("main.index")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("main.index")
    return redirect(target)


@public_page
def healthz():
    """Tell a load balancer whether the app can reach its database."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return jsonify({"status": "error", "database": "unreachable"}), 503
    return jsonify({"status": "ok", "database": "ok"})


@public_page
def privacy():
    """Tell anyone what the roster holds about people, why, how long, who sees it, their rights."""
    contact = current_app.config.get("PRIVACY_CONTACT") or current_app.config["MAIL_SENDER"]
    return render_template("main/privacy.html", contact=contact)
