"""Each kind of notification and its message; a domain registers its own kinds on import."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

# kind -> message with %(name)s placeholders filled from the notification's params.
_MESSAGES: dict[str, object] = {
    "community.reply": _l("%(actor)s replied to “%(thread)s” in %(community)s"),
    "community.mention": _l("%(actor)s mentioned you in “%(thread)s”"),
    "community.thread": _l("New thread in %(community)s: “%(thread)s”"),
    "community.event": _l("New event in %(community)s: “%(event)s”"),
    "community.hidden": _l("A moderator hid your post in “%(thread)s”"),
    "community.removed": _l("You were removed from %(community)s"),
    "community.report": _l("A post in “%(thread)s” was reported"),
}


def register_kind(kind: str, message) -> None:
    """Name the message (a lazy string with %(param)s placeholders) for a new kind."""
    _MESSAGES[kind] = message


def _lang() -> str:
    from flask_babel import get_locale

    try:
        return str(get_locale() or "en")
    except RuntimeError:  # outside a request
        return "en"


def message_for(kind: str, params: dict) -> str:
    """The kind's message filled with params; a missing param or kind never fails a page.

    A param may come in several languages: `name_fr` beside `name` fills %(name)s for a
    French reader.
    """
    message = _MESSAGES.get(kind)
    if message is None:
        return str(params.get("text") or kind)
    lang = _lang()
    values = {key: params.get(f"{key}_{lang}") or value for key, value in params.items()}
    # A person erased since is no longer named (roster/communities/privacy.py).
    values = {
        key: gettext("Removed person") if value is None else value for key, value in values.items()
    }
    try:
        return str(message) % values
    except (KeyError, TypeError, ValueError):
        return str(params.get("text") or message)
