"""The forms of open calls: publish one, say you are interested, close it, set a threshold."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields import DateField, FieldList, FormField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from matching import DEFAULT_MIN_LEVEL
from roster.actions.fields import CheckboxListField, country_options, strip, theme_options
from roster.actions.ranking.forms import LanguageRow
from roster.core.numbers import WholeNumberField
from roster.core.text import single_line
from roster.core.versions import VersionField
from roster.opportunities.models import CallStatus, Outcome

STATUS_LABELS = {
    CallStatus.OPEN: lazy_pgettext("call status", "Open"),
    CallStatus.CLOSED: _l("Closed"),
}
OUTCOME_LABELS = {Outcome.SELECTED: _l("Selected"), Outcome.NOT_SELECTED: _l("Not selected")}
LABELS = {"status_labels": STATUS_LABELS, "outcome_labels": OUTCOME_LABELS}  # for templates
MAX_LANGUAGES = 6


class CallForm(FlaskForm):
    """Publish an open call from an activity: what it needs, when, and until when to answer."""

    page_order = (
        "title",
        "expected",
        "themes",
        "languages",
        "country_code",
        "start_on",
        "end_on",
        "deadline",
    )

    title = StringField(
        _l("Title of the call"),
        validators=[DataRequired(), Length(max=200)],
        filters=[single_line, strip],
    )
    expected = TextAreaField(
        _l("What is expected"),
        validators=[DataRequired(), Length(min=20, max=10000)],
        filters=[strip],
        description=_l(
            "The tasks, the profile wanted and the days of work (at least 20 characters)."
        ),
        render_kw={"rows": 6},
    )
    themes = CheckboxListField(_l("Themes"), validators=[Optional()])
    languages = FieldList(
        FormField(LanguageRow), label=_l("Languages"), min_entries=3, max_entries=MAX_LANGUAGES
    )
    country_code = SelectField(_l("Country"), validators=[Optional()])
    start_on = DateField(_l("From"), validators=[DataRequired()])
    end_on = DateField(_l("To"), validators=[Optional()])
    deadline = DateField(
        _l("Deadline to express interest"),
        validators=[DataRequired()],
        description=_l("Experts can say they are interested until this day."),
    )
    version = VersionField()
    submit = SubmitField(_l("Publish the call"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes.choices = theme_options()
        self.country_code.choices = country_options(blank="—")
        for row in self.languages.entries:
            if not row.level.data:
                row.level.data = DEFAULT_MIN_LEVEL

    def validate_end_on(self, field) -> None:
        if field.data and self.start_on.data and field.data < self.start_on.data:
            raise ValidationError(_l("The end date must not be before the start date."))

    def validate_deadline(self, field) -> None:
        if field.data and field.data < date.today():
            raise ValidationError(_l("The deadline must not be in the past."))
        if field.data and self.start_on.data and field.data > self.start_on.data:
            raise ValidationError(_l("The deadline must come before the activity starts."))

    def validate_languages(self, field) -> None:
        codes = [row.code.data for row in field.entries if row.code.data]
        if len(codes) != len(set(codes)):
            # A plain string: a list's own errors are told from its rows' by their type.
            raise ValidationError(_("Each language once, please."))

    def language_levels(self) -> dict[str, str]:
        return {
            r.code.data: r.level.data or DEFAULT_MIN_LEVEL
            for r in self.languages.entries
            if r.code.data
        }


class InterestForm(FlaskForm):
    """An expert says they are interested, with a note for staff."""

    note = TextAreaField(
        _l("A note for the team (optional)"),
        validators=[Optional(), Length(max=2000)],
        filters=[strip],
        description=_l("Why you, what you would bring, your availability."),
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("I am interested"))


class WithdrawForm(FlaskForm):
    """Take one's interest back while the call is open."""

    submit = SubmitField(_l("Withdraw my interest"))


class CloseForm(FlaskForm):
    """Close a call: who was selected, and the message every interested expert receives."""

    selected = CheckboxListField(_l("Selected experts"), validators=[Optional()], coerce=int)
    outcome = TextAreaField(
        _l("Message to every expert who expressed interest"),
        validators=[DataRequired(), Length(max=4000)],
        filters=[strip],
        description=_l(
            "Sent by e-mail in each expert's language, with whether they were selected."
        ),
        render_kw={"rows": 4},
    )
    version = VersionField()
    submit = SubmitField(_l("Close the call and send the outcome"))


class ThresholdForm(FlaskForm):
    """How well a call must fit before the digest suggests it."""

    threshold = WholeNumberField(
        _l("Suggest new calls that fit me at least (percent)"),
        validators=[DataRequired(), NumberRange(min=1, max=100)],
        render_kw={"min": 1, "max": 100, "step": 1, "inputmode": "numeric"},
    )
    submit = SubmitField(_l("Save"))
