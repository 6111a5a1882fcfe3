"""A select widget for long lists (countries, languages): the options rendered once; and
a text input and a label that write their attributes without WTForms' formatter.

The roster's filter form offers some 450 options on every page; WTForms builds each
option's attributes anew, which was a fifth of the page's server time. A list made once
(`Options`, cached per language by its owner) also keeps its rendered tags, so that a page
neither converts nor hashes its 450 choices again, and the opening tags are kept too.
WTForms writes each attribute through `Markup.format` (Python's string formatter, with an
escaping pass per field): `html_attributes` gives the same text with one f-string.
"""

from functools import lru_cache, partial

from markupsafe import Markup, escape
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import Label
from wtforms.widgets import Select, TextInput
from wtforms.widgets.core import clean_key

_QUOTE, _QUOT = Markup('"'), Markup("&quot;")


def html_attributes(**kwargs) -> Markup:
    """WTForms' `html_params`, the same output: sorted by name, `class_` as class,
    `data_`/`aria_` with hyphens, True as a bare name, False left out, values escaped."""
    parts = []
    for key, value in sorted(kwargs.items()):
        if value is False:
            continue
        name = escape(clean_key(key))
        parts.append(name if value is True else f'{name}="{escape(value).replace(_QUOTE, _QUOT)}"')
    return Markup(" ".join(parts))  # noqa: S704 (escaped above)  # nosec B704


class FastTextInput(TextInput):
    """WTForms' text input, its attributes written by `html_attributes`."""

    html_params = staticmethod(html_attributes)


class FastLabel(Label):
    """WTForms' label, its attributes written by `html_attributes`."""

    def __call__(self, text=None, **kwargs):
        if "for_" in kwargs:
            kwargs["for"] = kwargs.pop("for_")
        else:
            kwargs.setdefault("for", self.field_id)
        attributes = html_attributes(**kwargs)
        attributes = f" {attributes}" if attributes else ""
        return Markup(f"<label{attributes}>{escape(text or self.text)}</label>")  # noqa: S704 (escaped)  # nosec B704


_SELECTED = Markup('<option value="{}" selected>{}</option>')
_PLAIN = Markup('<option value="{}">{}</option>')


@lru_cache(maxsize=256)
def _options(choices: tuple[tuple[str, str], ...], selected: frozenset[str]) -> Markup:
    """The <option> tags of a list, with these values selected (format escapes both)."""
    return Markup("").join(
        (_SELECTED if value in selected else _PLAIN).format(value, label)
        for value, label in choices
    )


class Options(list):
    """Plain choices made once from (value, label) strings, with their <option> tags kept by
    selection; share one per language and content (nothing may change it afterwards)."""

    def __init__(self, pairs):
        self.pairs = tuple((str(value), str(label)) for value, label in pairs)
        super().__init__(SelectChoice(value, label) for value, label in self.pairs)
        self.values = frozenset(value for value, _label in self.pairs)
        self._html: dict[frozenset[str], Markup] = {}

    def html(self, selected: frozenset[str]) -> Markup:
        """The <option> tags with these values selected."""
        found = self._html.get(selected)
        if found is None:
            if len(self._html) >= 64:  # a link may select any values: keep a few
                self._html.clear()
            found = self._html[selected] = _options(self.pairs, selected)
        return found


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
        if getattr(field, "coerce", str) is not str:
            return super().__call__(field, **kwargs)
        choices = field.choices
        if isinstance(choices, Options):
            tags = choices.html
        else:
            pairs = [] if field.has_groups() else [_pair(c) for c in choices or ()]
            if not pairs or None in pairs:
                return super().__call__(field, **kwargs)
            tags = partial(_options, tuple(pairs))
        kwargs.setdefault("id", field.id)
        if self.multiple:
            kwargs["multiple"] = True
        flags = getattr(getattr(field, "flags", None), "__dict__", {})  # the flags set
        for k in self.validation_attrs:
            if k in flags and k not in kwargs:
                kwargs[k] = flags[k]
        data = field.data if self.multiple else [field.data]
        selected = frozenset(str(v) for v in data or () if v is not None)
        return _select_tag(field.name, kwargs) + tags(selected) + Markup("</select>")


_TAGS: dict[tuple, Markup] = {}  # opening tags by name and attributes
_TAGS_KEPT = 512


def _select_tag(name: str, attributes: dict) -> Markup:
    """The opening <select> tag; a page asks for the same few again and again."""
    key = (name, *sorted(attributes.items()))
    try:
        found = _TAGS.get(key)
    except TypeError:  # an attribute's value that cannot be a key: made every time
        key, found = None, None
    if found is None:
        found = Markup(f"<select {html_attributes(name=name, **attributes)}>")  # noqa: S704 (escaped)  # nosec B704
        if key is not None:
            if len(_TAGS) >= _TAGS_KEPT:
                _TAGS.clear()
            _TAGS[key] = found
    return found
