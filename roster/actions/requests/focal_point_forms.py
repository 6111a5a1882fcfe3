"""Staff invite a partner institution's focal point (their name, address and the mail's
language), and erase one's personal data."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired, Length, ValidationError

from roster.actions.fields import strip
from roster.auth.services import find_user

LANGUAGES = (("en", "English"), ("fr", "Français"), ("es", "Español"))


class FocalPointForm(FlaskForm):
    """Open a partner account for a focal point; they choose their password from the mail."""

    name = StringField(
        _l("Full name of the focal point"),
        filters=[strip],
        validators=[
            InputRequired(_l("Enter the focal point's name.")),
            Length(max=200, message=_l("Keep the name under 200 characters.")),
        ],
        description=_l("Their posts in the communities are signed with it and the institution."),
        render_kw={"autocomplete": "off"},
    )
    email = EmailField(
        _l("E-mail address of the focal point"),
        filters=[strip],
        validators=[
            InputRequired(_l("Enter the focal point's e-mail address.")),
            Email(_l("Enter a valid e-mail address."), check_deliverability=False),
            Length(max=254),
        ],
        render_kw={"autocomplete": "off"},
    )
    locale = SelectField(
        _l("Language of the invitation"),
        choices=[SelectChoice(code, name, render_kw={"lang": code}) for code, name in LANGUAGES],
        default="en",
    )
    submit = SubmitField(_l("Invite"))

    def validate_email(self, field) -> None:
        if find_user(field.data) is not None:
            raise ValidationError(_l("An account already uses this address."))


class EraseFocalPointForm(FlaskForm):
    """Erase a focal point's personal data: at their request made here, or one they sent the
    data-protection contact (then staff tick that they did)."""

    asked = BooleanField(_l("The person asked for the erasure of their data"))
    submit = SubmitField(_l("Erase now"))
