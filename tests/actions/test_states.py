"""Enum labels: members of different enums that share a value keep their own label."""

import pytest

from roster.actions import states


@pytest.mark.parametrize(
    "enum_cls",
    [
        c
        for c in vars(states).values()
        if isinstance(c, type)
        and issubclass(c, states.LabelledEnum)
        and c is not states.LabelledEnum
    ],
)
def test_every_member_has_its_own_label(app, enum_cls):
    with app.test_request_context():
        for member in enum_cls:
            assert (enum_cls, member.value) in states.LABELS, member
        assert (
            states.SupportKind.NEEDS_ASSESSMENT.label != states.ActionStatus.NEEDS_ASSESSMENT.label
        )
        assert states.RequestSource.OTHER.label != states.DocumentKind.OTHER.label
