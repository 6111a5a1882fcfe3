"""The communities API: the caller's communities and a community's threads, in the OpenAPI
document; a closed community is a 404 to others."""

from tests.communities import helpers


def _expert(make, name="Ana", last="Souza"):
    user = make.user()
    make.expert(user=user, first_name=name, last_name=last)
    return user


def test_an_expert_lists_their_communities_and_the_open_ones(client, make, db, token_for):
    ana, luis = _expert(make), _expert(make, "Luis")
    mine = helpers.community(db, members=[ana], name_en="Borders", name_es="Fronteras")
    helpers.community(db, members=[luis], name_en="Closed to Ana")
    helpers.community(db, is_open=True, name_en="Experts")
    headers = {"Authorization": f"Bearer {token_for(ana)}"}
    body = client.get("/api/v1/communities?lang=es", headers=headers).get_json()
    names = {c["names"]["en"]: c for c in body["communities"]}
    assert set(names) == {"Borders", "Experts"} and body["count"] == 2
    assert names["Borders"]["name"] == "Fronteras" and names["Borders"]["role"] == "member"
    assert names["Experts"]["role"] is None and names["Experts"]["open"] is True
    assert names["Borders"]["threads_url"] == f"/api/v1/communities/{mine.id}/threads"


def test_threads_of_a_community(client, make, db, token_for):
    ana, luis = _expert(make), _expert(make, "Luis", "Pérez")
    community = helpers.community(db, members=[ana, luis])
    thread = helpers.thread(db, community, ana, title="COVID-19 at borders", body="Testing")
    helpers.answer(db, thread, luis, body="Quarantine rules")
    helpers.thread(db, community, luis, title="Other", body="Nothing")
    headers = {"Authorization": f"Bearer {token_for(luis)}"}
    body = client.get(f"/api/v1/communities/{community.id}/threads", headers=headers).get_json()
    assert body["total"] == 2
    first = next(t for t in body["items"] if t["id"] == thread.id)
    assert (first["author"], first["posts"], first["locked"]) == ("Ana Souza", 2, False)
    found = client.get(
        f"/api/v1/communities/{community.id}/threads?q=quarantine", headers=headers
    ).get_json()
    assert [t["title"] for t in found["items"]] == ["COVID-19 at borders"]


def test_a_closed_community_is_a_404_to_others(client, make, db, token_for):
    ana, outsider = _expert(make), _expert(make, "Out")
    community = helpers.community(db, members=[ana])
    headers = {"Authorization": f"Bearer {token_for(outsider)}"}
    response = client.get(f"/api/v1/communities/{community.id}/threads", headers=headers)
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"
    assert client.get(f"/api/v1/communities/{community.id}/threads").status_code == 401
    bad = client.get(f"/api/v1/communities/{community.id}/threads?per_page=0", headers=headers)
    assert bad.status_code == 400


def test_the_openapi_document_describes_them(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["paths"]["/api/v1/communities"]["get"]["operationId"] == "listCommunities"
    operation = spec["paths"]["/api/v1/communities/{community_id}/threads"]["get"]
    assert operation["operationId"] == "listCommunityThreads"
    assert {"200", "400", "401", "404"} <= set(operation["responses"])
