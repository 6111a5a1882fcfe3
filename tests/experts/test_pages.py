"""Every page of the experts area renders what its users need."""

import pytest

from roster.experts.models import Status
from roster.experts.profile import STEP_NAMES


@pytest.mark.parametrize("step", STEP_NAMES)
def test_each_step_shows_the_stepper_and_its_form(client, make, login, step):
    user = make.user()
    expert = make.expert(user=user, status=Status.DRAFT, themes={"asylum": "senior"})
    login(user)
    html = client.get(f"/experts/{expert.id}/edit/{step}").get_data(as_text=True)
    assert 'aria-current="step"' in html
    assert f'name="version" type="hidden" value="{expert.version}"' in html
    if step == "themes":
        assert html.count('name="themes-') >= 4 * 2  # the existing row plus three blank ones
        assert "Add another" in html


def test_overview_lists_what_is_missing_with_links(client, make, login):
    user = make.user()
    expert = make.expert(user=user, status=Status.DRAFT)
    login(user)
    html = client.get(f"/experts/{expert.id}/profile").get_data(as_text=True)
    assert f'href="/experts/{expert.id}/edit/cv">CV</a>' in html
    assert "Download all my data" in html


def test_staff_pages_link_to_their_tools(client, make, login):
    expert = make.expert(status=Status.APPLIED)
    login(make.staff())
    html = client.get(f"/experts/{expert.id}").get_data(as_text=True)
    assert 'name="decision"' in html and f"/experts/{expert.id}/edit/about" in html
    html = client.get("/experts/").get_data(as_text=True)
    assert "/experts/import" in html and "/experts/vetting" in html
    html = client.get("/experts/import").get_data(as_text=True)
    assert "themes" in html and "/experts/import/template.csv" in html
    html = client.get("/experts/erasure").get_data(as_text=True)
    assert "No request is waiting." in html


def test_navigation_shows_my_profile_to_experts_and_roster_to_staff(client, make, login):
    login(make.user())
    html = client.get("/").get_data(as_text=True)
    assert 'href="/experts/me"' in html and 'href="/experts/"' not in html
    login(make.staff())
    html = client.get("/").get_data(as_text=True)
    assert 'href="/experts/"' in html and 'href="/experts/vetting"' in html
