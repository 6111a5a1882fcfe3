"""Forms of partner requests: the public one, the staff one, and the triage decisions."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields import DateField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from roster.actions.fields import (
    CheckboxListField,
    country_options,
    language_options,
    partner_options,
    strip,
    theme_options,
)
from roster.actions.states import RequestSource, SupportKind
from roster.core.text import single_line
from roster.core.versions import VersionField


class _RequestFields(FlaskForm):
    """What every request says: who asks, from where, for what."""

    contact_name = StringField(
        _l("Contact person"), validators=[Optional(), Length(max=200)], filters=[single_line, strip]
    )
    contact_position = StringField(
        _l("Position"), validators=[Optional(), Length(max=200)], filters=[strip]
    )
    contact_email = EmailField(
        _l("E-mail"),
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
        filters=[strip],
    )
    contact_phone = StringField(
        _l("Phone"), validators=[Optional(), Length(max=40)], filters=[strip]
    )
    country_code = SelectField(_l("Country"), validators=[DataRequired()])
    title = StringField(
        _l("Subject"), validators=[DataRequired(), Length(max=200)], filters=[single_line, strip]
    )
    text = TextAreaField(
        _l("What support do you need?"),
        validators=[DataRequired(), Length(min=30, max=10000)],
        filters=[strip],
        description=_l(
            "The challenge, the institutions involved, what you expect from EU experts "
            "and when (at least 30 characters)."
        ),
        render_kw={"rows": 8},
    )
    support_kind = SelectField(_l("Kind of support"), validators=[Optional()])
    themes = CheckboxListField(_l("Themes"), validators=[Optional()])
    languages = SelectMultipleField(
        _l("Working languages"),
        validators=[Optional()],
        description=_l("Hold Ctrl (or Cmd) to choose several."),
        render_kw={"size": 6},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country_code.choices = country_options(blank=str(_l("Choose a country")))
        self.support_kind.choices = [
            SelectChoice("", str(_l("Not sure yet"))),
            *SupportKind.choices(),
        ]
        self.themes.choices = theme_options()
        self.languages.choices = language_options()


class RequestSupportForm(_RequestFields):
    """The public form a partner institution fills in to ask for support."""

    # The page's order (the error summary follows it); inherited fields come first otherwise.
    page_order = (
        "institution_name",
        "country_code",
        "contact_name",
        "contact_position",
        "contact_email",
        "contact_phone",
        "title",
        "text",
        "support_kind",
        "themes",
        "languages",
        "consent",
    )

    institution_name = StringField(
        _l("Institution"),
        validators=[DataRequired(), Length(max=200)],
        filters=[single_line, strip],
    )
    # Named like a real field so that bots fill it; people never see it (see the template).
    website = StringField(_l("Leave this field empty"), validators=[Optional()])
    consent = BooleanField(
        _l("I agree that the facility stores these contact details to answer this request."),
        validators=[DataRequired(_l("Please agree so that we can answer you."))],
    )
    submit = SubmitField(_l("Send the request"))
    # A person asking must leave a way to be answered: the contact is required here.
    contact_name = StringField(
        _l("Contact person"),
        validators=[DataRequired(), Length(max=200)],
        filters=[single_line, strip],
    )
    contact_email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)],
        filters=[strip],
    )


class StaffRequestForm(_RequestFields):
    """Staff record a request that came in by e-mail, at a meeting or an awareness session."""

    page_order = (
        "partner_id",
        "institution_name",
        "country_code",
        "contact_name",
        "contact_position",
        "contact_email",
        "contact_phone",
        "source",
        "source_detail",
        "received_on",
        "title",
        "text",
        "support_kind",
        "themes",
        "languages",
    )

    version = VersionField()
    partner_id = SelectField(_l("Partner institution"), validators=[Optional()])
    institution_name = StringField(
        _l("Or institution (not yet a partner)"),
        validators=[Optional(), Length(max=200)],
        filters=[single_line, strip],
    )
    source = SelectField(
        _l("How it came in"), choices=RequestSource.choices, validators=[DataRequired()]
    )
    source_detail = StringField(
        _l("Details of the source"),
        validators=[Optional(), Length(max=200)],
        filters=[strip],
        description=_l("For example: Awareness session Central Asia, Feb 2021"),
    )
    received_on = DateField(_l("Received on"), validators=[DataRequired()], default=date.today)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner_id.choices = partner_options(blank=str(_l("Not a partner yet")))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # Checked here, not in validate_institution_name: Optional() would skip that one.
        if not self.institution_name.data and not self.partner_id.data:
            self.institution_name.errors = [
                *self.institution_name.errors,
                _l("Choose a partner institution or type the institution."),
            ]
            valid = False
        return valid

    def validate_received_on(self, field) -> None:
        if field.data and field.data > date.today():
            raise ValidationError(_l("The date of receipt cannot be in the future."))


class AssessForm(FlaskForm):
    """Start assessing a request (or reopen a declined one)."""

    submit = SubmitField(_l("Start the assessment"))


class AcceptForm(FlaskForm):
    """Accept a request: its Action is created from it."""

    title = StringField(
        _l("Title of the Action"),
        validators=[DataRequired(), Length(max=200)],
        filters=[single_line, strip],
    )
    submit = SubmitField(_l("Accept and create the Action"))


class DeclineForm(FlaskForm):
    """Decline a request, saying why."""

    reason = TextAreaField(
        _l("Reason for declining"),
        validators=[DataRequired(_l("Give the reason for declining.")), Length(max=4000)],
        filters=[strip],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Decline"))
