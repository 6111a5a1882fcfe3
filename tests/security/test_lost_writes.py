"""No silent lost writes: every record edited through a form checks the version the form was
filled from. Two edits from the same old page: the second is refused (409, with the message
and what its author typed), nothing of the first is overwritten; an edit that names no
version is refused too."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from roster.actions.models import Evaluation
from roster.actions.states import AssignmentState
from roster.experts.models import Status
from roster.taxonomy.models import Country
from tests.actions import helpers as h
from tests.actions.test_actions import action_form, activity_form
from tests.actions.test_requests import staff_form
from tests.toolkit.conftest import build_module

MESSAGE = "Someone else saved this while you were editing"
EXPERT_MESSAGE = "This profile was changed by someone else"  # the profile's own wording


@dataclass
class Case:
    url: str
    data: Callable[[str | None, str], dict]  # (version or None, marker) -> form data
    saved: Callable[[], str]  # the marker field as stored now
    version: Callable[[], int]  # the record's version now


def _labels(slug: str, marker: str) -> dict:
    return {"slug": slug, "label_en": marker, "label_fr": "Libellé", "label_es": "Etiqueta"}


def _with(version: str | None, data: dict) -> dict:
    return data if version is None else {**data, "version": version}


def _fresh(db, obj):
    db.session.expire_all()
    return db.session.get(type(obj), sa.inspect(obj).identity[0])


def case_for(kind: str, db, make) -> Case:
    if kind == "action":
        action = h.action(
            db, make, country="MD", region="eu-neighbourhood", themes=["border-management"]
        )
        return Case(
            f"/actions/{action.id}/edit",
            lambda v, m: _with(v, action_form(title=m)),
            lambda: _fresh(db, action).title,
            lambda: _fresh(db, action).version,
        )
    if kind == "request":
        make.theme("trafficking")
        req = h.request(db, make)
        return Case(
            f"/actions/requests/{req.id}/edit",
            lambda v, m: _with(v, staff_form(title=m)),
            lambda: _fresh(db, req).title,
            lambda: _fresh(db, req).version,
        )
    if kind == "activity":
        activity = h.activity(db, h.action(db, make))
        return Case(
            f"/actions/activities/{activity.id}/edit",
            lambda v, m: _with(v, activity_form(title=m)),
            lambda: _fresh(db, activity).title,
            lambda: _fresh(db, activity).version,
        )
    if kind == "partner":
        partner = h.partner(db, make, name="Border Police", country="MD")
        data = {"name": "Border Police", "country_code": "MD", "kind": "agency"}
        return Case(
            f"/actions/partners/{partner.id}/edit",
            lambda v, m: _with(v, {**data, "acronym": m}),
            lambda: _fresh(db, partner).acronym,
            lambda: _fresh(db, partner).version,
        )
    if kind == "evaluation":
        action = h.action(db, make)
        assignment = h.assignment(db, make.expert(), action, state=AssignmentState.COMPLETED)

        def evaluation():
            db.session.expire_all()
            return db.session.scalar(sa.select(Evaluation))

        return Case(
            f"/actions/assignments/{assignment.id}/evaluation",
            lambda v, m: _with(v, {"rating": "4", "comment": m}),
            lambda: evaluation().comment if evaluation() else None,
            lambda: evaluation().version if evaluation() else 0,
        )
    if kind == "theme":
        theme = make.theme("asylum")
        return Case(
            f"/taxonomy/themes/{theme.id}/edit",
            lambda v, m: _with(v, _labels("asylum", m)),
            lambda: _fresh(db, theme).label_en,
            lambda: _fresh(db, theme).version,
        )
    if kind == "region":
        region = make.region("asia")
        return Case(
            f"/taxonomy/regions/{region.id}/edit",
            lambda v, m: _with(v, _labels("asia", m)),
            lambda: _fresh(db, region).label_en,
            lambda: _fresh(db, region).version,
        )
    if kind == "country":
        make.country("FJ")
        regions = {"A": make.region("asia"), "B": make.region("pacific")}

        def data(v, marker):
            row = {"rows-0-code": "FJ", "rows-0-region": str(regions[marker].id)}
            return row if v is None else {**row, "rows-0-version": v}

        def saved():
            db.session.expire_all()
            region_id = db.session.get(Country, "FJ").region_id
            return next(k for k, r in regions.items() if r.id == region_id) if region_id else None

        return Case(
            "/taxonomy/countries", data, saved, lambda: _fresh(db, make.country("FJ")).version
        )
    if kind == "expert":
        expert = make.expert(status=Status.APPROVED, position="Adviser")
        data = {
            "first_name": "Amina",
            "last_name": "Diallo",
            "email": "amina@example.org",
            "nationality": "SN",
            "employer_type": "partner_admin",
            "years_experience": "12",
            "biography": "Twelve years of border management work in West Africa and beyond.",
        }
        return Case(
            f"/experts/{expert.id}/edit/about",
            lambda v, m: _with(v, {**data, "position": m}),
            lambda: _fresh(db, expert).position,
            lambda: _fresh(db, expert).version,
        )
    if kind == "module":
        module = build_module(db)
        return Case(
            f"/toolkit/manage/{module.id}/settings",
            lambda v, m: _with(v, {"estimated_minutes": m, "pass_mark": "70"}),
            lambda: str(_fresh(db, module).estimated_minutes),
            lambda: _fresh(db, module).version,
        )
    raise AssertionError(kind)


KINDS = [
    "action",
    "request",
    "activity",
    "partner",
    "evaluation",
    "theme",
    "region",
    "country",
    "expert",
    "module",
]
# Markers that fit every field they go in (the module's is a number of minutes).
FIRST, SECOND = {"module": ("41", "42"), "country": ("A", "B")}, {}


def markers(kind: str) -> tuple[str, str]:
    return FIRST.get(kind, ("First save", "Second save"))


@pytest.mark.parametrize("kind", KINDS)
def test_the_second_of_two_stale_edits_is_refused(client, db, make, login, kind):
    login(make.admin())
    case = case_for(kind, db, make)
    opened = str(case.version())  # two people open the same page
    first, second = markers(kind)
    saved = client.post(case.url, data=case.data(opened, first))
    assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]
    assert case.saved() == first

    stale = client.post(case.url, data=case.data(opened, second))
    assert stale.status_code == 409
    page = stale.get_data(as_text=True)
    assert (EXPERT_MESSAGE if kind == "expert" else MESSAGE) in page
    if kind not in ("country", "evaluation", "expert"):
        assert second in page  # what the second person typed is still in the form
    assert case.saved() == first  # nothing overwritten


@pytest.mark.parametrize("kind", KINDS)
def test_an_edit_without_its_version_is_refused(client, db, make, login, kind):
    login(make.admin())
    case = case_for(kind, db, make)
    before, version = case.saved(), case.version()
    first, _second = markers(kind)
    response = client.post(case.url, data=case.data(None, first))
    assert response.status_code == 409
    assert case.saved() == before and case.version() == version
