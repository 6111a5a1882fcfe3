"""The fast form widgets write exactly what WTForms writes, escaped, with the right options
selected, however often the same list or tag is asked for."""

import re

import pytest
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import Form, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import Label
from wtforms.widgets import html_params

from roster.core.widgets import CachedSelect, FastLabel, FastTextInput, Options, html_attributes

PAIRS = [("", "—"), ("fr", "Français"), ('x"<y>', "A & <b>B</b>")]
CHOICES = [SelectChoice(value, label) for value, label in PAIRS]


class Plain(Form):
    one = SelectField(choices=CHOICES, validate_choice=False)
    many = SelectMultipleField(choices=CHOICES, validate_choice=False)
    text = StringField()


class Fast(Form):
    one = SelectField(choices=CHOICES, validate_choice=False, widget=CachedSelect())
    many = SelectMultipleField(choices=CHOICES, validate_choice=False, widget=CachedSelect(True))
    text = StringField(widget=FastTextInput())


@pytest.mark.parametrize(
    "attributes",
    [
        {"a": 1},
        {"class_": "x", "data_foo_bar": 'a"b<c>', "aria_describedby": "q-help"},
        {"required": True, "disabled": False, "value": Markup('x"y'), "for_": "z"},
        {"value": "é&'"},
        {},
    ],
)
def test_attributes_are_written_as_wtforms_writes_them(attributes):
    assert html_attributes(**attributes) == html_params(**attributes)


def _selected_last(html: str) -> str:
    """WTForms writes `<option selected value=..>`, the cached lists `value=.. selected`."""
    return re.sub(r'<option selected value="([^"]*)">', r'<option value="\1" selected>', str(html))


@pytest.mark.parametrize(
    "data",
    [
        [("one", "fr"), ("many", "fr"), ("many", 'x"<y>'), ("text", 'a "b" <c>')],
        [("one", "gone"), ("text", "")],
        [],
    ],
)
def test_fast_widgets_render_as_wtforms_does(data):
    plain, fast = Plain(MultiDict(data)), Fast(MultiDict(data))
    for _ in range(2):  # the second time from the kept tags
        for name in ("one", "many", "text"):
            kwargs = {"class_": "form-select", "aria_invalid": "true"}
            assert fast[name](**kwargs) == _selected_last(plain[name](**kwargs)), name
        assert FastLabel("one", "A & <b>")(class_="x") == Label("one", "A & <b>")(class_="x")


def test_options_keep_their_tags_and_mark_the_selection():
    options = Options(PAIRS)
    form = Fast(MultiDict([("many", "fr")]))
    form.many.choices = options
    html = str(form.many())
    assert '<option value="fr" selected>Français</option>' in html
    assert '<option value="x&#34;&lt;y&gt;">A &amp; &lt;b&gt;B&lt;/b&gt;</option>' in html
    assert options.values == {"", "fr", 'x"<y>'}
    other = Fast(MultiDict([("many", "")]))
    other.many.choices = options
    assert '<option value="" selected>—</option>' in str(other.many())
    assert '<option value="fr">Français</option>' in str(other.many())
    assert str(form.many()) == html  # the first selection's tags, unchanged
