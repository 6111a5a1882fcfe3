"""Find experts on an Action: the ranked list is the library's, with reasons in plain words;
requirements and weights are editable; "why not"; a team; shortlist; who may see it."""

import re
from datetime import date

import pytest

import matching
from roster.actions import ranking
from roster.actions.ranking.loading import load_experts, region_map
from roster.actions.ranking.signals import library_signals
from roster.actions.states import ActivityFormat
from roster.experts.models import Status, Unavailability
from tests.actions import helpers as h

ROW = re.compile(r'data-expert-id="(\d+)" data-score="([0-9.]+)"')


def rows(html: str) -> list[tuple[int, float]]:
    return [(int(i), float(s)) for i, s in ROW.findall(html)]


@pytest.fixture
def roster(db, make):
    """An Action for Costa Rica on trafficking in Spanish, and experts around it."""
    make.country("CR", "latam")
    make.country("MX", "latam")
    action = h.action(
        db,
        make,
        country="CR",
        region="latam",
        code="CR-2021-02",
        title="Counter-trafficking: victim identification",
        summary="Training of labour inspectors on indicators of trafficking.",
        themes=["trafficking"],
        languages=["es"],
        start_on=date(2021, 10, 1),
        end_on=date(2021, 10, 5),
    )
    experts = {
        "lucia": make.expert(
            first_name="Lucía",
            last_name="Ferrer",
            themes={"trafficking": "senior"},
            languages={"es": "native"},
            countries={"MX": "latam"},
            biography="Prosecutor: victim identification and trafficking indicators.",
        ),
        "jonas": make.expert(
            first_name="Jonas",
            last_name="Berg",
            themes={"trafficking": "experienced"},
            languages={"es": "B1", "en": "C2"},
            biography="Labour inspector trained in trafficking indicators.",
        ),
        "maria": make.expert(
            first_name="María",
            last_name="Solís",
            nationality="CR",
            themes={"trafficking": "working"},
            languages={"es": "native"},
            biography="Social worker in shelters for victims.",
        ),
        "paul": make.expert(
            first_name="Paul",
            last_name="Martin",
            themes={"asylum": "senior"},
            languages={"es": "C1"},
            biography="Asylum procedures.",
        ),
        "applicant": make.expert(
            first_name="Ana", last_name="Pending", status=Status.APPLIED, languages={"es": "C2"}
        ),
    }
    return action, experts


@pytest.fixture
def staff(make, login):
    return login(make.staff())


def page(client, action, **args):
    return client.get(f"/actions/{action.id}/find-experts", query_string=args)


def library_ranking(query: ranking.Query, k: int = 20) -> list[tuple[int, float]]:
    """The same request asked of a fresh Matcher, fitted straight from the database."""
    # The app's setting for the multilingual backend, which CI installs but the app leaves off.
    semantic = ranking.roster_index().semantic
    experts, _stamps = load_experts(signals=library_signals())
    matcher = matching.Matcher(regions=region_map(), semantic=semantic).fit(experts.values())
    return [(int(m.expert_id), m.score) for m in matcher.rank(query.request(), k=k)]


def test_the_page_shows_the_librarys_ranking_for_the_same_request(client, roster, staff):
    action, experts = roster
    response = page(client, action)
    assert response.status_code == 200
    shown = rows(response.get_data(as_text=True))
    expected = library_ranking(ranking.action_query(action))
    assert [i for i, _ in shown] == [i for i, _ in expected]
    assert [s for _, s in shown] == pytest.approx([s for _, s in expected], abs=1e-6)
    assert shown[0][0] == experts["lucia"].id
    assert experts["jonas"].id not in dict(shown)  # Spanish B1 is below the B2 asked for
    assert experts["applicant"].id not in dict(shown)  # only approved experts


def test_reasons_are_plain_words_and_passages_are_escaped_and_marked(client, db, roster, staff):
    action, experts = roster
    experts["lucia"].biography = "<script>alert(1)</script> Victim identification & trafficking."
    db.session.commit()
    html = page(client, action).get_data(as_text=True)
    assert "Has senior expertise in Trafficking." in html
    assert "Speaks Spanish as a native speaker (B2 or above wanted)." in html
    assert "Has experience in the region: Latam." in html
    assert "Free on every day from October 1, 2021 to October 5, 2021." in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert re.search(r"<mark>(?i:trafficking)</mark>", html)
    assert "No experience recorded in Trafficking." in html  # Paul


def test_requirements_on_the_page_filter_the_ranking(client, roster, staff):
    action, experts = roster
    base = {"run": "1", "text": "trafficking", "themes": "trafficking"}
    b1 = rows(
        page(
            client, action, **base, **{"languages-0-code": "es", "languages-0-level": "B1"}
        ).get_data(as_text=True)
    )
    assert experts["jonas"].id in dict(b1)
    native = {"languages-0-code": "es", "languages-0-level": "native"}
    only_native = rows(page(client, action, **base, **native).get_data(as_text=True))
    assert {i for i, _ in only_native} == {experts["lucia"].id, experts["maria"].id}
    no_nationals = page(client, action, **base, **native, exclude_nationals="y")
    assert [i for i, _ in rows(no_nationals.get_data(as_text=True))] == [experts["lucia"].id]


def test_dates_and_partial_overlap(client, db, roster, staff):
    action, experts = roster
    lucia = experts["lucia"]
    lucia.unavailability.append(Unavailability(start=date(2021, 10, 4), end=date(2021, 10, 5)))
    db.session.commit()
    dates = {"run": "1", "themes": "trafficking", "start": "2021-10-01", "end": "2021-10-05"}
    strict = rows(page(client, action, **dates).get_data(as_text=True))
    assert lucia.id not in dict(strict)
    html = page(client, action, **dates, partial="y").get_data(as_text=True)
    assert lucia.id in dict(rows(html))
    assert "Busy on 2 of the 5 days asked for (partial overlap allowed)." in html


def test_bad_input_keeps_what_was_typed_and_names_the_fields(client, roster, staff):
    action, _ = roster
    response = page(
        client,
        action,
        run="1",
        text="Trata de personas",
        start="2021-10-05",
        end="2021-10-01",
        **{"weights-text": "150", "languages-0-code": "es", "languages-0-level": "Z9"},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The end date must not be before the start date." in html
    assert 'id="weights-text-error"' in html and 'id="languages-0-level-error"' in html
    assert "Trata de personas</textarea>" in html and 'value="2021-10-05"' in html
    assert 'value="150"' in html
    assert not rows(html)


def test_weights_change_the_scores_and_all_zero_is_refused(client, roster, staff):
    action, experts = roster
    args = {"run": "1", "themes": "trafficking", "text": "shelters for victims"}
    themes_only = {f"weights-{c}": "0" for c in ranking.CRITERIA} | {"weights-themes": "100"}
    html = page(client, action, **args, **themes_only).get_data(as_text=True)
    scores = dict(rows(html))
    assert scores[experts["lucia"].id] == 1.0 and scores[experts["paul"].id] == 0.0
    assert "(100% met, counts 100%)" in html
    reset = re.search(r'href="([^"]+)">Reset the weights', html).group(1)
    assert "weights-" not in reset and "themes=trafficking" in reset
    zero = {f"weights-{c}": "0" for c in ranking.CRITERIA}
    refused = page(client, action, **args, **zero)
    assert refused.status_code == 400
    assert "At least one weight must be above zero." in refused.get_data(as_text=True)


@pytest.mark.parametrize(
    "name, answer",
    [
        ("Berg", "Speaks Spanish at B1, below the B2 required."),
        ("Pending", "Not approved (status: Applied): only approved experts are ranked."),
        ("Lucía Ferrer", "eligible, ranked 1."),
        ("nobody", "No expert is named “nobody”."),
    ],
)
def test_why_not_answers(client, roster, staff, name, answer):
    action, _ = roster
    html = page(client, action, why=name).get_data(as_text=True)
    assert answer in html


def test_why_not_names_a_national_and_a_busy_expert_and_lets_choose_among_several(
    client, db, make, roster, staff
):
    action, experts = roster
    args = {"run": "1", "themes": "trafficking", "exclude_nationals": "y"}
    html = page(client, action, **args, why="Solís").get_data(as_text=True)
    assert "A national of the partner country (Costa Rica), which is excluded." in html
    experts["lucia"].unavailability.append(
        Unavailability(start=date(2021, 10, 1), end=date(2021, 10, 2))
    )
    db.session.commit()
    busy = {"run": "1", "start": "2021-10-01", "end": "2021-10-05"}
    html = page(client, action, **busy, why="Ferrer").get_data(as_text=True)
    assert "Unavailable on 2 of the days asked for (at most 0 allowed)." in html
    make.expert(first_name="Lucía", last_name="Other")
    html = page(client, action, why="Lucía").get_data(as_text=True)
    assert "Several experts match “Lucía”" in html
    link = re.search(r'href="([^"]*why_id=\d+[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "eligible, ranked" in client.get(link).get_data(as_text=True)


def test_suggested_team_covers_themes_and_languages(client, db, make, staff):
    make.theme("diaspora")
    action = h.action(
        db, make, themes=["asylum", "migration-data"], languages=["fr", "ru"], title="Asylum data"
    )
    a = make.expert(first_name="Amina", themes={"asylum": "senior"}, languages={"fr": "C2"})
    b = make.expert(
        first_name="Boris", themes={"migration-data": "senior"}, languages={"ru": "native"}
    )
    make.expert(first_name="Carl", themes={"asylum": "working"}, languages={"fr": "B2"})
    languages = {
        "languages-0-code": "fr",
        "languages-0-level": "B2",
        "languages-1-code": "ru",
        "languages-1-level": "B2",
    }
    themes = ["asylum", "migration-data", "diaspora"]
    response = page(client, action, run="1", themes=themes, **languages)
    html = response.get_data(as_text=True)
    team = html[html.index("Suggested team") :]
    assert a.name in team and b.name in team
    assert "Diaspora: nobody among the candidates covers it." in team
    assert f"Asylum: {a.name} (senior)." in team
    assert f"Russian: {b.name} (native speaker)." in team


def test_shortlist_from_the_list_and_team_members_are_marked(client, db, roster, staff):
    action, experts = roster
    html = page(client, action).get_data(as_text=True)
    assert f'name="shortlist-expert_id" value="{experts["lucia"].id}"' in html
    response = client.post(
        f"/actions/{action.id}/team", data={"shortlist-expert_id": experts["lucia"].id}
    )
    assert response.status_code == 302
    html = page(client, action).get_data(as_text=True)
    assert f'name="shortlist-expert_id" value="{experts["lucia"].id}"' not in html
    assert "on the team: Shortlisted" in html


def test_an_activity_uses_its_dates_and_shortlists_for_it(client, db, make, roster, staff):
    action, _ = roster
    webinar = h.activity(
        db, action, start_on=date(2021, 10, 2), format=ActivityFormat.ONLINE, title="Webinar"
    )
    response = client.get(f"/actions/{action.id}/activities/{webinar.id}/find-experts")
    html = response.get_data(as_text=True)
    assert "Free on October 2, 2021." in html
    assert f'name="shortlist-activity_id" value="{webinar.id}"' in html
    elsewhere = h.activity(db, h.action(db, make))
    url = f"/actions/{action.id}/activities/{elsewhere.id}/find-experts"
    assert client.get(url).status_code == 404


def test_show_more(client, db, make, staff):
    action = h.action(db, make, themes=["asylum"])
    for n in range(25):
        make.expert(themes={"asylum": "senior"}, last_name=f"Number{n}")
    html = page(client, action).get_data(as_text=True)
    assert len(rows(html)) == 20
    more = re.search(r'href="([^"]+)">Show more', html).group(1).replace("&amp;", "&")
    assert "k=40" in more
    assert len(rows(client.get(more).get_data(as_text=True))) == 25


def test_only_staff_find_experts(client, db, make, login, roster):
    action, _ = roster
    assert page(client, action).status_code in (302, 401)
    login(make.user())
    assert page(client, action).status_code == 403
    assert client.get("/actions/999/find-experts").status_code == 404


def test_an_empty_roster_says_so_on_the_page_and_in_the_api(client, db, make, staff):
    action = h.action(db, make, themes=["asylum"])
    response = page(client, action, why="nobody")
    assert response.status_code == 200
    assert "No approved expert meets these requirements" in response.get_data(as_text=True)
    api = client.post("/api/v1/matches", json={"text": "asylum"})
    assert api.status_code == 200 and api.get_json()["items"] == []


def test_the_weights_panel_stays_open_with_the_weights_just_set(client, db, roster, staff):
    action, _ = roster
    closed = page(client, action).get_data(as_text=True)
    assert re.search(r'<details class="mb-3" id="weights"\s*>', closed)
    args = {"run": "1", "weights-text": "80", "weights-themes": "5"}
    html = page(client, action, **args).get_data(as_text=True)
    assert re.search(r'<details class="mb-3" id="weights"\s+open>', html)
    assert re.search(r'id="weights-text"[^>]*value="80"', html)
    assert re.search(r'id="weights-themes"[^>]*value="5"', html)
    # Re-ranking with the defaults typed back closes it again.
    same = page(client, action, run="1").get_data(as_text=True)
    assert re.search(r'<details class="mb-3" id="weights"\s*>', same)
