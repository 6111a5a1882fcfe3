"""Edits never silently overwrite a newer save: every edit form carries the version of the
record it was filled from, and a save from an older version, or from none, is a conflict.

Each editable model has a `version` column that SQLAlchemy bumps on every UPDATE
(`version_id_col`): a save that races another one fails with StaleDataError, and a form
filled before another save names an older version. A record not yet created is version 0.
"""

from flask import current_app, flash, has_request_context, request
from flask_babel import _
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField
from wtforms.utils import unset_value

from roster.core.numbers import parse_int

CONFLICT = 409
SUBMITTING = ("POST", "PUT", "PATCH", "DELETE")


class VersionField(HiddenField):
    """The version of the record the form was filled from; never copied onto the record.

    On a submission it is read from the request alone: WTForms would otherwise fall back to
    the record's own (current) version when the field is missing, and let a form that names
    no version through as if it were up to date.
    """

    def process(self, formdata, data=unset_value, extra_filters=None) -> None:
        super().process(formdata, data, extra_filters)
        if has_request_context() and request.method in SUBMITTING:
            sent = (formdata if formdata is not None else request.form).getlist(self.name)
            self.raw_data = sent
            self.data = sent[0] if sent else None

    def populate_obj(self, obj, name) -> None:
        return None


def conflict_message() -> str:
    return _(
        "Someone else saved this while you were editing, so nothing of yours was saved. Your "
        "changes are still below: save again to replace theirs, or open the page anew to see "
        "what they saved."
    )


def is_current(form, current_version: int | None) -> bool:
    """Whether the form was filled from current_version (None: the record does not exist
    yet). A missing or unreadable version is not current."""
    sent = parse_int(form.version.data)
    return sent is not None and sent == (current_version or 0)


def stale(obj, form) -> bool:
    """True, with the conflict message, when the form was not filled from obj's current
    version (obj None: a record not created yet). The form keeps what the user typed and
    now names the current version, so that saving again is a deliberate choice."""
    current = obj.version if obj is not None else 0
    if is_current(form, current):
        return False
    flash(conflict_message(), "danger")
    form.version.raw_data = None
    form.version.data = str(current)
    form.conflict = True
    return True


def status_of(form, default: int = 200) -> int:
    """The status of a re-shown form: 409 after a conflict, else `default`."""
    return CONFLICT if getattr(form, "conflict", False) else default


def commit_or_conflict(form=None) -> bool:
    """Commit; when a concurrent save got in first, say so instead of overwriting it
    (True when saved)."""
    session = current_app.extensions["sqlalchemy"].session  # the ground floor imports no roster
    try:
        session.commit()
    except StaleDataError:
        session.rollback()
        flash(conflict_message(), "danger")
        if form is not None:
            form.conflict = True
        return False
    return True
