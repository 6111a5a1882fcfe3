"""Forms of the toolkit: one per use case."""

import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from roster.core.numbers import WholeNumberField
from roster.core.text import single_line
from roster.core.versions import VersionField
from roster.extensions import db
from roster.toolkit.models import TAGS, Module
from roster.toolkit.textformat import FormatError, parse_quiz

RESERVED_SLUGS = {"manage", "reports", "certificates", "verify", "files"}  # toolkit pages
LANGUAGE_CHOICES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
TAG_LABELS = {
    "facilitation": _l("Facilitation"),
    "online-delivery": _l("Online delivery"),
    "assessment": _l("Assessment"),
    "peer-exchange": _l("Peer-to-peer exchange"),
    "reporting": _l("Reporting"),
}


def language_options() -> list[SelectChoice]:
    return [SelectChoice(code, name, render_kw={"lang": code}) for code, name in LANGUAGE_CHOICES]


def tag_label(tag: str) -> str:
    """A tag's name in the reader's language (themes fall back to their slug)."""
    return str(TAG_LABELS.get(tag, tag.replace("-", " ").capitalize()))


class ModuleSettingsForm(FlaskForm):
    """What a module is, whatever its language: used to edit."""

    tags = SelectMultipleField(
        _l("Tags"), choices=[SelectChoice(t, TAG_LABELS[t]) for t in TAGS], validators=[Optional()]
    )
    theme_slug = SelectField(_l("Theme"), validators=[Optional()])
    estimated_minutes = WholeNumberField(
        _l("Estimated time (minutes)"), validators=[DataRequired(), NumberRange(min=1, max=1440)]
    )
    pass_mark = WholeNumberField(
        _l("Pass mark (%)"),
        default=70,
        validators=[DataRequired(), NumberRange(min=1, max=100)],
        description=_l("Share of knowledge check questions to answer right."),
    )
    position = WholeNumberField(
        _l("Order in the catalog"), default=0, validators=[Optional(), NumberRange(0, 999)]
    )
    prerequisites = SelectMultipleField(_l("Prerequisites"), coerce=int, validators=[Optional()])
    version = VersionField()
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, module: Module | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        from roster.taxonomy.models import Theme

        self.module = module
        themes = db.session.scalars(sa.select(Theme).where(Theme.active)).all()
        self.theme_slug.choices = [SelectChoice("", _l("None"))] + [
            SelectChoice(t.slug, t.label) for t in themes
        ]
        others = db.session.scalars(sa.select(Module).order_by(Module.position, Module.slug))
        self.prerequisites.choices = [
            SelectChoice(m.id, m.title) for m in others if module is None or m.id != module.id
        ]


class ModuleCreateForm(ModuleSettingsForm):
    """A new module: its settings and its first language version."""

    page_order = (
        "slug",
        "language",
        "title",
        "summary",
        "tags",
        "theme_slug",
        "estimated_minutes",
        "pass_mark",
        "position",
        "prerequisites",
    )

    slug = StringField(
        _l("Short name in web addresses"),
        validators=[DataRequired(), Length(max=80)],
        description=_l("Lower-case letters, digits and dashes, e.g. online-facilitation."),
    )
    language = SelectField(_l("Language of the first version"), choices=language_options())
    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=200)], filters=[single_line]
    )
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Create the module"))

    def validate_slug(self, field):
        field.data = (field.data or "").strip().lower()
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", field.data):
            raise ValidationError(_l("Use lower-case letters, digits and single dashes."))
        if field.data in RESERVED_SLUGS:
            raise ValidationError(_l("This short name is reserved; choose another."))
        if db.session.scalar(sa.select(Module.id).filter_by(slug=field.data)):
            raise ValidationError(_l("Another module already uses this short name."))


class TranslationForm(FlaskForm):
    """A language version's title, summary and knowledge check."""

    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=200)], filters=[single_line]
    )
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=2000)])
    quiz = TextAreaField(
        _l("Knowledge check questions"),
        validators=[Optional(), Length(max=50000)],
        description=_l(
            "One question per '## ' line, then its choices as '- [x] right' or '- [ ] wrong', "
            "each followed by '> feedback'."
        ),
        render_kw={"rows": 16},
    )
    version = VersionField()
    submit = SubmitField(_l("Save"))

    def validate_quiz(self, field):
        try:
            self.parsed_quiz = parse_quiz(field.data or "")
        except FormatError as exc:
            where = _l("line %(n)s: ", n=exc.line) if exc.line else ""
            raise ValidationError(f"{where}{exc.message}") from exc


class NewTranslationForm(TranslationForm):
    """Add a language version to a module."""

    language = SelectField(_l("Language"), choices=language_options())
    submit = SubmitField(_l("Add this language version"))


class SectionForm(FlaskForm):
    """One section's title and Markdown content, with a preview before saving."""

    title = StringField(
        _l("Section title"), validators=[DataRequired(), Length(max=200)], filters=[single_line]
    )
    body_markdown = TextAreaField(
        _l("Content (Markdown)"),
        validators=[Optional(), Length(max=100000)],
        render_kw={"rows": 18, "spellcheck": "true"},
    )
    version = VersionField()
    preview = SubmitField(_l("Preview"))
    submit = SubmitField(_l("Save section"))


class AttachmentForm(FlaskForm):
    """Attach an image (PNG, JPEG, WebP) or a PDF to a module."""

    file = FileField(_l("Image or PDF"), validators=[FileRequired()])
    submit = SubmitField(_l("Upload"))


class ActionForm(FlaskForm):
    """A bare POST button (publish, retire, move, delete): only the CSRF token."""


class VerifyForm(FlaskForm):
    """The public check of a certificate code."""

    class Meta:
        csrf = False  # a GET search form with nothing to protect

    code = StringField(
        _l("Verification code"),
        validators=[DataRequired(), Length(max=30)],
        description=_l("As printed on the certificate, e.g. ABCD-EFGH-JKLM."),
    )


def check_form(translation):
    """A form with one radio group per question of the version's check."""

    class CheckForm(FlaskForm):
        submit = SubmitField(_l("Submit my answers"))

    for question in translation.questions:
        field = RadioField(
            question.text,
            choices=[SelectChoice(str(c.id), c.text) for c in question.choices],
            validators=[DataRequired(message=_l("Choose an answer."))],
        )
        setattr(CheckForm, f"q{question.id}", field)
    return CheckForm()
