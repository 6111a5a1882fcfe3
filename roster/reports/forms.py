"""The reports' GET forms: the year to show, and the coverage's window and threshold."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from roster.core.filter_forms import FilterForm
from roster.core.numbers import WholeNumberField, parse_int
from roster.reports.coverage import DEFAULT_THRESHOLD
from roster.reports.years import FIRST_YEAR, LAST_YEAR


def _year(value) -> int | None:
    """A year's digits as a number; no year asked for is None, anything else a ValueError."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    year = parse_int(text)
    if year is None:
        raise ValueError(text)
    return year


class YearForm(FilterForm):
    """Pick the year a report covers (?year=); an empty choice means the latest year."""

    year = SelectField(
        _l("Year"),
        coerce=_year,
        validate_choice=False,  # any year of the reports' range, with data or not
        validators=[Optional(), NumberRange(FIRST_YEAR, LAST_YEAR)],
    )

    def offer(self, years: list[int], selected: int) -> "YearForm":
        """Offer the years with data (and the one shown), with the one shown selected."""
        choices = sorted(set(years) | {selected}, reverse=True)
        self.year.choices = [(y, str(y)) for y in choices]
        self.year.data = selected
        return self


class CoverageForm(FilterForm):
    """The window experts must be available in, and below how many experts a cell is a gap."""

    available_from = DateField(_l("Available from"), validators=[Optional()])
    available_to = DateField(_l("Available until"), validators=[Optional()])
    threshold = WholeNumberField(
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
