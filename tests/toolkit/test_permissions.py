"""Who may see and change what in the toolkit."""

import pytest

from roster.toolkit.models import ModuleStatus


@pytest.mark.parametrize(
    "url", ["/toolkit/", "/toolkit/online-facilitation/", "/toolkit/online-facilitation/en/1"]
)
def test_signed_out_visitors_are_sent_to_sign_in(client, make_module, url):
    make_module()
    response = client.get(url)
    assert response.status_code in (302, 401)
    if response.status_code == 302:
        assert "/auth/login" in response.headers["Location"]


def test_experts_cannot_author_or_read_reports(client, login, make, make_module):
    module = make_module()
    login(make.user())
    for url in (
        "/toolkit/manage/",
        "/toolkit/manage/new",
        f"/toolkit/manage/{module.id}/",
        f"/toolkit/manage/{module.id}/settings",
        f"/toolkit/manage/{module.id}/en",
        f"/toolkit/manage/{module.id}/history",
        "/toolkit/reports/",
        "/toolkit/reports/people",
        f"/toolkit/reports/modules/{module.id}",
        "/toolkit/reports/export.csv",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/toolkit/manage/{module.id}/status/retired").status_code == 403
    section = module.translations[0].sections[0]
    assert (
        client.post(f"/toolkit/manage/{module.id}/en/sections/{section.id}/delete").status_code
        == 403
    )


def test_drafts_and_retired_modules_are_hidden_from_experts(client, login, make, make_module):
    make_module(slug="draft-one", status=ModuleStatus.DRAFT)
    make_module(slug="retired-one", status=ModuleStatus.RETIRED)
    make_module(slug="live-one")
    login(make.user())
    page = client.get("/toolkit/").get_data(as_text=True)
    assert "live-one" in page and "draft-one" not in page and "retired-one" not in page
    assert client.get("/toolkit/draft-one/").status_code == 403
    assert client.get("/toolkit/retired-one/en/1").status_code == 403


def test_authors_preview_drafts(client, login, make, make_module):
    make_module(slug="draft-one", status=ModuleStatus.DRAFT)
    login(make.staff())
    page = client.get("/toolkit/draft-one/").get_data(as_text=True)
    assert "Preview: this module is a draft" in page


def test_unknown_things_are_not_found(client, login, make, make_module):
    make_module()
    login(make.user())
    for url in (
        "/toolkit/nope/",
        "/toolkit/online-facilitation/de/1",
        "/toolkit/online-facilitation/en/99",
        "/toolkit/certificates/AAAABBBBCCCC",
    ):
        assert client.get(url).status_code == 404, url
