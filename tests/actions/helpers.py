"""Small builders for the actions tests: partners, requests, Actions, activities, assignments."""

import io
import itertools
from datetime import date

from pypdf import PdfWriter

from roster.actions.models import (
    Action,
    ActionStatusChange,
    Activity,
    Assignment,
    PartnerInstitution,
    Request,
)
from roster.actions.states import (
    ActionStatus,
    ActivityFormat,
    ActivityKind,
    AssignmentState,
    RequestSource,
    RequestStatus,
)

_seq = itertools.count(1)


def partner(db, make, name=None, country="KZ", region="asia"):
    make.country(country, region)
    p = PartnerInstitution(name=name or f"Ministry {next(_seq)}", country_code=country)
    db.session.add(p)
    db.session.commit()
    return p


def request(db, make, country="KZ", status=RequestStatus.RECEIVED, themes=(), **fields):
    make.country(country, "asia")
    req = Request(
        country_code=country,
        title=fields.pop("title", "Support on the rights of migrant children"),
        text=fields.pop("text", "We ask for an assessment of the protection of migrant children."),
        status=status,
        source=fields.pop("source", RequestSource.DIRECT),
        received_on=fields.pop("received_on", date(2021, 2, 20)),
        **fields,
    )
    req.themes = [make.theme(slug) for slug in themes]
    db.session.add(req)
    db.session.commit()
    return req


def action(
    db,
    make,
    country="KZ",
    region="asia",
    status=ActionStatus.PLANNED,
    code=None,
    start_on=date(2021, 3, 1),
    end_on=date(2021, 12, 31),
    themes=(),
    **fields,
):
    make.country(country, region)
    a = Action(
        code=code or f"{country}-2021-{next(_seq):02d}",
        title=fields.pop("title", "An Action"),
        country_code=country,
        status=status,
        start_on=start_on,
        end_on=end_on,
        **fields,
    )
    a.themes = [make.theme(slug) for slug in themes]
    a.history.append(ActionStatusChange(from_status=None, to_status=status))
    db.session.add(a)
    db.session.commit()
    return a


def activity(db, action, start_on=date(2021, 5, 10), end_on=None, **fields):
    act = Activity(
        action=action,
        title=fields.pop("title", "Workshop"),
        kind=fields.pop("kind", ActivityKind.WORKSHOP),
        format=fields.pop("format", ActivityFormat.ONLINE),
        start_on=start_on,
        end_on=end_on,
        **fields,
    )
    db.session.add(act)
    db.session.commit()
    return act


def assignment(db, expert, action, state=AssignmentState.PROPOSED, **fields):
    a = Assignment(expert=expert, action=action, state=state, **fields)
    db.session.add(a)
    db.session.commit()
    return a


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
