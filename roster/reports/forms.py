"""The reports' GET forms: the year to show, and the coverage's window and threshold."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from roster.reports.coverage import DEFAULT_THRESHOLD


class YearForm(FlaskForm):
    """Pick the year a report covers."""

    class Meta:
        csrf = False

    year = SelectField(_l("Year"), coerce=int)

    def __init__(self, years: list[int], selected: int, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = sorted(set(years) | {selected}, reverse=True)
        self.year.choices = [(y, str(y)) for y in choices]
        self.year.data = selected


class CoverageForm(FlaskForm):
    """The window experts must be available in, and below how many experts a cell is a gap."""

    class Meta:
        csrf = False

    available_from = DateField(_l("Available from"), validators=[Optional()])
    available_to = DateField(_l("Available until"), validators=[Optional()])
    threshold = IntegerField(
        _l("Gap below"),
        default=DEFAULT_THRESHOLD,
        validators=[
            Optional(),
            NumberRange(1, 50, message=_l("Give a number of experts from 1 to 50.")),
        ],
        description=_l("A cell with fewer available experts than this is marked as a gap."),
        render_kw={"inputmode": "numeric", "min": 1, "max": 50},
    )

    def validate_available_to(self, field):
        if field.data and self.available_from.data and field.data < self.available_from.data:
            raise ValidationError(_l("The end of the window must not be before its start."))
