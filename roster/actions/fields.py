"""Form pieces shared by the actions area: choices read from the data, checkbox lists."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, ValidationError
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from roster.actions.models import PartnerInstitution
from roster.core.numbers import parse_int
from roster.extensions import db
from roster.i18n import country_name, language_choices
from roster.taxonomy.models import Country, Theme


def strip(value):
    """Trim surrounding spaces from text input (and leave other values alone)."""
    return value.strip() if isinstance(value, str) else value


class CheckboxListField(SelectMultipleField):
    """Several choices as a list of checkboxes (easier to read and use than a multi-select)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def options(pairs) -> list[SelectChoice]:
    """Select choices from (value, label) pairs (WTForms is retiring plain tuples)."""
    return [SelectChoice(value, label) for value, label in pairs]


def country_options(blank: str | None = None) -> list[SelectChoice]:
    """The countries known to the taxonomy, by name in the reader's language."""
    codes = db.session.scalars(sa.select(Country.code))
    pairs = sorted(((c, country_name(c)) for c in codes), key=lambda x: x[1])
    return options(([("", blank)] if blank is not None else []) + pairs)


def theme_options() -> list[SelectChoice]:
    themes = db.session.scalars(sa.select(Theme).where(Theme.active.is_(True)))
    return options(sorted(((t.slug, t.label) for t in themes), key=lambda x: x[1].lower()))


COMMON_LANGUAGES = ("en", "fr", "es", "pt", "ru", "ar")  # the facility's usual working languages


def language_options() -> list[SelectChoice]:
    """Every language, the usual working languages first in their own group."""
    names = dict(language_choices())
    common, other = str(_l("Usual working languages")), str(_l("Other languages"))
    first = [SelectChoice(c, names.get(c, c), optgroup=common) for c in COMMON_LANGUAGES]
    rest = [
        SelectChoice(c, name, optgroup=other)
        for c, name in language_choices()
        if c not in COMMON_LANGUAGES
    ]
    return first + rest


def partner_options(blank: str | None = None) -> list[SelectChoice]:
    partners = db.session.scalars(sa.select(PartnerInstitution).order_by(PartnerInstitution.name))
    pairs = [(str(p.id), f"{p.name} ({country_name(p.country_code)})") for p in partners]
    return options(([("", blank)] if blank is not None else []) + pairs)


def themes_by_slug(slugs: list[str]) -> list[Theme]:
    if not slugs:
        return []
    return list(db.session.scalars(sa.select(Theme).where(Theme.slug.in_(slugs))))


def partners_by_id(ids: list[str]) -> list[PartnerInstitution]:
    numbers = [n for n in (parse_int(str(i)) for i in ids) if n is not None]
    if not numbers:
        return []
    return list(
        db.session.scalars(sa.select(PartnerInstitution).where(PartnerInstitution.id.in_(numbers)))
    )


def end_not_before_start(form, field) -> None:
    """A period's end must not come before its start."""
    start = form.start_on.data
    if field.data and start and field.data < start:
        raise ValidationError(_l("The end date must not be before the start date."))
