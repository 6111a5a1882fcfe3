"""Markdown to safe HTML: the one place user-written Markdown becomes markup."""

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
# Relative URLs (the module's own files) pass; nh3 drops any other scheme (javascript:, data:).
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ("extra", "sane_lists", "smarty")


def render_markdown(text: str | None, heading_offset: int = 0) -> Markup:
    """Render Markdown to HTML with scripts, styles, event handlers and unsafe links removed."""
    if not text:
        return Markup("")
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    if heading_offset:
        html = _shift_headings(html, heading_offset)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(clean)  # noqa: S704  (sanitised just above)  # nosec B704


def _shift_headings(html: str, offset: int) -> str:
    """Push headings down (a section's `#` under the page's own h1 and h2) to keep the outline."""
    for level in range(6, 0, -1):
        new = min(level + offset, 6)
        html = html.replace(f"<h{level}", f"<h{new}").replace(f"</h{level}>", f"</h{new}>")
    return html
