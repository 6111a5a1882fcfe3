"""Taxonomy pages say how many experts use a theme or a region (experts answer its signals)."""

import pytest

from roster.taxonomy.signals import experts_in_countries, experts_per_theme


@pytest.fixture
def admin(make, login):
    return login(make.admin())


def test_theme_usage_counts_the_profiles_with_each_theme(make):
    asylum, trafficking = make.theme("asylum"), make.theme("trafficking")
    make.expert(themes={"asylum": "senior"})
    make.expert(themes={"asylum": "senior", "trafficking": "senior"})
    assert experts_per_theme() == {asylum.id: 2, trafficking.id: 1}
    assert experts_per_theme([trafficking.id]) == {trafficking.id: 1}


def test_country_usage_counts_each_expert_once(make):
    make.expert(countries={"FJ": "pacific", "WS": "pacific"})
    make.expert(countries={"FR": None})
    assert experts_in_countries(["FJ", "WS"]) == 1
    assert experts_in_countries([]) == 0


def test_edit_pages_show_the_counts(client, make, admin):
    theme = make.theme("asylum")
    make.expert(themes={"asylum": "senior"}, countries={"FJ": "pacific"})
    page = client.get(f"/taxonomy/themes/{theme.id}/edit").get_data(as_text=True)
    assert "1 expert profile has this theme." in page
    region = make.region("pacific")
    page = client.get(f"/taxonomy/regions/{region.id}/edit").get_data(as_text=True)
    assert "1 expert has experience here." in page
