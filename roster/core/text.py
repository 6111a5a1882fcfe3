"""Single-line text: titles, names and subjects never carry a line break.

A line break typed into a title (a crafted request: browsers drop them from one-line
inputs) would end up in mail headers, CSV rows and page titles. Forms strip them with the
`single_line` filter; mail subjects pass through it again.
"""

import re

# CR, LF and every other character Unicode or e-mail treats as a line or record break.
LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def single_line(value):
    """WTForms filter (and helper): line breaks become single spaces, ends trimmed."""
    if not isinstance(value, str):
        return value
    return LINE_BREAKS.sub(" ", value).strip()
