"""The Actions and requests lists' filters: GET forms that check the query string."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField

from roster.actions.queries import ActionFilters, RequestFilters
from roster.actions.states import ActionStatus, RequestSource, RequestStatus
from roster.core.filter_forms import FilterForm, check, cut, strip
from roster.core.numbers import parse_int

YEARS = (2000, 2100)


def _year_field(label) -> StringField:
    return StringField(
        label,
        filters=[strip],
        validators=[
            check(
                lambda y: parse_int(y, *YEARS) is not None,
                _l("Give a year such as 2021."),
            )
        ],
    )


def _choice_field(label, values: set[str]) -> StringField:
    return StringField(
        label, filters=[strip], validators=[check(values.__contains__, _l("Unknown value."))]
    )


class ActionFilterForm(FilterForm):
    """Filter the Actions by text, status, region, country, theme and year."""

    q = StringField(_l("Code or title"), filters=[strip, cut(200)])
    status = _choice_field(_l("Status"), {s.value for s in ActionStatus})
    region = StringField(_l("Region"), filters=[strip, cut(64)])
    country = StringField(
        _l("Country code"),
        filters=[strip, str.upper],
        validators=[check(lambda c: len(c) == 2 and c.isalpha(), _l("Unknown country code."))],
    )
    theme = StringField(_l("Theme"), filters=[strip, cut(64)])
    year = _year_field(_l("Year"))

    def clean(self) -> ActionFilters:
        """Validate, then the filters with good values; a bad one is left out, its error kept."""
        self.validate()
        return ActionFilters(
            q=self.q.data,
            status="" if self.status.errors else self.status.data,
            region=self.region.data,
            country="" if self.country.errors else self.country.data,
            theme=self.theme.data,
            year=None if self.year.errors or not self.year.data else int(self.year.data),
        )


class RequestFilterForm(FilterForm):
    """Filter the partner requests by status, source and year received."""

    status = _choice_field(_l("Status"), {s.value for s in RequestStatus})
    source = _choice_field(_l("How it came in"), {s.value for s in RequestSource})
    year = _year_field(_l("Year received"))

    def clean(self) -> RequestFilters:
        """Validate, then the filters with good values; a bad one is left out, its error kept."""
        self.validate()
        return RequestFilters(
            status="" if self.status.errors else self.status.data,
            source="" if self.source.errors else self.source.data,
            year=None if self.year.errors or not self.year.data else int(self.year.data),
        )
