"""Forms of the team: shortlist, invite, answer, complete, evaluate."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields import DateField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from roster.actions.fields import end_not_before_start, strip
from roster.core.numbers import WholeNumberField
from roster.core.versions import VersionField


class ShortlistForm(FlaskForm):
    """Put an approved expert on an Action's shortlist (optionally for one activity)."""

    expert_id = WholeNumberField(validators=[DataRequired()])
    activity_id = SelectField(_l("Activity"), validators=[Optional()])
    role = StringField(
        _l("Role"),
        validators=[Optional(), Length(max=120)],
        filters=[strip],
        description=_l("For example: lead expert, trainer."),
    )
    start_on = DateField(_l("From"), validators=[Optional()])
    end_on = DateField(_l("To"), validators=[Optional(), end_not_before_start])
    submit = SubmitField(_l("Shortlist"))


class InviteForm(FlaskForm):
    """Invite a shortlisted expert; a double booking needs the box ticked."""

    confirm_overlap = BooleanField(_l("Confirm despite overlap"))
    submit = SubmitField(_l("Invite"))


class ConfirmOverlapForm(FlaskForm):
    """Staff confirm an expert's double booking so that they can accept."""

    submit = SubmitField(_l("Confirm the double booking"))


class RemoveForm(FlaskForm):
    """Take a shortlisted expert off the Action."""

    submit = SubmitField(_l("Remove from the shortlist"))


class AnswerForm(FlaskForm):
    """The expert's answer to an invitation."""

    version = VersionField()
    comment = TextAreaField(
        _l("Comment for the team"),
        validators=[Optional(), Length(max=2000)],
        filters=[strip],
        render_kw={"rows": 2},
    )
    accept = SubmitField(_l("Accept"))
    decline = SubmitField(_l("Decline"))


class CompleteForm(FlaskForm):
    """Mark an accepted assignment done, with the days worked."""

    days = DecimalField(
        _l("Days worked"),
        places=1,
        validators=[DataRequired(), NumberRange(min=0.5, max=365)],
    )
    submit = SubmitField(_l("Mark completed"))


class EvaluationForm(FlaskForm):
    """Staff's evaluation of an expert's work on a completed assignment."""

    rating = RadioField(
        _l("Rating"),
        choices=[
            SelectChoice("5", _l("5 · excellent")),
            SelectChoice("4", _l("4 · good")),
            SelectChoice("3", _l("3 · satisfactory")),
            SelectChoice("2", _l("2 · weak")),
            SelectChoice("1", _l("1 · poor")),
        ],
        validators=[DataRequired(_l("Choose a rating."))],
    )
    comment = TextAreaField(
        _l("Comment"),
        validators=[Optional(), Length(max=4000)],
        filters=[strip],
        render_kw={"rows": 4},
    )
    version = VersionField()  # 0: no evaluation existed when the form was opened
    submit = SubmitField(_l("Save the evaluation"))
