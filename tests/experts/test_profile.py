"""The expert's own profile in steps: saving, errors kept, completeness, duplicates, access."""

import re
from datetime import date

import pytest

from roster.audit.models import AuditEvent
from roster.experts.models import Expert, Status


@pytest.fixture
def draft(make, login):
    """A signed-in expert with an empty draft profile."""
    user = make.user()
    expert = make.expert(user=user, status=Status.DRAFT, first_name="", last_name="x")
    expert.last_name = ""
    expert.consent_at = None
    make.db.session.commit()
    login(user)
    return expert


def about_data(expert, **overrides):
    data = {
        "version": str(expert.version),
        "first_name": "Amina",
        "last_name": "Diallo",
        "email": "amina@example.org",
        "phone": "+221 1",
        "nationality": "SN",
        "employer": "Ministry",
        "employer_type": "partner_admin",
        "position": "Head of unit",
        "years_experience": "12",
        "biography": "Twelve years of border management work in West Africa and beyond.",
    }
    data.update(overrides)
    return data


def test_me_redirects_to_own_profile(client, draft):
    response = client.get("/experts/me")
    assert response.headers["Location"].endswith(f"/experts/{draft.id}/profile")


def test_me_creates_a_draft_for_an_account_without_one(client, make, login, db):
    user = login(make.user())
    response = client.get("/experts/me")
    expert = db.session.scalar(db.select(Expert).filter_by(user_id=user.id))
    assert expert is not None and expert.status == Status.DRAFT
    assert response.headers["Location"].endswith(f"/experts/{expert.id}/profile")


def test_about_step_saves_and_moves_on(client, draft, db):
    response = client.post(f"/experts/{draft.id}/edit/about", data=about_data(draft))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/experts/{draft.id}/edit/themes")
    expert = db.session.get(Expert, draft.id)
    assert (expert.first_name, expert.nationality, expert.years_experience) == ("Amina", "SN", 12)
    assert expert.employer_type.value == "partner_admin"


def test_about_step_with_bad_input_keeps_what_was_typed(client, draft, db):
    data = about_data(draft, email="not-an-address", years_experience="200", first_name="Zoé")
    response = client.post(f"/experts/{draft.id}/edit/about", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'value="not-an-address"' in html and 'value="Zoé"' in html
    assert 'id="email-error"' in html and 'id="years_experience-error"' in html
    assert 'aria-invalid="true"' in html
    assert db.session.get(Expert, draft.id).first_name == ""


def test_completeness_counts_what_is_filled(client, draft, make, db):
    page = client.get(f"/experts/{draft.id}/profile").get_data(as_text=True)
    assert 'aria-valuenow="7"' in page  # only the contact e-mail of 14 items
    assert "At least one theme" in page
    client.post(f"/experts/{draft.id}/edit/about", data=about_data(draft))
    page = client.get(f"/experts/{draft.id}/profile").get_data(as_text=True)
    assert 'aria-valuenow="57"' in page  # the 8 items of the first step
    assert "First and last name" not in page


def test_themes_rows_saved_and_duplicates_rejected(client, draft, make, db):
    asylum, data_theme = make.theme("asylum"), make.theme("migration-data")
    form = {
        "version": str(draft.version),
        "themes-0-theme": str(asylum.id),
        "themes-0-depth": "senior",
        "themes-1-theme": str(asylum.id),
        "themes-1-depth": "working",
        "themes-2-theme": str(data_theme.id),
        "themes-2-depth": "experienced",
    }
    response = client.post(f"/experts/{draft.id}/edit/themes", data=form)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="themes-1-theme-error"' in html
    assert "Each theme may be chosen only once." in html
    assert db.session.get(Expert, draft.id).themes == []
    form["themes-1-theme"] = ""
    response = client.post(f"/experts/{draft.id}/edit/themes", data=form)
    assert response.status_code == 302
    expert = db.session.get(Expert, draft.id)
    assert {(t.theme.slug, t.depth.value) for t in expert.themes} == {
        ("asylum", "senior"),
        ("migration-data", "experienced"),
    }


def test_remove_a_theme_row(client, draft, make, db):
    asylum = make.theme("asylum")
    client.post(
        f"/experts/{draft.id}/edit/themes",
        data={"version": "1", "themes-0-theme": str(asylum.id), "themes-0-depth": "senior"},
    )
    expert = db.session.get(Expert, draft.id)
    form = {
        "version": str(expert.version),
        "themes-0-theme": str(asylum.id),
        "themes-0-depth": "senior",
        "themes-0-remove": "y",
    }
    assert client.post(f"/experts/{draft.id}/edit/themes", data=form).status_code == 302
    assert db.session.get(Expert, draft.id).themes == []


def test_add_another_row_keeps_input_without_saving(client, draft, make, db):
    asylum = make.theme("asylum")
    form = {
        "version": str(draft.version),
        "themes-0-theme": str(asylum.id),
        "themes-0-depth": "senior",
        "add_row": "Add another",
    }
    html = client.post(f"/experts/{draft.id}/edit/themes", data=form).get_data(as_text=True)
    assert 'id="themes-1-theme"' in html
    assert f'<option selected value="{asylum.id}">' in html
    assert db.session.get(Expert, draft.id).themes == []


def test_languages_with_levels_and_duplicates(client, draft, db):
    form = {
        "version": str(draft.version),
        "languages-0-code": "fr",
        "languages-0-level": "native",
        "languages-1-code": "fr",
        "languages-1-level": "B1",
    }
    response = client.post(f"/experts/{draft.id}/edit/languages", data=form)
    assert "Each language may be listed only once." in response.get_data(as_text=True)
    form["languages-1-code"] = "en"
    assert client.post(f"/experts/{draft.id}/edit/languages", data=form).status_code == 302
    expert = db.session.get(Expert, draft.id)
    assert {(x.code, x.level, x.level_rank) for x in expert.languages} == {
        ("fr", "native", 6),
        ("en", "B1", 2),
    }


def test_countries_with_region_shown(client, draft, make, db):
    make.country("BJ", region="west-africa")
    form = {"version": str(draft.version), "countries-0-code": "BJ", "countries-1-code": "KZ"}
    assert client.post(f"/experts/{draft.id}/edit/countries", data=form).status_code == 302
    expert = db.session.get(Expert, draft.id)
    assert sorted(c.country_code for c in expert.countries) == ["BJ", "KZ"]
    html = client.get(f"/experts/{draft.id}/edit/countries").get_data(as_text=True)
    assert "West Africa" in html


def test_unavailability_periods_checked(client, draft, db):
    form = {
        "version": str(draft.version),
        "days_per_year": "40",
        "periods-0-start": "2026-05-10",
        "periods-0-end": "2026-05-01",
        "periods-0-note": "Leave",
    }
    response = client.post(f"/experts/{draft.id}/edit/availability", data=form)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "The end must not be before the start." in html and 'value="Leave"' in html
    form["periods-0-end"] = "2026-05-20"
    assert client.post(f"/experts/{draft.id}/edit/availability", data=form).status_code == 302
    expert = db.session.get(Expert, draft.id)
    assert expert.days_per_year == 40
    assert [(u.start, u.end) for u in expert.unavailability] == [
        (date(2026, 5, 10), date(2026, 5, 20))
    ]


def test_stale_version_is_refused_and_input_kept(client, draft, db):
    stale = str(draft.version)
    draft.phone = "changed elsewhere"
    db.session.commit()
    response = client.post(
        f"/experts/{draft.id}/edit/about", data=about_data(draft, version=stale, position="Mine")
    )
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "changed by someone else" in html and 'value="Mine"' in html
    assert db.session.get(Expert, draft.id).position is None
    # Saving again, knowingly, goes through with the version the refusal handed back.
    current = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    response = client.post(
        f"/experts/{draft.id}/edit/about", data=about_data(draft, version=current, position="Mine")
    )
    assert response.status_code == 302
    assert db.session.get(Expert, draft.id).position == "Mine"


def test_expert_cannot_see_or_edit_another(client, draft, make, db):
    other = make.expert(user=make.user(), first_name="Other")
    assert client.get(f"/experts/{other.id}/profile").status_code == 403
    assert client.get(f"/experts/{other.id}/edit/about").status_code == 403
    response = client.post(f"/experts/{other.id}/edit/about", data=about_data(other))
    assert response.status_code == 403
    assert db.session.get(Expert, other.id).first_name == "Other"
    assert client.get("/experts/").status_code == 403
    assert client.get(f"/experts/{other.id}").status_code == 403
    assert client.get("/experts/99999/profile").status_code == 404


def test_signed_out_visitor_is_sent_to_sign_in(client, make):
    expert = make.expert()
    response = client.get(f"/experts/{expert.id}/edit/about")
    assert response.status_code in (302, 401)


def test_staff_edit_is_audited_with_fields(client, make, login, db):
    expert = make.expert(first_name="Old")
    staff = login(make.staff())
    response = client.post(
        f"/experts/{expert.id}/edit/about",
        data=about_data(expert, first_name="New", last_name=expert.last_name),
    )
    assert response.status_code == 302
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="profile_changed"))
    assert event.actor_id == staff.id and event.target_id == expert.id
    assert "first_name" in event.detail and "biography" in event.detail
    assert "last_name" not in event.detail.split("fields: ")[1].split(", ")


def test_own_edit_is_not_audited(client, draft, db):
    client.post(f"/experts/{draft.id}/edit/about", data=about_data(draft))
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="profile_changed")) is None


def test_erased_profile_cannot_be_edited(client, make, login, db):
    expert = make.expert()
    expert.erased_at = expert.created_at
    db.session.commit()
    login(make.staff())
    assert client.get(f"/experts/{expert.id}/edit/about").status_code == 403


def test_unknown_step_is_404(client, draft):
    assert client.get(f"/experts/{draft.id}/edit/nothing").status_code == 404
