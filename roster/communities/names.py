"""How members are named in a community, and the handle others mention them by (@ana-souza)."""

import re
import unicodedata

import sqlalchemy as sa
from flask_babel import gettext

from roster.auth.models import User
from roster.auth.signals import profiles
from roster.communities.models import Community, Membership
from roster.extensions import db

# @handle, not inside a word or an address (name@example.org is no mention).
MENTION = re.compile(r"(?<![\w@.])@([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)", re.IGNORECASE)


def _from_address(email: str) -> str:
    local = email.split("@", 1)[0]
    return " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part) or local


def display_names(user_ids, signature: bool = True) -> dict[int, str]:
    """Each account's name as members see it: the person's name (their expert profile, or
    what another domain keeps: a focal point's name with their institution), else a name
    made from their address; "Removed person" once erased. Without `signature`, the
    person's name alone (a focal point's without the institution), as mentions use it."""
    ids = {i for i in user_ids if i}
    if not ids:
        return {}
    named = {}
    for uid, profile in profiles(ids).items():
        name = getattr(profile, "name", "")
        if not signature:
            name = getattr(profile, "person_name", "") or name
        if name:
            named[uid] = name
    names = {}
    for user in db.session.scalars(sa.select(User).where(User.id.in_(ids))):
        if user.is_erased:
            names[user.id] = gettext("Removed person")
        else:
            names[user.id] = named.get(user.id) or _from_address(user.email)
    return names


def handle_of(name: str) -> str:
    """The mention handle of a name: lower case ASCII words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return "-".join(words)[:64].strip("-") or "member"


def member_handles(community: Community) -> dict[str, int]:
    """handle -> user id for the community's active members (a second same name gets -2)."""
    ids = db.session.scalars(
        sa.select(Membership.user_id)
        .where(Membership.community_id == community.id, Membership.removed_at.is_(None))
        .order_by(Membership.id)
    ).all()
    names = display_names(ids, signature=False)
    handles: dict[str, int] = {}
    for uid in ids:
        base = handle_of(names.get(uid, ""))
        handle, n = base, 1
        while handle in handles:
            n += 1
            handle = f"{base}-{n}"
        handles[handle] = uid
    return handles


def mentioned(text: str, community: Community) -> set[int]:
    """The members a text mentions by their handle."""
    wanted = {m.lower() for m in MENTION.findall(text or "")}
    if not wanted:
        return set()
    handles = member_handles(community)
    return {handles[h] for h in wanted if h in handles}
