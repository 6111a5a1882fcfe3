"""Staff forms: vetting decisions, status, CSV import, erasure."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from roster.auth.erasure_request import ErasureRequestForm as BaseErasureRequestForm
from roster.core.versions import VersionField
from roster.experts.forms import options
from roster.experts.models import Status


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
    version = VersionField()
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


class ErasureRequestForm(BaseErasureRequestForm):
    confirm = BooleanField(
        _l("I understand that my profile, my CV and my data will be erased for good."),
        validators=[InputRequired(message=_l("Tick the box to confirm."))],
    )


class ConfirmErasureForm(FlaskForm):
    submit = SubmitField(_l("Erase now"))
