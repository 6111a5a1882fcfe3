"""The profile's step forms, one per step; repeating rows are FieldLists of small row forms."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    EmailField,
    Form,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields import DateField, FieldList, FormField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired, Length, NumberRange, Optional, ValidationError

from matching import DEPTHS, LEVELS
from roster.core.numbers import WholeNumberField
from roster.core.text import single_line
from roster.core.versions import VersionField
from roster.experts.models import Depth, EmployerType
from roster.experts.profile import EMPLOYER_TYPE_LABELS
from roster.extensions import db
from roster.i18n import DEPTH_LABELS, LEVEL_LABELS, country_choices, language_choices
from roster.taxonomy.models import Theme

BLANK_ROWS = 3


def options(pairs) -> list[SelectChoice]:
    """Select choices from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


BLANK = ("", "—")
NOT_ON_MODEL = {"version", "save", "add_row", "csrf_token"}


class StepForm(FlaskForm):
    """A step of the profile: carries the version it was read at, for optimistic locking."""

    version = VersionField()
    save = SubmitField(_l("Save and continue"))

    def populate_obj(self, obj) -> None:
        """Copy the profile's fields onto obj, leaving the form's own machinery out."""
        for name, field in self._fields.items():
            if name not in NOT_ON_MODEL:
                field.populate_obj(obj, name)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class AboutForm(StepForm):
    first_name = StringField(
        _l("First name"),
        validators=[InputRequired(), Length(max=100)],
        filters=[single_line, _strip],
    )
    last_name = StringField(
        _l("Last name"),
        validators=[InputRequired(), Length(max=100)],
        filters=[single_line, _strip],
    )
    email = EmailField(
        _l("Contact e-mail"),
        validators=[InputRequired(), Email(check_deliverability=False), Length(max=254)],
        filters=[_strip],
    )
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)], filters=[_strip])
    nationality = SelectField(_l("Nationality"), validators=[Optional()])
    employer = StringField(
        _l("Employer"), validators=[Optional(), Length(max=200)], filters=[_strip]
    )
    employer_type = SelectField(
        _l("Type of employer"),
        choices=options([BLANK, *EMPLOYER_TYPE_LABELS.items()]),
        validators=[Optional()],
    )
    position = StringField(
        _l("Position"), validators=[Optional(), Length(max=200)], filters=[_strip]
    )
    years_experience = WholeNumberField(
        _l("Years of professional experience"),
        validators=[Optional(), NumberRange(min=0, max=70, message=_l("Enter 0 to 70 years."))],
    )
    biography = TextAreaField(
        _l("Biography"),
        description=_l("A few paragraphs on your experience; staff read it when they match."),
        validators=[Optional(), Length(max=5000)],
        filters=[_strip],
        render_kw={"rows": 8},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.nationality.choices = options([BLANK, *country_choices()])

    def populate_obj(self, obj) -> None:
        super().populate_obj(obj)
        # Optional fields left blank are stored as NULL, not as empty strings.
        for name in ("phone", "nationality", "employer", "employer_type", "position", "biography"):
            if not getattr(obj, name):
                setattr(obj, name, None)
        if obj.employer_type:
            obj.employer_type = EmployerType(obj.employer_type)


class ThemeRow(Form):
    theme = SelectField(_l("Theme"), validators=[Optional()])
    depth = SelectField(
        _l("Depth of expertise"),
        choices=options((d, DEPTH_LABELS[d]) for d in DEPTHS),
        default=Depth.WORKING.value,
    )
    remove = BooleanField(_l("Remove"))


class LanguageRow(Form):
    code = SelectField(_l("Language"), validators=[Optional()])
    level = SelectField(
        _l("Level"), choices=options((lv, LEVEL_LABELS[lv]) for lv in LEVELS), default="B2"
    )
    remove = BooleanField(_l("Remove"))


class CountryRow(Form):
    code = SelectField(_l("Country"), validators=[Optional()])
    remove = BooleanField(_l("Remove"))


class PeriodRow(Form):
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=200)], filters=[_strip])
    remove = BooleanField(_l("Remove"))

    def validate_end(self, field):
        if self.start.data and field.data and field.data < self.start.data:
            raise ValidationError(_l("The end must not be before the start."))
        if bool(self.start.data) != bool(field.data) and not self.remove.data:
            raise ValidationError(_l("Give both the start and the end of the period."))

    def validate_note(self, field):
        # A row without dates is not kept: say so rather than drop the note silently.
        if field.data and not (self.start.data or self.end.data) and not self.remove.data:
            raise ValidationError(_l("Give the start and the end of the period for this note."))


def kept(entries, key: str) -> list:
    """The rows that are filled in and not marked for removal."""
    return [e.form for e in entries if not e.form.remove.data and getattr(e.form, key).data]


def _reject_duplicates(field, key: str, message) -> None:
    seen = set()
    duplicate = False
    for row in kept(field.entries, key):
        value = getattr(row, key).data
        if value in seen:
            getattr(row, key).errors.append(message)
            duplicate = True
        seen.add(value)
    if duplicate:
        raise ValidationError(message)


class RowsForm(StepForm):
    """A step of repeating rows; "Add another" shows one more empty row."""

    rows_name = ""
    select_name = ""  # the row's select whose choices come from the database or CLDR
    add_row = SubmitField(_l("Add another"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._choices = self.choices() if self.select_name else None
        self.apply_choices()

    def choices(self) -> list[SelectChoice]:
        return []

    @property
    def rows(self) -> FieldList:
        return self[self.rows_name]

    def apply_choices(self) -> None:
        if self._choices is not None:
            for entry in self.rows.entries:
                entry.form[self.select_name].choices = self._choices

    def add_blank_row(self) -> None:
        self.rows.append_entry()
        self.apply_choices()


class ThemesForm(RowsForm):
    rows_name, select_name = "themes", "theme"
    themes = FieldList(FormField(ThemeRow), min_entries=1, max_entries=60)

    def choices(self):
        active = db.session.scalars(sa.select(Theme).where(Theme.active)).all()
        return options([BLANK, *sorted(((str(t.id), t.label) for t in active), key=lambda c: c[1])])

    def validate_themes(self, field):
        _reject_duplicates(field, "theme", _l("Each theme may be chosen only once."))


class LanguagesForm(RowsForm):
    rows_name, select_name = "languages", "code"
    languages = FieldList(FormField(LanguageRow), min_entries=1, max_entries=40)

    def choices(self):
        return options([BLANK, *language_choices()])

    def validate_languages(self, field):
        _reject_duplicates(field, "code", _l("Each language may be listed only once."))


class CountriesForm(RowsForm):
    rows_name, select_name = "countries", "code"
    countries = FieldList(FormField(CountryRow), min_entries=1, max_entries=200)

    def choices(self):
        return options([BLANK, *country_choices()])

    def validate_countries(self, field):
        _reject_duplicates(field, "code", _l("Each country may be listed only once."))


class AvailabilityForm(RowsForm):
    rows_name = "periods"
    days_per_year = WholeNumberField(
        _l("Days a year you could work for the facility"),
        validators=[Optional(), NumberRange(min=0, max=366, message=_l("Enter 0 to 366 days."))],
    )
    periods = FieldList(FormField(PeriodRow), min_entries=1, max_entries=100)


class CvForm(StepForm):
    cv = FileField(_l("CV (PDF)"), render_kw={"accept": "application/pdf,.pdf"})
    save = SubmitField(_l("Upload and continue"))


class DeleteCvForm(FlaskForm):
    delete = SubmitField(_l("Delete my CV"))


class ConsentForm(StepForm):
    consent = BooleanField(
        _l(
            "I consent to the processing of my personal data to match me with requests "
            "for expertise, as described in the privacy notice."
        )
    )
    save = SubmitField(_l("Save"))
    submit_application = SubmitField(_l("Submit my application"))


def with_blank_rows(rows: list[dict], blank: dict) -> list[dict]:
    """The existing rows followed by a few empty ones to fill in."""
    return rows + [dict(blank) for _ in range(BLANK_ROWS)]
