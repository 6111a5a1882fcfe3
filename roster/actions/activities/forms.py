"""Forms of Actions: create and edit, status change, documents, activities."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields import DateField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from roster.actions.fields import (
    CheckboxListField,
    country_options,
    end_not_before_start,
    language_options,
    partner_options,
    strip,
    theme_options,
)
from roster.actions.states import ActivityFormat, ActivityKind, DocumentKind
from roster.core.numbers import WholeNumberField
from roster.core.text import single_line
from roster.core.versions import VersionField


class ActionForm(FlaskForm):
    """Create or edit an Action's overview (its code is generated, its status has its own form)."""

    version = VersionField()
    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=200)], filters=[single_line, strip]
    )
    summary = TextAreaField(
        _l("Summary and objectives"),
        validators=[Optional(), Length(max=10000)],
        filters=[strip],
        render_kw={"rows": 6},
    )
    country_code = SelectField(_l("Country"), validators=[DataRequired()])
    partners = SelectMultipleField(
        _l("Partner institutions"),
        validators=[Optional()],
        description=_l("Hold Ctrl (or Cmd) to choose several."),
        render_kw={"size": 6},
    )
    themes = CheckboxListField(_l("Themes"), validators=[Optional()])
    languages = SelectMultipleField(
        _l("Working languages"),
        validators=[Optional()],
        description=_l("Hold Ctrl (or Cmd) to choose several."),
        render_kw={"size": 6},
    )
    start_on = DateField(_l("Start date"), validators=[Optional()])
    end_on = DateField(_l("End date"), validators=[Optional(), end_not_before_start])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country_code.choices = country_options(blank=str(_l("Choose a country")))
        self.partners.choices = partner_options()
        self.themes.choices = theme_options()
        self.languages.choices = language_options()


class StatusForm(FlaskForm):
    """Move an Action to one of the statuses its current status allows."""

    status = SelectField(_l("New status"), validators=[DataRequired()])
    on = DateField(
        _l("Date of the change"),
        validators=[Optional()],
        description=_l("Leave empty for today."),
    )
    note = TextAreaField(
        _l("Note"),
        validators=[Optional(), Length(max=2000)],
        filters=[strip],
        render_kw={"rows": 2},
    )
    submit = SubmitField(_l("Change status"))

    def validate_on(self, field) -> None:
        from datetime import date

        if field.data and field.data > date.today():
            raise ValidationError(_l("The date of the change cannot be in the future."))


class DocumentForm(FlaskForm):
    """Attach a PDF to an Action."""

    kind = SelectField(
        _l("Kind of document"), choices=DocumentKind.choices, validators=[DataRequired()]
    )
    title = StringField(
        _l("Title"), validators=[Optional(), Length(max=200)], filters=[single_line, strip]
    )
    file = FileField(
        _l("PDF file"),
        validators=[FileRequired(_l("Choose a PDF file."))],
        render_kw={"accept": "application/pdf,.pdf"},
    )
    submit = SubmitField(_l("Upload"))


class ActivityForm(FlaskForm):
    """Create or edit an activity of an Action."""

    version = VersionField()
    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=200)], filters=[single_line, strip]
    )
    kind = SelectField(_l("Kind"), choices=ActivityKind.choices, validators=[DataRequired()])
    format = SelectField(_l("Format"), choices=ActivityFormat.choices, validators=[DataRequired()])
    start_on = DateField(_l("Start date"), validators=[DataRequired()])
    end_on = DateField(_l("End date"), validators=[Optional(), end_not_before_start])
    place = StringField(
        _l("Place"),
        validators=[Optional(), Length(max=200)],
        filters=[strip],
        description=_l("City and venue, or the online platform."),
    )
    participants = WholeNumberField(
        _l("Participants"), validators=[Optional(), NumberRange(min=0, max=100000)]
    )
    notes = TextAreaField(
        _l("Notes and highlights"),
        validators=[Optional(), Length(max=10000)],
        filters=[strip],
        render_kw={"rows": 5},
    )
    submit = SubmitField(_l("Save"))
