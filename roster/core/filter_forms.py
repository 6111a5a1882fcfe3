"""The pages' list filters: GET forms; a bad value is left out and named next to its field."""

from collections.abc import Callable

from flask_wtf import FlaskForm
from wtforms.validators import ValidationError


class FilterForm(FlaskForm):
    """A list's filters from the query string: no CSRF token, since a GET changes nothing."""

    class Meta:
        csrf = False

    def messages(self) -> dict[str, str]:
        """The first error of each bad filter, by query parameter."""
        return {f.name: f.errors[0] for f in self if f.errors}


def strip(value) -> str:
    """A filter's text without surrounding spaces; an absent parameter is ''."""
    return (value or "").strip()


def cut(length: int) -> Callable[[str], str]:
    """Keep at most `length` characters (a link may carry anything)."""
    return lambda text: text[:length]


def check(test: Callable[[str], object], message) -> Callable:
    """A validator: a value given must pass `test`, else `message` shows next to the field."""

    def validate(_form, field) -> None:
        if field.data and not test(field.data):
            raise ValidationError(message)

    return validate
