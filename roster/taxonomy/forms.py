"""Forms of the taxonomy pages: a theme, a region, the countries' regions."""

import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from roster.core.text import single_line
from roster.core.versions import VersionField
from roster.extensions import db
from roster.taxonomy.models import Region, Theme

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class _LabelledForm(FlaskForm):
    """A slug and a label in each interface language, all required."""

    model: type = Theme
    page_order = ("label_en", "label_fr", "label_es", "slug")  # the page asks for labels first

    slug = StringField(
        _l("Short name (slug)"),
        filters=[_strip],
        validators=[DataRequired(), Length(min=2, max=64)],
        description=_l(
            "Lowercase letters, digits and hyphens, e.g. labour-migration. Used in links, "
            "filters, the API and CSV imports."
        ),
    )
    label_en = StringField(
        _l("Label in English"),
        filters=[single_line, _strip],
        validators=[DataRequired(), Length(max=120)],
    )
    label_fr = StringField(
        _l("Label in French"),
        filters=[single_line, _strip],
        validators=[DataRequired(), Length(max=120)],
    )
    label_es = StringField(
        _l("Label in Spanish"),
        filters=[single_line, _strip],
        validators=[DataRequired(), Length(max=120)],
    )
    version = VersionField()  # the record's version when the form was filled (0: a new one)

    def __init__(self, *args, current_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_id = current_id

    def validate_slug(self, field) -> None:
        if not SLUG.match(field.data or ""):
            raise ValidationError(
                _l("Use lowercase letters, digits and single hyphens between words.")
            )
        model = self.model
        query = sa.select(model.id).where(model.slug == field.data)
        if self.current_id is not None:
            query = query.where(model.id != self.current_id)
        if db.session.scalar(query) is not None:
            raise ValidationError(_l("This short name is already used."))


class ThemeForm(_LabelledForm):
    """Create a theme or change its labels and slug."""

    model = Theme


class RegionForm(_LabelledForm):
    """Create a region or change its labels and slug."""

    model = Region


class CountryRowForm(Form):
    code = HiddenField()
    version = VersionField()
    region = SelectField(_l("Region"), validators=[Optional()], coerce=str, validate_choice=True)


class CountryRegionsForm(FlaskForm):
    """Place the listed countries in regions (or in none)."""

    rows = FieldList(FormField(CountryRowForm))

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        for row in self.rows:
            row.form.region.choices = choices


class CountryFilterForm(Form):
    """Narrow the list of countries by name and region (GET, no CSRF)."""

    q = StringField(_l("Country name or code"), filters=[_strip], validators=[Optional()])
    region = SelectField(_l("Region"), validators=[Optional()], coerce=str)
