"""suggest_team covers the request's themes and languages better than the top three."""

from matching import Request
from tests.matching.builders import expert, fit


def test_team_covers_more_than_the_top_three():
    experts = [
        expert(
            f"asylum{i}", texts=["asylum"], themes={"asylum": "senior"}, languages={"en": "native"}
        )
        for i in range(3)
    ] + [
        expert("traffic", themes={"trafficking": "experienced"}, languages={"en": "C1"}),
        expert("russian", themes={"asylum": "working"}, languages={"ru": "native"}),
    ]
    m = fit(experts)
    req = Request(
        text="asylum", themes={"asylum", "trafficking"}, languages={"en": "B2", "ru": "B2"}
    )
    top3 = [x.expert_id for x in m.rank(req, k=3)]
    assert top3 == []  # nobody speaks both languages: the filter applies to individuals
    team = m.suggest_team(req, size=3)
    members = {x.expert_id for x in team.members}
    assert {"traffic", "russian"} <= members
    assert all(c.expert_id for c in team.coverage)
    assert team.covered > 0.8
    cover = {c.key: c for c in team.coverage}
    assert cover["ru"].expert_id == "russian" and cover["ru"].have == "native"
    assert cover["trafficking"].expert_id == "traffic"
    assert all(x.reasons for x in team.members)


def test_team_reports_what_nobody_covers():
    m = fit([expert("a", themes={"asylum": "senior"})])
    team = m.suggest_team(Request(themes={"asylum", "diaspora"}), size=3)
    assert [x.expert_id for x in team.members] == ["a"]
    assert [c.key for c in team.coverage if c.expert_id is None] == ["diaspora"]
