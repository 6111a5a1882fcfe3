"""The digest settings form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice

from roster.notifications.models import DigestFrequency

FREQUENCY_LABELS = {
    DigestFrequency.DAILY: _l("Every day"),
    DigestFrequency.WEEKLY: _l("Every week"),
    DigestFrequency.NEVER: _l("Never"),
}


class DigestForm(FlaskForm):
    """How often the person gets the e-mail digest."""

    digest = RadioField(
        _l("E-mail digest of what is new"),
        choices=[SelectChoice(f.value, label) for f, label in FREQUENCY_LABELS.items()],
    )
    submit = SubmitField(_l("Save"))


class UnsubscribeForm(FlaskForm):
    submit = SubmitField(_l("Unsubscribe"))
