"""The event form: date and times in a time zone, format, place or link, materials after."""

from datetime import date, time, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, SubmitField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp, ValidationError

from roster.communities.calendar import time_zones
from roster.communities.forms import MARKDOWN_HELP, _text, strip
from roster.communities.models import EventFormat
from roster.core.text import single_line
from roster.core.versions import VersionField

FORMAT_LABELS = {
    EventFormat.ONLINE: _l("Online"),
    EventFormat.HYBRID: _l("Hybrid"),
    EventFormat.IN_PERSON: _l("In person"),
}


def _url(label):
    return StringField(
        label,
        validators=[
            Optional(),
            URL(message=_l("Enter a web address such as https://…")),
            # Only web links become a link on the page (never javascript:, data: and the like).
            Regexp(r"(?i)^https?://", message=_l("Enter a web address such as https://…")),
            Length(max=500),
        ],
        filters=[strip],
        render_kw={"type": "url"},
    )


class EventForm(FlaskForm):
    """Create or edit an event (moderators and staff)."""

    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=200)], filters=[single_line, strip]
    )
    description = _text(_l("Description"), description=MARKDOWN_HELP, rows=5)
    day = DateField(_l("Date"), validators=[DataRequired()])
    start_time = TimeField(_l("Starts at"), validators=[DataRequired()])
    end_time = TimeField(_l("Ends at"), validators=[DataRequired()])
    timezone = SelectField(
        _l("Time zone"), description=_l("The time zone of the organisers: times are stated in it.")
    )
    format = SelectField(
        _l("Format"), choices=[SelectChoice(f.value, label) for f, label in FORMAT_LABELS.items()]
    )
    location = StringField(
        _l("Place (for hybrid or in-person events)"),
        validators=[Optional(), Length(max=300)],
        filters=[single_line, strip],
    )
    join_url = _url(_l("Link to join online"))
    registration_open = BooleanField(_l("Members can register"), default=True)
    recording_url = _url(_l("Link to the recording (after the event)"))
    materials = _text(_l("Materials (after the event)"), rows=4)
    version = VersionField()
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = [SelectChoice(z, z) for z in time_zones()]
        if not self.is_submitted() and kwargs.get("obj") is None:
            self.day.data = self.day.data or date.today() + timedelta(days=14)
            self.start_time.data = self.start_time.data or time(14, 0)
            self.end_time.data = self.end_time.data or time(15, 30)
            self.timezone.data = self.timezone.data or "UTC"

    def validate_end_time(self, field) -> None:
        if self.start_time.data and field.data and field.data <= self.start_time.data:
            raise ValidationError(_l("The event must end after it starts (on the same day)."))
