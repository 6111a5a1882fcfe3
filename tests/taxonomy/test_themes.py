"""Admins manage themes: create, edit labels and slug, deactivate; bad input is kept."""

import pytest
import sqlalchemy as sa

from roster.audit.models import AuditEvent
from roster.taxonomy.models import Region, Theme

GOOD = {
    "slug": "climate-mobility",
    "label_en": "Climate mobility",
    "label_fr": "Mobilité climatique",
    "label_es": "Movilidad climática",
}


@pytest.fixture
def admin(make, login):
    return login(make.admin())


def _theme(db, slug):
    return db.session.scalar(sa.select(Theme).filter_by(slug=slug))


def test_admin_creates_a_theme(client, db, admin):
    response = client.post("/taxonomy/themes/new", data=GOOD)
    assert response.status_code == 302
    theme = _theme(db, "climate-mobility")
    assert (theme.label_fr, theme.label_es, theme.active) == (
        "Mobilité climatique",
        "Movilidad climática",
        True,
    )
    event = db.session.scalar(sa.select(AuditEvent).filter_by(action="theme_created"))
    assert event.target_id == theme.id and event.actor_id == admin.id
    listing = client.get("/taxonomy/themes").get_data(as_text=True)
    assert "Movilidad climática" in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "Climate Mobility"}, "Use lowercase letters, digits and single hyphens"),
        ({"slug": "climate--mobility"}, "Use lowercase letters, digits and single hyphens"),
        ({"slug": "-climate"}, "Use lowercase letters, digits and single hyphens"),
        ({"slug": "asylum"}, "This short name is already used."),
        ({"label_fr": "  "}, "This field is required."),
    ],
)
def test_bad_input_is_refused_and_kept(client, db, make, admin, changes, message):
    make.theme("asylum")
    data = {**GOOD, **changes}
    response = client.post("/taxonomy/themes/new", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html
    assert 'aria-invalid="true"' in html
    for name in ("label_en", "label_es"):
        assert f'value="{data[name]}"' in html
    if "slug" in changes:
        assert f'value="{changes["slug"]}"' in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Theme)) == 1


def test_admin_edits_labels_and_slug(client, db, make, admin):
    theme = make.theme("trafficking", label="Trafficking")
    response = client.post(
        f"/taxonomy/themes/{theme.id}/edit",
        data={
            "slug": "trafficking-human-beings",
            "label_en": "Trafficking in human beings",
            "label_fr": "Traite des êtres humains",
            "label_es": "Trata de personas",
            "version": "1",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    theme = db.session.get(Theme, theme.id)
    assert theme.slug == "trafficking-human-beings"
    assert theme.label_es == "Trata de personas"
    event = db.session.scalar(sa.select(AuditEvent).filter_by(action="theme_changed"))
    assert "label_es: Trafficking → Trata de personas" in event.detail


def test_editing_keeps_its_own_slug_but_refuses_anothers(client, db, make, admin):
    make.theme("asylum")
    theme = make.theme("smuggling")
    same = client.post(
        f"/taxonomy/themes/{theme.id}/edit",
        data={**GOOD, "slug": "smuggling", "version": "1"},
    )
    assert same.status_code == 302
    taken = client.post(
        f"/taxonomy/themes/{theme.id}/edit", data={**GOOD, "slug": "asylum", "version": "2"}
    )
    assert taken.status_code == 400
    assert "This short name is already used." in taken.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).slug == "smuggling"


def test_deactivated_theme_stays_on_profiles(client, db, make, admin):
    expert = make.expert(themes={"diaspora": "senior"})
    theme = _theme(db, "diaspora")
    response = client.post(f"/taxonomy/themes/{theme.id}/deactivate")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).active is False
    assert [t.theme.slug for t in expert.themes] == ["diaspora"]
    client.post(f"/taxonomy/themes/{theme.id}/reactivate")
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).active is True
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"theme_deactivated", "theme_reactivated"} <= actions


def test_unknown_theme_is_404(client, admin):
    assert client.get("/taxonomy/themes/999/edit").status_code == 404
    assert client.post("/taxonomy/themes/999/deactivate").status_code == 404


def test_labels_escape_markup(client, db, admin):
    client.post("/taxonomy/themes/new", data={**GOOD, "label_en": "<script>alert(1)</script>"})
    html = client.get("/taxonomy/themes").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


ADMIN_ONLY = [
    ("get", "/taxonomy/"),
    ("get", "/taxonomy/themes"),
    ("get", "/taxonomy/themes/new"),
    ("post", "/taxonomy/themes/new"),
    ("get", "/taxonomy/themes/{theme}/edit"),
    ("post", "/taxonomy/themes/{theme}/edit"),
    ("post", "/taxonomy/themes/{theme}/deactivate"),
    ("post", "/taxonomy/themes/{theme}/reactivate"),
    ("get", "/taxonomy/regions"),
    ("get", "/taxonomy/regions/new"),
    ("post", "/taxonomy/regions/new"),
    ("get", "/taxonomy/regions/{region}/edit"),
    ("post", "/taxonomy/regions/{region}/edit"),
    ("get", "/taxonomy/countries"),
    ("post", "/taxonomy/countries"),
]


@pytest.mark.parametrize("who", ["expert", "staff"])
def test_only_admins_manage_the_taxonomy(client, db, make, login, who):
    theme = make.theme("asylum")
    region = make.region("asia")
    kz = make.country("KZ", "asia")
    login(make.staff() if who == "staff" else make.user())
    data = {**GOOD, "rows-0-code": "KZ", "rows-0-region": ""}
    for method, url in ADMIN_ONLY:
        response = getattr(client, method)(url.format(theme=theme.id, region=region.id), data=data)
        assert response.status_code == 403, (method, url)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Theme)) == 1
    assert db.session.get(Theme, theme.id).slug == "asylum"
    assert db.session.get(Region, region.id).slug == "asia"
    assert db.session.get(type(kz), "KZ").region_id == region.id


def test_anonymous_is_sent_to_sign_in(client):
    for method, url in ADMIN_ONLY:
        response = getattr(client, method)(url.format(theme=1, region=1))
        assert response.status_code in (302, 401), url
        if response.status_code == 302:
            assert "/login" in response.headers["Location"]
