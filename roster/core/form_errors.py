"""A form's errors for the summary at the top of a page: in the order the page shows the
fields, each with the id of the control its link moves the focus to."""

from dataclasses import dataclass

# Fields a page never shows as a control of their own.
_UNSHOWN = ("CSRFTokenField", "HiddenField", "SubmitField")
# Fields rendered as a group of inputs whose first one takes the focus (id "<field>-0").
_GROUPS = ("RadioField", "CheckboxListField")


@dataclass(frozen=True)
class ErrorItem:
    target: str | None  # the id the link points at; None for an error of no single field
    label: str
    message: str


def _target(field) -> str:
    if field.type in _GROUPS and getattr(field, "choices", None):
        return f"{field.id}-0"
    return field.id


def _field_items(f) -> list[ErrorItem]:
    if f.type == "FormField":
        return [item for sub in f.form for item in _field_items(sub)]
    if f.type == "FieldList":
        out = [item for entry in f.entries for item in _field_items(entry)]
        return out + [
            ErrorItem(f.id, str(f.label.text), str(e)) for e in f.errors if isinstance(e, str)
        ]
    if f.type in _UNSHOWN:
        return [ErrorItem(None, "", str(e)) for e in f.errors]
    return [ErrorItem(_target(f), str(f.label.text), str(e)) for e in f.errors]


def error_items(form) -> list[ErrorItem]:
    """Every error of a form, nested rows included, in the order of the fields on the page.

    A form class whose page lays its fields out in another order than the class declares them
    (WTForms puts inherited fields first) names that order in `page_order`; errors of no single
    field (the CSRF token, the form's own) come first."""
    order = list(getattr(form, "page_order", ()))
    fields = list(form)
    if order:
        fields.sort(
            key=lambda f: order.index(f.short_name) if f.short_name in order else len(order)
        )
    items = [ErrorItem(None, "", str(e)) for e in getattr(form, "form_errors", [])]
    items += [item for f in fields for item in _field_items(f)]
    return sorted(items, key=lambda i: i.target is not None)  # stable: the fields keep their order
