"""Markdown to safe HTML for the toolkit's modules (the sanitiser itself: core/markdown.py)."""

from roster.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, render_markdown

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_TAGS", "URL_SCHEMES", "render_markdown"]
