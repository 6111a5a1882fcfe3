"""The request a focal point sends (tied to their institution, so no institution field), and
their request for the erasure of their data."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField

from roster.actions.requests.forms import _RequestFields


class PartnerRequestForm(_RequestFields):
    """A new request from a signed-in focal point (the institution comes from the account)."""

    page_order = (
        "country_code",
        "contact_name",
        "contact_position",
        "contact_email",
        "contact_phone",
        "title",
        "text",
        "support_kind",
        "themes",
        "languages",
    )

    submit = SubmitField(_l("Send the request"))
