"""What the communities' templates ask: a community's text in the reader's language."""

from flask_babel import get_locale

from roster.communities.models import Community


def localised(community: Community, field: str) -> tuple[str, str]:
    """(text, its language): the reader's language when written in it, else English."""
    lang = str(get_locale() or "en")
    text = getattr(community, f"{field}_{lang}", None)
    if text:
        return text, lang
    return getattr(community, f"{field}_en", None) or "", "en"
