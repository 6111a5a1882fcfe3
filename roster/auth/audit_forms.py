"""The audit log page's filters: a GET form, so that a bad value is named next to its field."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField

from roster.core.filter_forms import FilterForm, check, strip
from roster.core.numbers import is_ascii_digits


class AuditFilterForm(FilterForm):
    """Filter the audit log by action, actor's e-mail, target type and target id."""

    action = StringField(_l("Action"), filters=[strip])
    actor = StringField(_l("Actor (e-mail contains)"), filters=[strip])
    target_type = StringField(_l("Target type"), filters=[strip])
    target_id = StringField(
        _l("Target id"), filters=[strip], validators=[check(is_ascii_digits, _l("Enter a number."))]
    )
