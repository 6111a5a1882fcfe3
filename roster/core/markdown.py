"""Markdown to safe HTML: the one place user-written Markdown becomes markup (the toolkit's
modules, the communities' posts)."""

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "*": {"id"},
}
# What people write in a conversation: no images (they would call other sites from the
# reader's browser) and no ids (they could clash with the page's own).
POST_TAGS = ALLOWED_TAGS - {"img", "h1", "h2", "div", "span", "details", "summary", "figure"}
POST_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
# Relative URLs (the module's own files) pass; nh3 drops any other scheme (javascript:, data:).
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ("extra", "sane_lists", "smarty")


def render_markdown(
    text: str | None,
    heading_offset: int = 0,
    tags: set[str] = ALLOWED_TAGS,
    attributes: dict[str, set[str]] = ALLOWED_ATTRIBUTES,
) -> Markup:
    """Render Markdown to HTML with scripts, styles, event handlers and unsafe links removed."""
    if not text:
        return Markup("")
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    if heading_offset:
        html = _shift_headings(html, heading_offset)
    clean = nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(clean)  # noqa: S704  (sanitised just above)  # nosec B704


def render_post(text: str | None) -> Markup:
    """A post or a description: headings start at level 3 (under the page's h1 and h2)."""
    return render_markdown(text, heading_offset=2, tags=POST_TAGS, attributes=POST_ATTRIBUTES)


def _shift_headings(html: str, offset: int) -> str:
    """Push headings down (a section's `#` under the page's own h1 and h2) to keep the outline."""
    for level in range(6, 0, -1):
        new = min(level + offset, 6)
        html = html.replace(f"<h{level}", f"<h{new}").replace(f"</h{level}>", f"</h{new}>")
    return html
