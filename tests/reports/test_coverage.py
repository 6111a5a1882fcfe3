"""Coverage cells and gaps on a small roster whose counts are known."""

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
import sqlalchemy as sa

from roster.actions.states import RequestStatus
from roster.experts.filters import filters_from_args
from roster.experts.models import Unavailability
from roster.experts.search import roster_query
from roster.reports.coverage import coverage
from tests.actions import helpers as h


@pytest.fixture
def roster(db, make, ctx):
    asylum = {"asylum": "senior"}
    make.theme("trafficking")
    make.region("europe")  # nobody has worked there, nothing was asked: no column
    a = make.expert(themes=asylum, countries={"KZ": "asia"}, languages={"ru": "C1", "en": "B2"})
    b = make.expert(themes=asylum, countries={"KG": "asia"}, languages={"ru": "B1"})
    make.expert(
        themes={"asylum": "working", "trafficking": "senior"},
        countries={"BJ": "west-africa"},
        languages={"fr": "native"},
    )
    # Not counted: not approved, erased, or away.
    make.expert(status="applied", themes=asylum, countries={"KZ": "asia"}, languages={"ru": "C2"})
    gone = make.expert(themes=asylum, countries={"KZ": "asia"}, languages={"ru": "C2"})
    gone.erased_at = sa.func.now()
    away = make.expert(themes=asylum, countries={"KZ": "asia"}, languages={"ru": "C2"})
    away.unavailability.append(Unavailability(start=date(2030, 1, 1), end=date(2030, 12, 31)))
    b.unavailability.append(Unavailability(start=date(2030, 6, 1), end=date(2030, 6, 30)))
    db.session.commit()
    # Demand: an Action on trafficking in Asia (Russian), a request on asylum in Asia.
    h.action(db, make, country="KZ", themes=("trafficking",), languages=["ru"])
    h.request(db, make, country="KG", themes=("asylum",), languages=["ru"])
    h.request(db, make, country="KZ", themes=("asylum",), title="Second request")
    # Declined requests are no demand.
    h.request(db, make, country="BJ", themes=("trafficking",), status=RequestStatus.DECLINED)
    return {"a": a, "b": b}


def _cell(c, theme, column):
    t = next(t for t in c.themes if t.slug == theme)
    if len(column) <= 3:
        return c.by_language[t.id, column]
    r = next(r for r in c.regions if r.slug == column)
    return c.by_region[t.id, r.id]


def test_cells_count_approved_available_experts(db, roster):
    c = coverage(date(2029, 1, 1))
    assert c.experts == 4  # a, b, the Beninese expert, and `away` (free in 2029)
    assert _cell(c, "asylum", "asia").count == 3
    assert _cell(c, "asylum", "west-africa").count == 1
    assert _cell(c, "trafficking", "asia").count == 0
    assert _cell(c, "asylum", "ru").count == 2  # `b` speaks Russian at B1 only
    assert _cell(c, "asylum", "fr").count == 1
    assert {r.slug for r in c.regions} == {"asia", "west-africa"}
    assert c.languages[0] == "ru"  # the language most asked for comes first
    assert {"en", "fr", "es"} <= set(c.languages)


def test_a_window_leaves_out_who_is_away(db, roster):
    c = coverage(date(2030, 6, 10), date(2030, 7, 10))
    assert c.experts == 2
    assert _cell(c, "asylum", "asia").count == 1
    assert _cell(c, "asylum", "ru").count == 1


def test_gaps_follow_the_threshold_and_are_sorted_by_demand(db, roster):
    c = coverage(date(2029, 1, 1), threshold=2)
    assert _cell(c, "trafficking", "asia").gap and _cell(c, "trafficking", "asia").demand == 1
    assert not _cell(c, "asylum", "asia").gap
    assert _cell(c, "asylum", "west-africa").gap  # one expert, below 2
    gaps = [(g.theme.slug, g.column, g.count, g.demand) for g in c.region_gaps()]
    # Only gaps where something was asked for are listed.
    assert gaps == [("trafficking", "asia", 0, 1)]
    assert [(g.theme.slug, g.column) for g in c.language_gaps({})] == [("trafficking", "ru")]
    higher = coverage(date(2029, 1, 1), threshold=4)
    # Asia's asylum cell (2 requests) comes before trafficking (1 Action) though it has experts.
    assert [(g.theme.slug, g.column) for g in higher.region_gaps()] == [
        ("asylum", "asia"),
        ("trafficking", "asia"),
    ]


def test_a_cell_links_to_the_same_experts_in_the_roster(db, roster, client, login, make):
    login(make.staff())
    page = client.get("/reports/coverage?available_from=2030-06-10&available_to=2030-07-10")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    link = next(
        part.split('"')[0]
        for part in html.split('href="')
        if part.startswith("/experts/?") and "theme=asylum" in part and "region=asia" in part
    )
    args = parse_qs(urlparse(link.replace("&amp;", "&")).query)
    assert args["available_from"] == ["2030-06-10"] and args["status"] == ["approved"]
    from werkzeug.datastructures import MultiDict

    filters, errors = filters_from_args(MultiDict([(k, v) for k, vs in args.items() for v in vs]))
    assert not errors
    listed = db.session.scalars(roster_query(filters)).all()
    assert [e.id for e in listed] == [roster["a"].id]
