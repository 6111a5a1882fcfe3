"""The roster's filters: one GET form for the staff page and its CSV export."""

from dataclasses import dataclass, field, fields
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SelectMultipleField, StringField
from wtforms.validators import ValidationError

from matching import LEVELS
from roster.core.filter_forms import FilterForm, check, cut, strip
from roster.core.numbers import parse_int
from roster.core.widgets import CachedSelect, FastLabel, FastTextInput
from roster.experts.forms import BLANK, options
from roster.experts.models import Status
from roster.experts.profile import STATUS_LABELS
from roster.experts.search_terms import parse_query
from roster.experts.vocabulary import SORT_LABELS, Vocabulary, vocabulary
from roster.i18n import LEVEL_LABELS

YEARS = (1900, 2200)
SEARCH_HELP_ERROR = _l(
    'Nothing to search for: type words, or a "phrase in quotes" (punctuation alone is ignored).'
)


@dataclass
class RosterFilters:
    q: str = ""
    themes: list[str] = field(default_factory=list)  # theme slugs; an expert must have all
    language: str = ""  # ISO 639 code
    min_level: str = ""  # A1..C2 or native; only with language
    country: str = ""  # ISO 3166 alpha-2, experience in that country
    region: str = ""  # region slug, experience in a country of that region
    status: str = ""  # one of Status; empty means every status but erased
    available_from: date | None = None
    available_to: date | None = None
    joined_year: int | None = None
    sort: str = "relevance"  # best match with search words, else by name

    def active(self) -> dict:
        """The filters that are set, for links and the CSV export."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def _themes(values) -> list[str]:
    return [s.strip() for s in values or () if s and s.strip()][:20]


def _level(value) -> str:
    text = strip(value)
    return "native" if text.lower() == "native" else text.upper()


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class RosterFilterForm(FilterForm):
    """The roster's filters, as the staff page's query string names them."""

    q = StringField(
        _l("Search names, biographies and CVs"),
        widget=FastTextInput(),
        filters=[strip, cut(200)],
        validators=[check(parse_query, SEARCH_HELP_ERROR)],
        render_kw={"type": "search"},
    )
    theme = SelectMultipleField(
        _l("Themes (all of)"),
        validate_choice=False,
        filters=[_themes],
        widget=CachedSelect(multiple=True),
    )
    language = SelectField(
        _l("Language"),
        validate_choice=False,
        widget=CachedSelect(),
        filters=[strip, str.lower],
        validators=[
            check(lambda c: len(c) in (2, 3) and c.isalpha(), _l("Unknown language code."))
        ],
    )
    min_level = SelectField(
        _l("Minimum level"),
        widget=CachedSelect(),
        choices=options([BLANK, *((lv, LEVEL_LABELS[lv]) for lv in LEVELS)]),
        validate_choice=False,
        filters=[_level],
        validators=[check(LEVELS.__contains__, _l("Choose a level from A1 to C2, or native."))],
    )
    country = SelectField(
        _l("Country of experience"),
        validate_choice=False,
        widget=CachedSelect(),
        filters=[strip, str.upper],
        validators=[check(lambda c: len(c) == 2 and c.isalpha(), _l("Unknown country code."))],
    )
    region = SelectField(
        _l("Region of experience"),
        widget=CachedSelect(),
        validate_choice=False,
        filters=[strip, cut(64)],
    )
    status = SelectField(
        _l("Status"),
        widget=CachedSelect(),
        choices=options([("", _l("Any status")), *STATUS_LABELS.items()]),
        validate_choice=False,
        filters=[strip, str.lower],
        validators=[check({s.value for s in Status}.__contains__, _l("Unknown status."))],
    )
    available_from = StringField(
        _l("Available from"),
        widget=FastTextInput(),
        filters=[strip],
        validators=[check(_date, _l("Enter a date as YYYY-MM-DD."))],
        render_kw={"type": "date"},
    )
    available_to = StringField(
        _l("Available until"),
        widget=FastTextInput(),
        filters=[strip],
        validators=[check(_date, _l("Enter a date as YYYY-MM-DD."))],
        render_kw={"type": "date"},
    )
    joined_year = StringField(
        _l("Joined in year"),
        widget=FastTextInput(),
        filters=[strip],
        validators=[
            check(
                lambda y: parse_int(y, *YEARS) is not None,
                _l("Enter a year such as 2021."),
            )
        ],
        render_kw={"inputmode": "numeric"},
    )
    sort = SelectField(
        _l("Sort by"),
        widget=CachedSelect(),
        choices=options(SORT_LABELS.items()),
        validate_choice=False,
        filters=[strip],
        validators=[check(SORT_LABELS.__contains__, _l("Unknown sort order."))],
    )

    def validate_available_to(self, field) -> None:
        start, end = _date(self.available_from.data), _date(field.data)
        if start and end and start > end:
            raise ValidationError(_l("The end of the window must not be before its start."))

    def with_choices(self, lists: Vocabulary | None = None) -> "RosterFilterForm":
        """Offer the lists in the reader's language, made once (the page needs them, the API
        not): themes, regions, languages, countries, statuses, levels and sort orders."""
        lists = lists or vocabulary()
        self.theme.choices = lists.themes
        self.region.choices = lists.regions
        self.language.choices = lists.languages
        self.country.choices = lists.countries
        self.status.choices = lists.statuses
        self.min_level.choices = lists.levels
        self.sort.choices = lists.sorts
        for f in self:  # the page renders the labels too
            f.label = FastLabel(f.id, f.label.text)
        return self

    def clean(self) -> RosterFilters:
        """Validate, then the filters with good values; a bad one is left out, its error kept."""
        self.validate()

        def good(f) -> str:
            return "" if f.errors else f.data

        return RosterFilters(
            q=good(self.q),
            themes=list(self.theme.data),
            language=good(self.language),
            min_level=good(self.min_level),
            country=good(self.country),
            region=self.region.data,
            status=good(self.status),
            available_from=_date(good(self.available_from)),
            available_to=_date(good(self.available_to)),
            joined_year=parse_int(good(self.joined_year), *YEARS),
            sort=good(self.sort) or "relevance",
        )

    def check_known(self, filters: RosterFilters) -> None:
        """Say so when a theme or region in the link no longer exists, rather than show nothing."""
        if any(slug not in self.theme.choices.values for slug in filters.themes):
            self.theme.errors = [str(_l("Unknown theme."))]
        if filters.region and filters.region not in self.region.choices.values:
            self.region.errors = [str(_l("Unknown region."))]


def filters_from_args(args) -> tuple[RosterFilters, dict[str, str]]:
    """The filters of a roster link (`theme` may repeat) and the bad ones' errors by name."""
    form = RosterFilterForm(formdata=args)
    filters = form.clean()
    return filters, form.messages()
