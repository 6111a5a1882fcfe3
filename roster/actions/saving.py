"""Saving a form's changes without silently overwriting someone else's (the version column)."""

from flask import flash
from flask_babel import _
from sqlalchemy.orm.exc import StaleDataError

from roster.extensions import db


def _conflict_message() -> str:
    return _("Someone else changed this in the meantime. Reload the page to see their changes.")


def stale(obj, form) -> bool:
    """Whether the form was filled from an older version of obj (someone saved since)."""
    sent = form.version.data
    if sent and str(sent) != str(obj.version):
        flash(_conflict_message(), "danger")
        return True
    return False


def commit_or_conflict() -> bool:
    """Commit; on a concurrent change say so instead of overwriting (True when saved)."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash(_conflict_message(), "danger")
        return False
    return True
