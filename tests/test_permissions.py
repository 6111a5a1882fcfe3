"""Who may open every route: a table generated from the app's URL map.

Each endpoint of the URL map must have a row in EXPECTED, or the test fails: a new route
cannot go untested. A row says, for each of six callers, what must happen:

- OK: not refused (no 401, 403, 404 or redirect to the sign-in page; never a 5xx),
- LOGIN: 401 or a redirect to the sign-in page,
- DENIED: 403,
- MISSING: 404 (a page about someone else answers as if it did not exist).

The callers: anonymous; "owner", an expert whose profile the URL names; "other", another
expert; staff; admin; "focal_point", a partner account of the institution the world's request
and Action belong to (unless a row says otherwise, it is treated as "other" is). URL arguments
come from WORLD_ARGS in tests/permission_world.py (an expert_id is the owner's expert, a
user_id the owner's account, ...), built lazily so that each test creates only what its route
needs; ENDPOINT_ARGS and SETUP below cover the rest.
GET routes are requested with GET, by the six callers in turn; POST-only routes with an
empty POST (CSRF is off in the test config), where only "refused or not" is checked.
"""

import re
from functools import lru_cache

import flask
import pytest
from werkzeug.security import generate_password_hash

from roster import create_app
from tests.permission_world import WORLD_ARGS, World

ROLES = ("anonymous", "owner", "other", "staff", "admin", "focal_point")
OK, LOGIN, DENIED, MISSING = "ok", "login", "403", "404"


def expect(
    anonymous=LOGIN, owner=DENIED, other=DENIED, staff=OK, admin=OK, focal_point=None
) -> dict:
    """A row of the table; the defaults describe a staff-only route. A partner's focal point
    is, unless said otherwise, one more signed-in caller who owns nothing (as "other")."""
    focal_point = other if focal_point is None else focal_point
    values = (anonymous, owner, other, staff, admin, focal_point)
    return dict(zip(ROLES, values, strict=True))


PUBLIC = expect(OK, OK, OK, OK, OK)
SIGNED_IN = expect(owner=OK, other=OK)
STAFF = expect()
ADMIN = expect(staff=DENIED)
OWNER_OR_STAFF = expect(owner=OK, other=MISSING)
OWNER_OR_STAFF_403 = expect(owner=OK, other=DENIED)
# An expert's own pages (any expert's): staff and focal points have no profile to match.
EXPERTS = expect(owner=OK, other=OK, staff=DENIED, admin=DENIED, focal_point=DENIED)
# A focal point's own pages: their institution's requests and Actions.
FOCAL_POINT = expect(owner=DENIED, other=DENIED, staff=DENIED, admin=DENIED, focal_point=OK)


# Values that are not objects of the world, for one endpoint's arguments.
ENDPOINT_ARGS: dict[str, dict] = {
    "toolkit.set_status": {"status": "retired"},
}

# Extra state an endpoint needs before "allowed" can be told from "not found".
SETUP = {
    "experts.cv": World.give_cv,
    "experts.delete_cv": World.give_cv,
}

EXPECTED: dict[str, dict] = {
    # main
    "main.index": PUBLIC,
    "main.healthz": PUBLIC,
    "main.set_language": PUBLIC,
    "main.privacy": PUBLIC,
    # auth: accounts, sign-in, tokens, users
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.register": PUBLIC,
    "auth.check_email": PUBLIC,
    "auth.confirm": PUBLIC,
    "auth.resend_confirmation": PUBLIC,
    "auth.forgot": PUBLIC,
    "auth.reset": PUBLIC,
    "auth.account": SIGNED_IN,
    "auth.change_password": SIGNED_IN,
    "auth.set_locale": SIGNED_IN,
    "auth.create_token": STAFF,
    # the owner's token: only the owner revokes it
    "auth.revoke_token": expect(owner=OK, other=DENIED, staff=DENIED, admin=DENIED),
    # the owner's sessions (browsers): only the owner ends one; an admin ends them all
    "auth.end_session": expect(owner=OK, other=DENIED, staff=DENIED, admin=DENIED),
    "auth.end_other_sessions": SIGNED_IN,
    "auth.end_user_sessions": ADMIN,
    "auth.users": ADMIN,
    "auth.user": ADMIN,
    "auth.change_role": ADMIN,
    "auth.set_active": ADMIN,
    "auth.invite": ADMIN,
    "auth.resend_invitation": ADMIN,
    # two-factor sign-in: the second step, enrolment, recovery codes, an admin's reset
    "auth.two_factor": SIGNED_IN,
    "auth.enrol_two_factor": SIGNED_IN,
    "auth.two_factor_qr": SIGNED_IN,
    "auth.regenerate_recovery_codes": SIGNED_IN,
    # staff and admins must keep their second factor (TWO_FACTOR_ROLES)
    "auth.disable_two_factor": expect(owner=OK, other=OK, staff=DENIED, admin=DENIED),
    "auth.reset_two_factor": ADMIN,
    # experts: the owner's profile, the roster, vetting, imports, erasure
    "experts.me": SIGNED_IN,
    "experts.profile": OWNER_OR_STAFF_403,
    "experts.edit_step": OWNER_OR_STAFF_403,
    "experts.cv": OWNER_OR_STAFF_403,
    "experts.delete_cv": OWNER_OR_STAFF_403,
    # an expert's own data: staff have no profile of their own
    "experts.export_my_data": expect(
        owner=OK, other=OK, staff=MISSING, admin=MISSING, focal_point=MISSING
    ),
    "experts.request_erasure": expect(
        owner=OK, other=OK, staff=MISSING, admin=MISSING, focal_point=MISSING
    ),
    "experts.detail": STAFF,
    "experts.index": STAFF,
    "experts.export": STAFF,
    "experts.vetting": STAFF,
    "experts.vet": STAFF,
    "experts.set_status": STAFF,
    "experts.erasure_queue": STAFF,
    "experts.confirm_erasure": STAFF,
    "experts.import_csv": STAFF,
    "experts.import_template": STAFF,
    "experts.import_job": STAFF,
    # taxonomy: admins only
    "taxonomy.index": ADMIN,
    "taxonomy.themes": ADMIN,
    "taxonomy.create_theme": ADMIN,
    "taxonomy.edit_theme": ADMIN,
    "taxonomy.deactivate_theme": ADMIN,
    "taxonomy.reactivate_theme": ADMIN,
    "taxonomy.regions": ADMIN,
    "taxonomy.create_region": ADMIN,
    "taxonomy.edit_region": ADMIN,
    "taxonomy.countries": ADMIN,
    # audit
    "audit.index": ADMIN,
    # actions: staff, except the public request form and the expert's invitations
    "actions.request_support": PUBLIC,
    "actions.request_thanks": PUBLIC,
    "actions.my_invitations": SIGNED_IN,
    # the owner's invitation: only the invited expert answers it
    "actions.answer_invitation": expect(owner=OK, other=MISSING, staff=MISSING, admin=MISSING),
    "actions.index": STAFF,
    "actions.create": STAFF,
    "actions.detail": STAFF,
    "actions.edit": STAFF,
    "actions.change_status": STAFF,
    "actions.requests": STAFF,
    "actions.create_request": STAFF,
    "actions.request_detail": STAFF,
    "actions.edit_request": STAFF,
    "actions.assess": STAFF,
    "actions.accept": STAFF,
    "actions.decline": STAFF,
    "actions.create_activity": STAFF,
    "actions.edit_activity": STAFF,
    "actions.shortlist": STAFF,
    "actions.remove_from_shortlist": STAFF,
    "actions.invite_expert": STAFF,
    "actions.confirm_double_booking": STAFF,
    "actions.complete_assignment": STAFF,
    "actions.evaluate": STAFF,
    "actions.upload_document": STAFF,
    "actions.download_document": STAFF,
    "actions.delete_document": STAFF,
    "actions.partners": STAFF,
    "actions.create_partner": STAFF,
    "actions.edit_partner": STAFF,
    "actions.invite_focal_point": STAFF,
    "actions.remove_focal_point": STAFF,
    "actions.erase_focal_point": STAFF,
    # a partner's focal point: their institution's requests and Actions, a new request
    "partner.home": FOCAL_POINT,
    "partner.new_request": FOCAL_POINT,
    "partner.request_detail": FOCAL_POINT,
    "partner.action_detail": FOCAL_POINT,
    # a focal point's own data: their copy, and their request for erasure
    "partner.export_my_data": FOCAL_POINT,
    "partner.request_erasure": FOCAL_POINT,
    "actions.find_experts": STAFF,
    # opportunities: experts see the calls ranked for them and answer them; staff publish
    # and close them; a focal point is no expert
    "opportunities.for_me": EXPERTS,
    "opportunities.set_threshold": EXPERTS,
    "opportunities.show": EXPERTS,
    "opportunities.express_interest": EXPERTS,
    "opportunities.withdraw_interest": EXPERTS,
    "opportunities.calls": STAFF,
    "opportunities.create_call": STAFF,
    "opportunities.call_detail": STAFF,
    "opportunities.close_call": STAFF,
    # reports: staff
    "reports.dashboard": STAFF,
    "reports.year_index": STAFF,
    "reports.year": STAFF,
    "reports.year_csv": STAFF,
    "reports.coverage": STAFF,
    # toolkit: learners are signed in; authors and reports are staff
    "toolkit.verify": PUBLIC,
    "toolkit.catalog": SIGNED_IN,
    "toolkit.module": SIGNED_IN,
    "toolkit.resume": SIGNED_IN,
    "toolkit.section": SIGNED_IN,
    "toolkit.read": SIGNED_IN,
    "toolkit.check": SIGNED_IN,
    "toolkit.attachment": SIGNED_IN,
    "toolkit.certificates": SIGNED_IN,
    # the owner's certificate
    "toolkit.certificate": OWNER_OR_STAFF_403,
    "toolkit.manage": STAFF,
    "toolkit.create": STAFF,
    "toolkit.edit": STAFF,
    "toolkit.settings": STAFF,
    "toolkit.set_status": STAFF,
    "toolkit.history": STAFF,
    "toolkit.revision": STAFF,
    "toolkit.add_version": STAFF,
    "toolkit.edit_version": STAFF,
    "toolkit.edit_section": STAFF,
    "toolkit.move_section": STAFF,
    "toolkit.delete_section": STAFF,
    "toolkit.upload": STAFF,
    "toolkit.delete_attachment": STAFF,
    "toolkit.report": STAFF,
    "toolkit.report_module": STAFF,
    "toolkit.report_people": STAFF,
    "toolkit.export": STAFF,
    # communities: members (the owner) and staff; a closed community is hidden from others
    "communities.index": SIGNED_IN,
    "communities.create": STAFF,
    "communities.detail": OWNER_OR_STAFF,
    "communities.edit": expect(owner=DENIED, other=MISSING),
    "communities.search": OWNER_OR_STAFF,
    "communities.members": OWNER_OR_STAFF,
    "communities.add_member": expect(owner=DENIED, other=MISSING),
    # the owner is a member already; staff see every community but join none
    "communities.join": expect(owner=OK, other=MISSING, staff=DENIED, admin=DENIED),
    "communities.leave": OWNER_OR_STAFF,
    "communities.new_thread": OWNER_OR_STAFF,
    "communities.thread": OWNER_OR_STAFF,
    "communities.follow": OWNER_OR_STAFF,
    "communities.history": OWNER_OR_STAFF,
    "communities.file": OWNER_OR_STAFF,
    # the owner's own post: only its author edits it; anyone else reading it may report it
    "communities.edit_post": expect(owner=OK, other=MISSING, staff=DENIED, admin=DENIED),
    "communities.report": expect(owner=DENIED, other=MISSING),
    # moderation: the community's moderators and staff (the owner is a plain member)
    "communities.lock": expect(owner=DENIED, other=MISSING),
    "communities.hide": expect(owner=DENIED, other=MISSING),
    "communities.show": expect(owner=DENIED, other=MISSING),
    "communities.remove_member": expect(owner=DENIED, other=MISSING),
    "communities.queue": expect(owner=DENIED, other=MISSING),
    "communities.dismiss": expect(owner=DENIED, other=MISSING),
    # events: members read, register and download the calendar; moderators and staff plan
    "communities.events": OWNER_OR_STAFF,
    "communities.event": OWNER_OR_STAFF,
    "communities.register": OWNER_OR_STAFF,
    "communities.calendar": OWNER_OR_STAFF,
    "communities.new_event": expect(owner=DENIED, other=MISSING),
    "communities.edit_event": expect(owner=DENIED, other=MISSING),
    # notifications: each person's own; the digest's unsubscribe link is its own secret
    "notifications.index": SIGNED_IN,
    "notifications.open": expect(owner=OK, other=MISSING, staff=MISSING, admin=MISSING),
    "notifications.read_all": SIGNED_IN,
    "notifications.settings": SIGNED_IN,
    "notifications.unsubscribe": PUBLIC,
    # JSON API
    "api.openapi": PUBLIC,
    "api.themes": PUBLIC,
    "api.experts": STAFF,
    "api.expert": OWNER_OR_STAFF,
    "api.modules": SIGNED_IN,
    "api.my_progress": SIGNED_IN,
    "api.actions": STAFF,
    "api.action": STAFF,
    "api.action_status": STAFF,
    "api.matches": STAFF,
    "api.action_matches": STAFF,
    "api.report_year": STAFF,
    "api.report_coverage": STAFF,
    # communities: the caller's own (a closed one is hidden from others, as on the pages)
    "api.communities": SIGNED_IN,
    "api.community_threads": OWNER_OR_STAFF,
    # open calls: ranked for an expert, counted for staff; a focal point is neither
    "api.opportunities": expect(owner=OK, other=OK, focal_point=DENIED),
}


def _routes():
    """Every (endpoint, rule, method) of the URL map, read once at collection."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule)):
        if rule.endpoint == "static":
            continue
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"OPTIONS"})[0]
        yield rule.endpoint, rule.rule, method


ROUTES = list(_routes())
GET_ROUTES = [r for r in ROUTES if r[2] == "GET"]


def _change_cases():
    """POST routes: the refused callers share one world; each allowed caller gets a fresh one."""
    for endpoint, rule, method in ROUTES:
        if method == "GET":
            continue
        row = EXPECTED.get(endpoint, dict.fromkeys(ROLES, OK))
        refused = tuple(role for role in ROLES if row[role] != OK)
        if refused:
            yield endpoint, rule, method, refused
        for role in ROLES:
            if row[role] == OK:
                yield endpoint, rule, method, (role,)


CHANGE_CASES = list(_change_cases())


@lru_cache
def _fast_hash(password: str, method: str = "scrypt", salt_length: int = 16) -> str:
    return generate_password_hash(password, method=method, salt_length=salt_length)


@pytest.fixture(autouse=True)
def _hash_each_password_once(monkeypatch):
    """Hundreds of tests build the same accounts: hash each password once per run."""
    monkeypatch.setattr("roster.auth.models.generate_password_hash", _fast_hash)


def test_every_endpoint_has_a_row():
    missing = sorted({endpoint for endpoint, _rule, _method in ROUTES} - set(EXPECTED))
    assert not missing, "add these endpoints to EXPECTED in tests/test_permissions.py: " + (
        ", ".join(missing)
    )


def test_no_row_for_a_route_that_is_gone():
    stale = sorted(set(EXPECTED) - {endpoint for endpoint, _rule, _method in ROUTES})
    assert not stale, f"EXPECTED names endpoints the app no longer has: {stale}"


def _outcome(response) -> str:
    if response.status_code >= 500:
        return f"server error {response.status_code}"
    location = response.headers.get("Location", "")
    if response.status_code == 401 or (
        response.status_code in (301, 302, 303, 307, 308)
        and re.search(r"/auth/login(\?|$)", location)
    ):
        return LOGIN
    if response.status_code == 403:
        return DENIED
    if response.status_code == 404:
        return MISSING
    return OK


def _url(app, world: World, endpoint: str, rule_text: str) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.rule == rule_text)
    values = {}
    for name in sorted(rule.arguments):
        if name in ENDPOINT_ARGS.get(endpoint, {}):
            values[name] = ENDPOINT_ARGS[endpoint][name]
        elif name in WORLD_ARGS:
            values[name] = WORLD_ARGS[name](world)
        else:
            pytest.fail(f"{endpoint}: no value for <{name}>: add it to WORLD_ARGS or ENDPOINT_ARGS")
    return rule.build(values)[1]


def _prepare(app, make, db, endpoint, rule):
    if endpoint not in EXPECTED:
        pytest.fail(f"{endpoint} has no row in EXPECTED in tests/test_permissions.py")
    world = World(make, db)
    world.expert  # noqa: B018  (the owner always has a profile)
    world.other  # noqa: B018  (and so does the other expert)
    if endpoint in SETUP:
        SETUP[endpoint](world)
    return world, _url(app, world, endpoint, rule)


def _request_as(client, login, world, role, method, url):
    if role == "anonymous":
        with client.session_transaction() as session:
            session.clear()
        flask.g.pop("_login_user", None)
    else:
        login(getattr(world, role))
    return client.open(url, method=method)


@pytest.mark.parametrize(("endpoint", "rule", "method"), GET_ROUTES, ids=[r[1] for r in GET_ROUTES])
def test_who_may_open(app, client, login, make, db, endpoint, rule, method):
    """Every caller of a page gets what the table says (one world, the six callers in turn)."""
    world, url = _prepare(app, make, db, endpoint, rule)
    wrong = []
    for role in ROLES:
        response = _request_as(client, login, world, role, method, url)
        response.close()  # downloads hold their file open until closed
        got, wanted = _outcome(response), EXPECTED[endpoint][role]
        if got != wanted:
            wrong.append(f"{role}: wanted {wanted}, got {got} ({response.status_code})")
    assert not wrong, f"{endpoint} GET {url}\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("endpoint", "rule", "method", "roles"),
    CHANGE_CASES,
    ids=[f"{c[1]}-{'+'.join(c[3])}" for c in CHANGE_CASES],
)
def test_who_may_change(app, client, login, make, db, endpoint, rule, method, roles):
    """An empty POST: refused for whom the table refuses, not refused for the others."""
    world, url = _prepare(app, make, db, endpoint, rule)
    wrong = []
    for role in roles:
        response = _request_as(client, login, world, role, method, url)
        response.close()
        got, wanted = _outcome(response), EXPECTED[endpoint][role]
        if (got != OK) if wanted == OK else (got not in (LOGIN, DENIED, MISSING)):
            wrong.append(f"{role}: wanted {wanted}, got {got} ({response.status_code})")
    assert not wrong, f"{endpoint} {method} {url}\n" + "\n".join(wrong)
