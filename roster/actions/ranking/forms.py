"""The "find experts" page's GET form: hard requirements, weights and "why not"."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Form,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields import DateField, FieldList, FormField
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from matching import CRITERIA, DEFAULT_MIN_LEVEL, DEFAULT_WEIGHTS, LEVELS
from roster.actions.fields import (
    CheckboxListField,
    language_options,
    options,
    strip,
    theme_options,
)
from roster.actions.ranking.reasons import criterion_label
from roster.actions.ranking.service import Query
from roster.core.numbers import WholeNumberField

MAX_LANGUAGES = 8
PAGE = 20
MAX_SHOWN = 200


class LanguageRow(Form):
    """A language asked for, with the lowest level that counts."""

    code = SelectField(_l("Language"), validators=[Optional()])
    level = SelectField(_l("Minimum level"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.code.choices = options([("", "—")]) + language_options()
        # Short labels: the column is narrow (the codes are CEFR's own).
        self.level.choices = options(
            [(lv, _l("Native") if lv == "native" else lv) for lv in LEVELS]
        )


class WeightsForm(Form):
    """How much each criterion counts, 0 to 100 (the scores use their shares)."""


for _criterion in CRITERIA:
    setattr(
        WeightsForm,
        _criterion,
        WholeNumberField(
            criterion_label(_criterion),
            validators=[Optional(), NumberRange(min=0, max=100)],
            default=round(100 * DEFAULT_WEIGHTS[_criterion]),
            render_kw={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"},
        ),
    )


class FindExpertsForm(FlaskForm):
    """Requirements and weights of a search for experts; sent with GET, so no CSRF token."""

    class Meta:
        csrf = False

    run = HiddenField(default="1")
    text = TextAreaField(
        _l("What the partner needs"),
        validators=[Optional(), Length(max=10000)],
        filters=[strip],
        description=_l("Compared with the experts' biographies, CVs and past assignments."),
        render_kw={"rows": 4},
    )
    themes = CheckboxListField(_l("Themes"), validators=[Optional()])
    languages = FieldList(FormField(LanguageRow), min_entries=1, max_entries=MAX_LANGUAGES)
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])
    partial = BooleanField(
        _l("Allow partial overlap"),
        description=_l("Keep experts who are free on at least half of the days."),
    )
    exclude_nationals = BooleanField(_l("Exclude nationals of the partner country"))
    weights = FormField(WeightsForm)
    interest_weight = WholeNumberField(
        _l("Interest in an open call"),
        validators=[Optional(), NumberRange(min=0, max=100)],
        default=0,
        description=_l("Experts who said they are interested move up by this much."),
        render_kw={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"},
    )
    why = StringField(
        _l("Why not this expert?"),
        validators=[Optional(), Length(max=100)],
        filters=[strip],
        description=_l("Type a name to see where they stand, or which requirement they miss."),
    )
    k = WholeNumberField(
        _l("How many experts to show"),
        validators=[Optional(), NumberRange(min=1, max=MAX_SHOWN)],
        default=PAGE,
    )
    submit = SubmitField(_l("Find experts"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes.choices = theme_options()

    def validate_end(self, field) -> None:
        if field.data and not self.start.data:
            raise ValidationError(_l("Give a start date too."))
        if field.data and field.data < self.start.data:
            raise ValidationError(_l("The end date must not be before the start date."))

    def validate_languages(self, field) -> None:
        codes = [row.code.data for row in field.entries if row.code.data]
        if len(codes) != len(set(codes)):
            raise ValidationError(_l("Each language once, please."))

    def validate(self, extra_validators=None) -> bool:
        # A FormField takes no inline validator: the all-zero check runs here.
        ok = super().validate(extra_validators)
        if ok and not any(share > 0 for share in self.weight_shares().values()):
            first = self.weights.form[CRITERIA[0]]
            first.errors = [*first.errors, _l("At least one weight must be above zero.")]
            return False
        return ok

    def query(self, country: str | None) -> Query:
        """The search these fields describe (call after validate)."""
        return Query(
            text=self.text.data or "",
            themes=list(self.themes.data or []),
            languages={r.code.data: r.level.data for r in self.languages.entries if r.code.data},
            country=country,
            start=self.start.data,
            end=self.end.data or self.start.data,
            partial=bool(self.partial.data),
            exclude_nationals=bool(self.exclude_nationals.data),
            weights=self.weight_shares(),
        )

    def weights_set(self, defaults: dict[str, float]) -> bool:
        """Whether a weight differs from the page's defaults (so the panel stays open)."""
        return any(
            self.weights.form[c].data is not None
            and self.weights.form[c].data != round(100 * defaults.get(c, DEFAULT_WEIGHTS[c]))
            for c in CRITERIA
        )

    def weight_shares(self) -> dict[str, float]:
        """Each criterion's weight over 100; an emptied box counts as its default."""
        out = {}
        for c in CRITERIA:
            value = self.weights.form[c].data
            out[c] = value / 100 if value is not None else DEFAULT_WEIGHTS[c]
        return out


def defaults(query: Query) -> dict:
    """Initial form data for an Action's default request."""
    weights = {c: round(100 * query.weights.get(c, DEFAULT_WEIGHTS[c])) for c in CRITERIA}
    rows = [{"code": code, "level": level} for code, level in query.languages.items()]
    return {
        "run": "1",
        "text": query.text,
        "themes": list(query.themes),
        "languages": [*rows, {"code": "", "level": DEFAULT_MIN_LEVEL}],
        "start": query.start,
        "end": query.end,
        "partial": query.partial,
        "exclude_nationals": query.exclude_nationals,
        "weights": weights,
        "k": PAGE,
    }


def as_args(form, skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The form's current values as GET parameters (for "show more", reset and links)."""
    out: dict[str, list[str]] = {}
    for f in form:
        if f.type in ("SubmitField", "CSRFTokenField") or f.name.startswith(skip):
            continue
        if f.type == "FormField":
            out.update(as_args(f.form, skip))
        elif f.type == "FieldList":
            for entry in f.entries:
                out.update(as_args(entry.form, skip))
        elif f.type == "BooleanField":
            if f.data:
                out[f.name] = ["y"]
        elif f.type in ("SelectMultipleField", "CheckboxListField"):
            out[f.name] = [str(v) for v in f.data or []]
        elif f.type == "DateField":
            if f.data:
                out[f.name] = [f.data.isoformat()]
        elif f.data not in (None, ""):
            out[f.name] = [str(f.data)]
    return out


def error_list(form) -> list[tuple[str, str, str]]:
    """Every error of the form, nested rows included, as (field id, label, message)."""
    out = []
    for f in form:
        if f.type == "FormField":
            out += error_list(f.form)
        elif f.type == "FieldList":
            for entry in f.entries:
                out += error_list(entry.form)
            out += [(f.id, str(f.label.text), str(e)) for e in f.errors if isinstance(e, str)]
        else:
            label = str(f.label.text)
            if f.id.startswith("weights-"):
                label = str(_l("Weight of %(criterion)s", criterion=label))
            out += [(f.id, label, str(e)) for e in f.errors]
    return out
