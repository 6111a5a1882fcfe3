"""The partner institution form."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField, TextAreaField, URLField
from wtforms.validators import URL, DataRequired, Length, Optional, ValidationError

from roster.actions.fields import country_options, options, strip
from roster.actions.models import InstitutionKind, PartnerInstitution
from roster.core.text import single_line
from roster.core.versions import VersionField
from roster.extensions import db

KIND_LABELS = {
    InstitutionKind.MINISTRY: _l("Ministry"),
    InstitutionKind.AGENCY: _l("Public agency"),
    InstitutionKind.REGIONAL_BODY: _l("Regional body"),
    InstitutionKind.OMBUDSPERSON: _l("Ombudsperson or human rights institution"),
    InstitutionKind.OTHER: _l("Other"),
}


class PartnerForm(FlaskForm):
    """Create or edit a partner institution."""

    name = StringField(
        _l("Name"), validators=[DataRequired(), Length(max=200)], filters=[single_line, strip]
    )
    acronym = StringField(
        _l("Acronym"), validators=[Optional(), Length(max=30)], filters=[single_line, strip]
    )
    country_code = SelectField(
        _l("Country"),
        validators=[DataRequired()],
        description=_l("For a regional body, the country of its seat."),
    )
    kind = SelectField(_l("Kind"), validators=[DataRequired()])
    contacts = TextAreaField(
        _l("Contacts"),
        validators=[Optional(), Length(max=4000)],
        filters=[strip],
        description=_l("Focal points: names, positions, e-mail addresses, phones."),
        render_kw={"rows": 4},
    )
    website = URLField(
        _l("Website"),
        validators=[
            Optional(),
            URL(message=_l("Enter a web address such as https://…")),
            Length(max=255),
        ],
        filters=[strip],
    )
    version = VersionField()
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, current_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_id = current_id  # the partner being edited, never taken from the form
        self.country_code.choices = country_options(blank=str(_l("Choose a country")))
        self.kind.choices = options((k.value, label) for k, label in KIND_LABELS.items())

    def validate_name(self, field) -> None:
        same = db.session.scalar(
            sa.select(PartnerInstitution.id).where(
                sa.func.lower(PartnerInstitution.name) == field.data.lower()
            )
        )
        if same is not None and same != self.current_id:
            raise ValidationError(_l("A partner institution with this name already exists."))
