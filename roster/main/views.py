"""The front page, the language switch and the health check."""

import sqlalchemy as sa
from flask import jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user
from werkzeug.exceptions import BadRequest

from roster.extensions import db
from roster.i18n import LANGUAGES


def index():
    """Show the welcome page, or send a signed-in user to their area."""
    return render_template("main/index.html")


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


def healthz():
    """Tell a load balancer whether the app can reach its database."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return jsonify({"status": "error", "database": "unreachable"}), 503
    return jsonify({"status": "ok", "database": "ok"})
