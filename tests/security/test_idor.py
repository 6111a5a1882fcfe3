"""Changing an id in a URL or an API call never reaches someone else's data.

tests/test_permissions.py proves the status codes of a GET and an empty POST for every route
and caller. This file goes further, generated from the URL map and the app's own pages:

- no page or API answer shown to another expert, a partner's focal point or an anonymous
  caller contains the owner's private data (e-mail, phone, biography, CV text), whatever
  the route;
- every form the owner, staff and a focal point see is sent again, with its VALID body, by
  each of those callers the permission table refuses: refused, and no table changes;
- the API's write routes with an id, called by an expert with a Bearer token: refused, and no
  table changes; walking /api/v1/experts/<id> through every id shows the caller's own only.
"""

import io

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.routing import RequestRedirect

from roster.auth.models import ApiToken
from roster.experts.cv import store_cv
from roster.experts.models import Expert
from tests.experts.pdfs import make_pdf
from tests.permission_world import World
from tests.security.routes import (
    all_routes,
    build_url,
    changed_tables,
    checksum,
    fast_passwords,  # noqa: F401  (a fixture)
    harvest_forms,
    sign_in,
)
from tests.test_permissions import EXPECTED, OK

pytestmark = [pytest.mark.usefixtures("fast_passwords"), pytest.mark.slow]
ROUTES = all_routes()
ATTACKERS = ("other", "anonymous", "focal_point")
PHONE, BIO, CV_TEXT = "+7 700 555 01 99", "Bioprivatemarker owner", "Cvprivatemarker owner"

# Forms no page shows with the owner's world, each with the reason; any other write route
# with an id must be found on a page, so that it is attacked with a body a browser sends.
# These forms show only in a state the world is not in (tests/test_permissions.py still
# proves an empty POST by the other expert is refused).
NOT_ON_A_PAGE = {
    "auth.reset": "reached from an e-mailed link; its token is the secret",
    "actions.invite_expert": "a shortlisted (not yet invited) assignment",
    "actions.remove_from_shortlist": "a shortlisted assignment",
    "actions.complete_assignment": "an accepted assignment",
    "actions.confirm_double_booking": "an assignment that overlaps another",
    "actions.evaluate": "a completed assignment",
    "auth.resend_invitation": "an account invited and not yet set up",
    "auth.reset_two_factor": "an account with two-factor sign-in",
    "experts.confirm_erasure": "an expert who asked for erasure",
    "experts.vet": "a submitted application",
    "taxonomy.reactivate_theme": "a deactivated theme",
    "communities.join": "an open community the caller is not in (the world's is closed)",
    "communities.show": "a post a moderator hid",
}


def _world(make, db, app) -> World:
    """The owner's world, with private data that must never leak, and all its objects."""
    world = World(make, db)
    world.expert.phone, world.expert.biography = PHONE, BIO
    db.session.commit()
    store_cv(world.expert, FileStorage(io.BytesIO(make_pdf(CV_TEXT)), filename="cv.pdf"))
    db.session.commit()
    world.other  # noqa: B018
    for route in ROUTES:
        build_url(app, world, route)  # creates every object a URL names
    return world


def _leaks(body: str, world: World) -> list[str]:
    private = {"e-mail": world.owner.email, "phone": PHONE, "biography": BIO, "CV": CV_TEXT}
    return [name for name, value in private.items() if value in body]


def _refused(response) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code in (401, 403, 404) or (
        response.status_code in (302, 303) and "/auth/login" in location
    )


def test_no_answer_to_another_caller_holds_the_owners_private_data(app, client, login, make, db):
    world = _world(make, db, app)
    leaks = []
    for route in ROUTES:
        if "GET" not in route.methods:
            continue
        url = build_url(app, world, route)
        for role in ATTACKERS:
            sign_in(client, login, world, role)
            response = client.get(url)
            body = response.get_data(as_text=True)
            response.close()
            assert response.status_code < 500, f"{role} GET {url}: {response.status_code}"
            if found := _leaks(body, world):
                leaks.append(f"{role} GET {url}: {', '.join(found)}")
    # The check can fail: the owner's own profile holds every marker.
    sign_in(client, login, world, "owner")
    own = client.get(f"/api/v1/experts/{world.expert.id}").get_data(as_text=True)
    assert set(_leaks(own, world)) >= {"e-mail", "phone", "biography"}
    assert not leaks, "\n".join(leaks)


def _endpoint(app, path: str) -> str | None:
    adapter = app.url_map.bind("localhost")
    try:
        return adapter.match(path, method="POST")[0]
    except RequestRedirect:
        return None
    except Exception:  # a form that posts elsewhere than the app
        return None


def _send(client, form):
    data = MultiDict(form.fields)
    for name in form.files:
        data.add(name, (io.BytesIO(make_pdf()), "file.pdf"))
    return client.post(form.action, data=data, content_type=form.enctype)


def test_valid_forms_sent_by_another_caller_change_nothing(app, client, login, make, db):
    """The owner's and staff's forms, with the bodies their pages hold, replayed by others."""
    world = _world(make, db, app)
    forms = {}
    for role in ("owner", "staff", "admin", "focal_point"):
        sign_in(client, login, world, role)
        start = [
            build_url(app, world, r)
            for r in ROUTES
            if "GET" in r.methods and not r.is_api and EXPECTED[r.endpoint][role] == OK
        ]
        for path, form in harvest_forms(client, start).items():
            forms.setdefault(path, (role, form))
    # Staff pages also link to the other expert's own profile: those forms are theirs.
    sign_in(client, login, world, "other")
    own = harvest_forms(client, ["/experts/me", "/auth/account", "/actions/invitations"])
    attacked, wrong = set(), []
    for path, (owner_role, form) in sorted(forms.items()):
        endpoint = _endpoint(app, path)
        if endpoint is None or endpoint not in EXPECTED or path in own:
            continue
        for role in ATTACKERS:
            if EXPECTED[endpoint][role] == OK:
                continue
            attacked.add(endpoint)
            sign_in(client, login, world, role)
            before = checksum(db)
            response = _send(client, form)
            response.close()
            if not _refused(response):
                wrong.append(f"{role} replayed {owner_role}'s {path}: {response.status_code}")
            elif changed := changed_tables(before, checksum(db)):
                wrong.append(f"{role} replayed {owner_role}'s {path}: changed {changed}")
    assert not wrong, "\n".join(wrong)
    id_writes = {
        r.endpoint
        for r in ROUTES
        if r.writes and r.has_id and not r.is_api and EXPECTED[r.endpoint]["other"] != OK
    }
    unseen = sorted(id_writes - attacked - set(NOT_ON_A_PAGE))
    assert not unseen, f"no page shows a form for {unseen}: link it, or add to NOT_ON_A_PAGE"


API_BODIES = {"api.action_status": {"status": "cancelled", "note": "not mine"}}


@pytest.mark.parametrize(
    "route", [r for r in ROUTES if r.is_api and r.writes and r.has_id], ids=lambda r: r.rule
)
def test_api_write_with_anothers_id_is_refused(app, client, make, db, route):
    world = World(make, db)
    world.expert  # noqa: B018
    url = build_url(app, world, route)
    token, secret = ApiToken.issue(world.other, "other's token")
    db.session.add(token)
    db.session.commit()
    assert route.endpoint in API_BODIES, f"add a valid body for {route.endpoint} to API_BODIES"
    before = checksum(db)
    for headers in ({"Authorization": f"Bearer {secret}"}, {}):
        response = client.open(
            url, method=route.write_method, json=API_BODIES[route.endpoint], headers=headers
        )
        assert response.status_code in (401, 403, 404), response.status_code
        # The caller's own token records its use; nothing else may change.
        assert not set(changed_tables(before, checksum(db))) - {"api_token"}


def test_walking_the_expert_ids_shows_only_ones_own(app, client, make, db):
    world = World(make, db)
    mine = db.session.scalar(db.select(Expert).filter_by(user_id=world.other.id))
    experts = [world.expert, mine] + [make.expert() for _ in range(3)]
    token, secret = ApiToken.issue(world.other, "walker")
    db.session.add(token)
    db.session.commit()
    own, emails = mine.id, {e.email for e in experts}
    for expert_id in range(1, max(e.id for e in experts) + 4):
        for headers in ({"Authorization": f"Bearer {secret}"}, {}):
            response = client.get(f"/api/v1/experts/{expert_id}", headers=headers)
            body = response.get_data(as_text=True)
            if headers and expert_id == own:
                assert response.status_code == 200 and "other@example.org" in body
                continue
            assert response.status_code == (404 if headers else 401), (expert_id, headers)
            assert not any(email in body for email in emails)
