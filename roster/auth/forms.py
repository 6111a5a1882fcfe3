"""The account forms, one per use case."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SearchField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, EqualTo, InputRequired, Length, Optional, ValidationError

from roster.auth.models import Role
from roster.auth.passwords import MAX_LENGTH, StrongPassword
from roster.core.text import single_line


def _strip(value):
    return value.strip() if isinstance(value, str) else value


ROLE_LABELS = {
    Role.EXPERT: _l("Expert"),
    Role.STAFF: _l("Staff"),
    Role.ADMIN: _l("Administrator"),
    Role.PARTNER: _l("Partner focal point"),
}
# A focal point belongs to an institution: staff invite them from its page, not from here.
ASSIGNABLE_ROLES = (Role.EXPERT, Role.STAFF, Role.ADMIN)
# Each language is named in itself, so that a reader lost in the wrong one finds theirs.
LOCALE_CHOICES = [
    SelectChoice(code, name, render_kw={"lang": code})
    for code, name in (("en", "English"), ("fr", "Français"), ("es", "Español"))
]


def _role_choices(roles=ASSIGNABLE_ROLES) -> list[SelectChoice]:
    return [SelectChoice(r.value, ROLE_LABELS[r]) for r in roles]


def _email_field(autocomplete: str = "email") -> EmailField:
    return EmailField(
        _l("E-mail address"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Enter your e-mail address.")),
            Length(max=254),
            Email(_l("Enter a valid e-mail address, like name@example.org.")),
        ],
        render_kw={"autocomplete": autocomplete, "spellcheck": "false"},
    )


def _new_password_fields(label=None) -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        label or _l("Password"),
        description=_l(
            "At least 10 characters. A few unrelated words make a strong, memorable password."
        ),
        validators=[InputRequired(_l("Choose a password.")), StrongPassword()],
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH},
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[
            InputRequired(_l("Repeat the password.")),
            EqualTo("password", _l("The two passwords differ.")),
        ],
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH},
    )
    return password, confirm


class LoginForm(FlaskForm):
    email = _email_field("username")
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(_l("Enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class RegisterForm(FlaskForm):
    first_name = StringField(
        _l("First name"),
        filters=[single_line, _strip],
        validators=[InputRequired(_l("Enter your first name.")), Length(max=100)],
        render_kw={"autocomplete": "given-name"},
    )
    last_name = StringField(
        _l("Last name"),
        filters=[single_line, _strip],
        validators=[InputRequired(_l("Enter your last name.")), Length(max=100)],
        render_kw={"autocomplete": "family-name"},
    )
    email = _email_field()
    password, confirm = _new_password_fields()


class EmailOnlyForm(FlaskForm):
    """Ask for an address: a new confirmation link, or a password-reset link."""

    email = _email_field()


class ResetPasswordForm(FlaskForm):
    password, confirm = _new_password_fields(_l("New password"))

    def __init__(self, *args, account_email: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_email = account_email  # the password must not be the address


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[InputRequired(_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = _new_password_fields(_l("New password"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.account_email = user.email if user else None

    def validate_current_password(self, field) -> None:
        if self.user is None or not self.user.check_password(field.data or ""):
            raise ValidationError(_l("This is not your current password."))

    def validate_password(self, field) -> None:
        if self.user is not None and self.user.check_password(field.data or ""):
            raise ValidationError(_l("Choose a password different from the current one."))


class LocaleForm(FlaskForm):
    locale = SelectField(_l("Interface language"), choices=LOCALE_CHOICES)


class TokenForm(FlaskForm):
    name = StringField(
        _l("Token name"),
        description=_l("What the token is for, e.g. “reporting script”."),
        filters=[single_line, _strip],
        validators=[InputRequired(_l("Name the token.")), Length(max=100)],
    )


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=_role_choices())


class UserSearchForm(FlaskForm):
    """The filters of the accounts list (GET, so no CSRF token)."""

    class Meta:
        csrf = False

    q = SearchField(_l("Search by e-mail or name"), filters=[_strip], validators=[Optional()])
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice("", _l("Any role")), *_role_choices(tuple(ROLE_LABELS))],
        validators=[Optional()],
    )
    state = SelectField(
        _l("State"),
        choices=[
            SelectChoice("", _l("Any state")),
            SelectChoice("active", _l("Active")),
            SelectChoice("unconfirmed", _l("Not confirmed")),
            SelectChoice("inactive", _l("Deactivated")),
        ],
        validators=[Optional()],
    )


class InviteForm(FlaskForm):
    """An administrator opens an account for someone, who then chooses a password."""

    email = _email_field("off")
    role = SelectField(_l("Role"), choices=_role_choices(), default=Role.STAFF.value)
    first_name = StringField(
        _l("First name"), filters=[single_line, _strip], validators=[Optional(), Length(max=100)]
    )
    last_name = StringField(
        _l("Last name"), filters=[single_line, _strip], validators=[Optional(), Length(max=100)]
    )

    def validate_email(self, field) -> None:
        from roster.auth.services import find_user

        if find_user(field.data) is not None:
            raise ValidationError(_l("An account already uses this address."))

    def validate_first_name(self, field) -> None:
        # Only an expert's profile holds a name: refuse it for other roles, never drop it.
        if field.data and self.role.data != Role.EXPERT.value:
            raise ValidationError(
                _l("Only an expert's profile keeps a name: choose that role or leave it empty.")
            )

    validate_last_name = validate_first_name


class TwoFactorForm(FlaskForm):
    """The second step of signing in: a code from the app, or a recovery code."""

    code = StringField(
        _l("Code"),
        description=_l(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        filters=[_strip],
        validators=[InputRequired(_l("Enter the code.")), Length(max=32)],
        render_kw={
            "autocomplete": "one-time-code",
            "spellcheck": "false",
            "autocapitalize": "off",
            "autofocus": True,
        },
    )


class EnrolTwoFactorForm(FlaskForm):
    """Confirm the new authenticator with the code it shows."""

    code = StringField(
        _l("Code from the app"),
        description=_l("The 6-digit code your app shows for this account."),
        filters=[_strip],
        validators=[InputRequired(_l("Enter the code.")), Length(max=16)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class ConfirmIdentityForm(FlaskForm):
    """Prove it is the account's owner: the password, or a current code from the app."""

    password = PasswordField(
        _l("Your password"),
        validators=[Optional()],
        render_kw={"autocomplete": "current-password"},
    )
    code = StringField(
        _l("Or a code from your app"),
        filters=[_strip],
        validators=[Optional(), Length(max=16)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate(self, extra_validators=None) -> bool:
        from roster.auth.twofactor import verify_totp

        if not super().validate(extra_validators):
            return False
        if self.password.data:
            if self.user.check_password(self.password.data):
                return True
            self.password.errors.append(_l("This is not your current password."))
            return False
        if self.code.data:
            if verify_totp(self.user, self.code.data):
                return True
            self.code.errors.append(_l("This code is not right, or it was already used."))
            return False
        self.password.errors.append(_l("Enter your password or a code from your app."))
        return False
