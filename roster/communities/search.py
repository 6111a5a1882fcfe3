"""Search inside a community: thread titles and the text of the posts readers may see."""

import html
import re

import nh3
import sqlalchemy as sa
from markupsafe import Markup, escape

from roster.communities.models import Community, Post, Thread
from roster.core.markdown import render_post

MAX_TERMS = 8


def _like(term: str) -> str:
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_posts(community: Community, text: str):
    """A SELECT of the visible posts whose thread title or text holds every word of `text`
    (case-insensitive), newest first; None when there is nothing to look for."""
    terms = [t for t in (text or "").split() if t][:MAX_TERMS]
    if not terms:
        return None
    stmt = (
        sa.select(Post)
        .join(Thread)
        .where(
            Thread.community_id == community.id,
            Post.hidden_at.is_(None),
            Post.removed_at.is_(None),
        )
    )
    for term in terms:
        pattern = _like(term)
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Post.body).like(pattern, escape="\\"),
                sa.func.lower(Thread.title).like(pattern, escape="\\"),
            )
        )
    return stmt.order_by(Post.created_at.desc(), Post.id.desc())


def plain_text(body: str | None) -> str:
    """A post's words as its readers see them: the Markdown rendered and sanitised, then every
    tag dropped (no `**` or link addresses in a search result)."""
    text = nh3.clean(str(render_post(body)), tags=set())
    return " ".join(html.unescape(text).split())


def _words(text: str | None) -> re.Pattern | None:
    """One pattern for the words searched for, the longest first ("covid-19" before "covid")."""
    terms = list(dict.fromkeys((text or "").split()))[:MAX_TERMS]
    terms.sort(key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None


def marked(value: str, text: str, words: re.Pattern | None = None) -> Markup:
    """The value escaped, with each word searched for in a <mark>."""
    words = words or _words(text)
    out, at = Markup(""), 0
    for match in words.finditer(value) if words else ():
        out += (
            escape(value[at : match.start()])
            + Markup('<mark class="p-0">%s</mark>') % match.group()
        )
        at = match.end()
    return out + escape(value[at:])


def snippet(body: str, text: str, width: int = 220) -> Markup:
    """The part of a post around the first word searched for, each word found marked; the
    post's text is escaped here, so that only the <mark> tags are markup."""
    plain, words = plain_text(body), _words(text)
    found = words.search(plain) if words else None
    start = max(0, found.start() - width // 3) if found else 0
    part = marked(plain[start : start + width], text, words)
    return (
        (Markup("…") if start else Markup("")) + part + ("…" if start + width < len(plain) else "")
    )
