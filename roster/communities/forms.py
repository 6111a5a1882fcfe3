"""The communities' forms: a community (staff), a thread, a reply, an edit, moderation."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    EmailField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from roster.communities.models import MemberRole
from roster.core.text import single_line
from roster.core.versions import VersionField

MAX_BODY = 20_000
MARKDOWN_HELP = _l(
    "Markdown: **bold**, *italic*, [a link](https://…), lists with “- ”. Mention a member "
    "with @ and their handle (see Members)."
)
# Languages a thread is written in: the facility's and its partners' usual ones.
THREAD_LANGUAGES = (
    SelectChoice("", _l("Not said")),
    SelectChoice("en", "English"),
    SelectChoice("fr", "Français"),
    SelectChoice("es", "Español"),
    SelectChoice("pt", "Português"),
)
ROLE_LABELS = {MemberRole.MEMBER: _l("Member"), MemberRole.MODERATOR: _l("Moderator")}


def strip(value):
    return value.strip() if isinstance(value, str) else value


def _name(label, required=False):
    validators = [DataRequired() if required else Optional(), Length(max=120)]
    return StringField(label, validators=validators, filters=[single_line, strip])


def _text(label, description=MARKDOWN_HELP, required=False, rows=6, max_=MAX_BODY):
    return TextAreaField(
        label,
        validators=[DataRequired() if required else Optional(), Length(max=max_)],
        description=description,
        render_kw={"rows": rows, "maxlength": max_},
    )


class CommunityForm(FlaskForm):
    """Create or edit a community (staff)."""

    name_en = _name(_l("Name in English"), required=True)
    name_fr = _name(_l("Name in French"))
    name_es = _name(_l("Name in Spanish"))
    description_en = _text(_l("Description in English"), rows=4)
    description_fr = _text(_l("Description in French"), rows=4)
    description_es = _text(_l("Description in Spanish"), rows=4)
    is_open = BooleanField(
        _l("Open to every expert"),
        description=_l("Closed communities are for their members only."),
    )
    version = VersionField()
    submit = SubmitField(_l("Save"))


class MemberForm(FlaskForm):
    """Add a person to a community, or change their role (staff)."""

    email = EmailField(
        _l("E-mail address of their account"),
        validators=[DataRequired(), Email(), Length(max=254)],
        filters=[strip],
    )
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()],
        default=MemberRole.MEMBER.value,
    )
    submit = SubmitField(_l("Add"))


class ThreadForm(FlaskForm):
    """Start a thread: its title, language, first post and files."""

    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=200)], filters=[single_line, strip]
    )
    language = SelectField(_l("Language of the thread"), choices=THREAD_LANGUAGES, default="")
    body = _text(_l("Message"), required=True, rows=8)
    files = MultipleFileField(
        _l("Attach files (PDF or images, optional)"),
        render_kw={"accept": "application/pdf,.pdf,image/png,image/jpeg,image/webp"},
    )
    submit = SubmitField(_l("Start the thread"))


class ReplyForm(FlaskForm):
    body = _text(_l("Your reply"), required=True)
    files = MultipleFileField(
        _l("Attach files (PDF or images, optional)"),
        render_kw={"accept": "application/pdf,.pdf,image/png,image/jpeg,image/webp"},
    )
    submit = SubmitField(_l("Reply"))


class EditPostForm(FlaskForm):
    body = _text(_l("Message"), required=True, rows=8)
    version = VersionField()
    submit = SubmitField(_l("Save"))


class ReportForm(FlaskForm):
    reason = TextAreaField(
        _l("What is wrong with this post?"),
        validators=[DataRequired(), Length(max=1000)],
        render_kw={"rows": 3, "maxlength": 1000},
    )
    submit = SubmitField(_l("Report to the moderators"))


class HideForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason (shown to the author)"),
        validators=[Optional(), Length(max=500)],
        render_kw={"rows": 2, "maxlength": 500},
    )
    submit = SubmitField(_l("Hide the post"))


class RemoveMemberForm(FlaskForm):
    reason = StringField(
        _l("Reason (kept in the audit log)"),
        validators=[Optional(), Length(max=300)],
        filters=[single_line, strip],
    )
    submit = SubmitField(_l("Remove"))


class ActionForm(FlaskForm):
    """A button that changes one thing (join, follow, lock, register): CSRF only."""

    submit = SubmitField(_l("Confirm"))
