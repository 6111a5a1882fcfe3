"""Staff forms: the roster's filters, vetting decisions, status, CSV import, erasure."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from roster.experts.forms import BLANK, options
from roster.experts.models import LEVELS, Status
from roster.experts.profile import STATUS_LABELS
from roster.extensions import db
from roster.i18n import LEVEL_LABELS, country_choices, language_choices
from roster.taxonomy.models import Region, Theme

SORT_LABELS = {
    "name": _l("Name"),
    "-joined": _l("Joined, newest first"),
    "joined": _l("Joined, oldest first"),
    "-experience": _l("Most experienced first"),
    "-updated": _l("Recently updated"),
}


class RosterFilterForm(FlaskForm):
    """The roster's filters (a GET form: its values are read by filters_from_args)."""

    class Meta:
        csrf = False

    q = StringField(_l("Search names, biographies and CVs"))
    theme = SelectMultipleField(_l("Themes (all of)"))
    language = SelectField(_l("Language"))
    min_level = SelectField(
        _l("Minimum level"), choices=options([BLANK, *((lv, LEVEL_LABELS[lv]) for lv in LEVELS)])
    )
    country = SelectField(_l("Country of experience"))
    region = SelectField(_l("Region of experience"))
    status = SelectField(
        _l("Status"), choices=options([("", _l("Any status")), *STATUS_LABELS.items()])
    )
    available_from = StringField(_l("Available from"), render_kw={"type": "date"})
    available_to = StringField(_l("Available until"), render_kw={"type": "date"})
    joined_year = StringField(_l("Joined in year"), render_kw={"inputmode": "numeric"})
    sort = SelectField(_l("Sort by"), choices=options(SORT_LABELS.items()))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = db.session.scalars(sa.select(Theme).order_by(Theme.slug)).all()
        self.theme.choices = options(
            sorted(((t.slug, t.label) for t in themes), key=lambda c: c[1])
        )
        regions = db.session.scalars(sa.select(Region).order_by(Region.slug)).all()
        self.region.choices = options([BLANK, *((r.slug, r.label) for r in regions)])
        self.language.choices = options([BLANK, *language_choices()])
        self.country.choices = options([BLANK, *country_choices()])

    def check_known(self, filters) -> None:
        """Say so when a theme or region in the link no longer exists, rather than show nothing."""
        slugs = {c.value for c in self.theme.choices}
        if any(slug not in slugs for slug in filters.themes):
            self.theme.errors = [str(_l("Unknown theme."))]
        regions = {c.value for c in self.region.choices}
        if filters.region and filters.region not in regions:
            self.region.errors = [str(_l("Unknown region."))]

    def show_errors(self, errors: dict) -> None:
        """Put the parser's messages next to the fields they concern."""
        for name, message in errors.items():
            if name in self:
                self[name].errors = [str(message)]


class VetForm(FlaskForm):
    decision = RadioField(
        _l("Decision"),
        choices=options([("approve", _l("Approve")), ("reject", _l("Reject"))]),
        validators=[InputRequired(message=_l("Choose approve or reject."))],
    )
    note = TextAreaField(
        _l("Note to keep with the decision"),
        description=_l("Required when rejecting; the expert receives it."),
        validators=[Length(max=2000)],
        render_kw={"rows": 3},
    )
    version = HiddenField()
    submit = SubmitField(_l("Record the decision"))

    def validate_note(self, field):
        if self.decision.data == "reject" and not (field.data or "").strip():
            raise ValidationError(_l("Say why the application is rejected."))


class StatusForm(FlaskForm):
    status = SelectField(
        _l("Set status"),
        choices=options(
            [(Status.INACTIVE.value, _l("Inactive")), (Status.APPROVED.value, _l("Approved"))]
        ),
    )
    note = StringField(_l("Note"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Change status"))


class ImportForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        validators=[FileRequired(message=_l("Choose a CSV file to import."))],
        render_kw={"accept": ".csv,text/csv"},
    )
    submit = SubmitField(_l("Import"))


class ErasureRequestForm(FlaskForm):
    confirm = BooleanField(
        _l("I understand that my profile, my CV and my data will be erased for good."),
        validators=[InputRequired(message=_l("Tick the box to confirm."))],
    )
    submit = SubmitField(_l("Ask for erasure"))


class CancelErasureForm(FlaskForm):
    cancel = SubmitField(_l("Withdraw my request"))


class ConfirmErasureForm(FlaskForm):
    submit = SubmitField(_l("Erase now"))
