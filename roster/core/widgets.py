"""A select widget for long lists (countries, languages): the options rendered once.

The roster's filter form offers some 450 options on every page; WTForms builds each
option's attributes anew, which was a fifth of the page's server time.
"""

from functools import lru_cache

from markupsafe import Markup
from wtforms.widgets import Select, html_params

_SELECTED = Markup('<option value="{}" selected>{}</option>')
_PLAIN = Markup('<option value="{}">{}</option>')


@lru_cache(maxsize=256)
def _options(choices: tuple[tuple[str, str], ...], selected: frozenset[str]) -> Markup:
    """The <option> tags of a list, with these values selected (format escapes both)."""
    return Markup("").join(
        (_SELECTED if value in selected else _PLAIN).format(value, label)
        for value, label in choices
    )


def _pair(choice) -> tuple[str, str] | None:
    """A plain choice as (value, label); None for one with attributes of its own."""
    if isinstance(choice, tuple) and len(choice) == 2:
        value, label = choice
    elif not getattr(choice, "render_kw", None) and hasattr(choice, "value"):
        value, label = choice.value, choice.label
    else:
        return None
    if isinstance(value, bool):
        return None
    return str(value), str(label if label is not None else value)


class CachedSelect(Select):
    """WTForms' Select for plain (value, label) choices and the default `str` coercion."""

    def __call__(self, field, **kwargs):
        pairs = [] if field.has_groups() else [_pair(c) for c in field.choices or ()]
        if not pairs or None in pairs or getattr(field, "coerce", str) is not str:
            return super().__call__(field, **kwargs)
        kwargs.setdefault("id", field.id)
        if self.multiple:
            kwargs["multiple"] = True
        flags = getattr(field, "flags", {})
        for k in dir(flags):
            if k in self.validation_attrs and k not in kwargs:
                kwargs[k] = getattr(flags, k)
        data = field.data if self.multiple else [field.data]
        selected = frozenset(str(v) for v in data or () if v is not None)
        select = Markup(f"<select {html_params(name=field.name, **kwargs)}>")  # noqa: S704 (escaped)  # nosec B704
        return select + _options(tuple(pairs), selected) + Markup("</select>")
