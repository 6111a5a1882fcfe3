"""Search inside a community: the words found are marked in a snippet of the text as readers
see it, written text is escaped, and a closed community's posts are found by its readers only."""

from tests.communities import helpers


def _expert(make, name="Ana", last="Souza"):
    user = make.user()
    make.expert(user=user, first_name=name, last_name=last)
    return user


def test_the_snippet_marks_the_words_and_shows_the_text_not_its_markdown(client, login, make, db):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    body = "Las **medidas COVID-19** en [la frontera](https://example.org/x)"
    helpers.thread(db, community, ana, title="Fronteras", body=body)
    login(ana)
    page = client.get(f"/communities/{community.id}/search?q=Covid-19+frontera").get_data(
        as_text=True
    )
    assert "1 post found" in page
    assert (
        'Las medidas <mark class="p-0">COVID-19</mark> en la <mark class="p-0">frontera</mark>'
        in page
    )
    assert '><mark class="p-0">Frontera</mark>s</a>' in page  # the thread's title too
    assert "**" not in page and "https://example.org/x" not in page


def test_hostile_text_in_a_post_or_the_query_comes_back_escaped(client, login, make, db):
    ana = _expert(make)
    community = helpers.community(db, members=[ana])
    body = 'Look a<b onmouseover="alert(1)">here</b> & `<img src=x onerror=alert(2)>` lookup'
    helpers.thread(db, community, ana, title="Odd", body=body)
    login(ana)
    query = "<img src=x onerror=alert(2)>"
    page = client.get(f"/communities/{community.id}/search", query_string={"q": query}).get_data(
        as_text=True
    )
    assert "1 post found" in page
    assert "<img" not in page and "<b onmouseover" not in page
    # The code span is shown as text, its words marked; the raw tag around "here" is dropped.
    assert (
        'Look ahere &amp; <mark class="p-0">&lt;img</mark> <mark class="p-0">src=x</mark> '
        '<mark class="p-0">onerror=alert(2)&gt;</mark> lookup' in page
    )
    assert 'value="&lt;img src=x onerror=alert(2)&gt;"' in page  # the box keeps the query
    page = client.get(f"/communities/{community.id}/search?q=look").get_data(as_text=True)
    assert '<mark class="p-0">Look</mark> a' in page and '<mark class="p-0">look</mark>up' in page


def test_an_outsider_cannot_search_a_closed_community(client, login, make, db):
    ana, outsider = _expert(make), _expert(make, "Out")
    community = helpers.community(db, members=[ana])
    helpers.thread(db, community, ana, body="Confidential practice")
    login(outsider)
    response = client.get(f"/communities/{community.id}/search?q=confidential")
    assert response.status_code == 404
    assert "Confidential" not in response.get_data(as_text=True)
