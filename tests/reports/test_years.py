"""The year's figures on hand-made data whose right answer is known, edges included."""

from datetime import date

import pytest

from roster.actions.states import ActivityFormat, ActivityKind, RequestSource, RequestStatus
from roster.experts.privacy import erase_expert
from roster.reports.years import experts_joined, latest_year, year_figures, years_with_data
from tests.actions import helpers as h
from tests.reports.builders import A, action, d


@pytest.fixture
def world(db, make, ctx):
    """Two countries with history before 2021 (BJ, MX), new ones in 2021 (KZ, MD)."""
    old = action(
        db,
        make,
        "BJ-2019",
        [
            (d(2019, 5, 1), A.PLANNED),
            (d(2019, 9, 1), A.IMPLEMENTATION),
            (d(2020, 10, 30), A.CONCLUDED),
        ],
        country="BJ",
        region="west-africa",
        concluded_on=d(2020, 10, 30),
    )
    h.activity(db, old, start_on=d(2020, 2, 11))
    # Spans 2021 and 2022: implemented in both years, concluded only in 2022.
    spanning = action(
        db,
        make,
        "BJ-2021",
        [(d(2021, 1, 20), A.IMPLEMENTATION), (d(2022, 3, 15), A.CONCLUDED)],
        country="BJ",
        region="west-africa",
        concluded_on=d(2022, 3, 15),
    )
    h.activity(
        db, spanning, start_on=d(2021, 5, 4), notes="A workshop turned discussions into tools."
    )
    h.activity(db, spanning, start_on=d(2022, 3, 1), kind=ActivityKind.WEBINAR)
    # Planned in 2020 (a long-standing partner), implemented from March 2021.
    mx = action(
        db,
        make,
        "MX-2020",
        [(d(2020, 8, 3), A.PLANNED), (d(2021, 3, 1), A.IMPLEMENTATION)],
        country="MX",
        region="latin-america",
    )
    h.activity(db, mx, start_on=d(2021, 4, 1), format=ActivityFormat.HYBRID)
    kz = action(
        db,
        make,
        "KZ-2021",
        [(d(2021, 4, 20), A.PLANNED), (d(2021, 12, 1), A.IMPLEMENTATION)],
        title="Rights of migrant children",
    )
    h.activity(db, kz, start_on=d(2021, 12, 14), notes="The Action started at the end of 2021")
    # Only assessed in 2021, but its mission took place in the year.
    md = action(
        db,
        make,
        "MD-2021",
        [(d(2021, 2, 15), A.PLANNED), (d(2021, 3, 10), A.NEEDS_ASSESSMENT)],
        country="MD",
        region="eu-neighbourhood",
    )
    h.activity(db, md, start_on=d(2021, 11, 8), kind=ActivityKind.NEEDS_ASSESSMENT)
    # Planned late in 2021, nothing done in it: not implemented in 2021.
    action(db, make, "UZ-2021", [(d(2021, 11, 22), A.PLANNED)], country="UZ")
    return {"spanning": spanning, "kz": kz, "md": md, "mx": mx}


def test_an_action_spanning_two_years_counts_in_both_but_concludes_once(db, world):
    f2021, f2022 = year_figures(2021), year_figures(2022)
    assert {a.code for a in f2021.implemented} == {"BJ-2021", "MX-2020", "KZ-2021", "MD-2021"}
    assert f2021.actions_implemented == 4
    assert "BJ-2021" in {a.code for a in f2022.implemented}
    assert f2021.actions_concluded == 0
    assert f2022.actions_concluded == 1 and f2022.concluded_codes == {"BJ-2021"}
    assert year_figures(2020).actions_concluded == 1  # BJ-2019


def test_activities_are_counted_in_the_year_they_start(db, world):
    assert year_figures(2021).activities == 4
    assert year_figures(2022).activities == 1
    assert year_figures(2020).activities == 1


def test_partner_countries_long_standing_and_new(db, world):
    f = year_figures(2021)
    assert f.partner_countries == ["BJ", "KZ", "MD", "MX"]
    # Benin had an Action in 2019; Mexico's was planned in 2020, before it was implemented.
    assert f.long_standing == ["BJ", "MX"]
    assert f.new == ["KZ", "MD"]
    # A year later every one of them is long-standing.
    assert year_figures(2022).new == []


def test_region_counts(db, world):
    regions = {r.slug: r for r in year_figures(2021).regions}
    assert regions["asia"].actions == 1 and regions["asia"].activities == 1
    assert regions["west-africa"].countries == ["BJ"]
    assert sum(r.actions for r in regions.values()) == 4
    assert sum(r.activities for r in regions.values()) == 4


def test_a_request_accepted_the_year_after_counts_for_the_year_it_came_in(db, make, world):
    late = h.request(db, make, received_on=d(2021, 12, 6), status=RequestStatus.ACCEPTED)
    late.action = world["kz"]
    late.decided_on = d(2022, 1, 10)
    h.request(db, make, received_on=d(2021, 3, 1), status=RequestStatus.DECLINED)
    h.request(db, make, received_on=d(2022, 2, 9), status=RequestStatus.UNDER_ASSESSMENT)
    # Accepted, but no Action linked: not "became an Action".
    h.request(db, make, received_on=d(2021, 5, 5), status=RequestStatus.ACCEPTED)
    db.session.commit()
    f2021, f2022 = year_figures(2021), year_figures(2022)
    assert (f2021.requests_received, f2021.requests_became_actions) == (3, 1)
    assert (f2022.requests_received, f2022.requests_became_actions) == (1, 0)


def test_awareness_sessions_grouped_by_name(db, make, world):
    session = "Awareness session Central Asia, Feb 2021"
    for country, accepted in (("KZ", True), ("KG", True), ("UZ", False)):
        req = h.request(
            db,
            make,
            country=country,
            source=RequestSource.AWARENESS_SESSION,
            source_detail=session,
            received_on=d(2021, 2, 26),
            status=RequestStatus.ACCEPTED if accepted else RequestStatus.RECEIVED,
        )
        if accepted:
            req.action = world["kz"]
    h.request(db, make, source=RequestSource.AWARENESS_SESSION, received_on=d(2021, 10, 4))
    h.request(db, make, source=RequestSource.DIRECT, received_on=d(2021, 2, 26))
    db.session.commit()
    f = year_figures(2021)
    assert [(s.name, s.received, s.became_actions) for s in f.sessions] == [
        (session, 3, 2),
        ("2021-10", 1, 0),  # an unnamed session is told apart by its month
    ]
    assert f.sessions[0].countries == ["KG", "KZ", "UZ"]
    assert (f.awareness_received, f.awareness_became_actions) == (4, 2)
    data = f.as_dict()["awareness_sessions"]
    assert (
        data["requests_received"] == 4 and data["sessions"][0]["first_request_on"] == "2021-02-26"
    )


def test_an_erased_expert_still_counts_among_those_who_joined(db, make, ctx):
    kept = make.expert(joined_on=date(2021, 3, 1))
    erased = make.expert(joined_on=date(2021, 6, 1), first_name="Zoe")
    make.expert(joined_on=date(2020, 6, 1))
    make.expert(status="applied")  # not approved: has not joined
    left = make.expert(status="inactive")  # joined, then left
    left.joined_on = date(2021, 9, 1)
    erase_expert(erased)
    db.session.commit()
    assert erased.erased_at is not None and erased.first_name != "Zoe"
    assert experts_joined(2021) == 3
    assert experts_joined(2020) == 1
    assert kept.joined_on.year == 2021


def test_latest_year_and_the_years_offered(db, world):
    assert latest_year(today=date(2026, 1, 1)) == 2022
    assert latest_year(today=date(2021, 12, 31)) == 2021
    assert years_with_data(today=date(2023, 5, 1)) == [2023, 2022, 2021, 2020]


def test_an_empty_database_gives_zeros(db, ctx):
    f = year_figures(2021)
    assert (f.actions_implemented, f.activities, f.experts_joined, f.requests_received) == (
        0,
        0,
        0,
        0,
    )
    assert f.partner_countries == [] and f.sessions == [] and f.regions == []
