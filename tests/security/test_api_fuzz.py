"""The API fuzzed from its own OpenAPI description with schemathesis, in-process.

Every operation of `/api/v1/openapi.json` gets generated requests (valid and invalid
parameters and bodies), as staff and as an expert, on a small roster with Actions. The
answers must never be a server error, must carry a status code the description documents,
a documented content type, and a body that conforms to the documented schema. Generation is
derandomised and bounded, so a run is repeatable and short.
"""

import flask
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from roster import create_app
from roster.auth.models import ApiToken
from roster.core.time import utcnow
from roster.toolkit.progress_models import Progress
from tests.actions import helpers
from tests.permission_world import World

pytestmark = pytest.mark.slow

SPEC_PATH = "/api/v1/openapi.json"
MAX_EXAMPLES = 12
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _operations() -> list[str]:
    """Every operation's label ("GET /api/v1/experts"), read once at collection."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    schema = schemathesis.openapi.from_wsgi(SPEC_PATH, app)
    return sorted(result.ok().label for result in schema.get_all_operations())


OPERATIONS = _operations()


def _seed(db, make) -> World:
    """Experts (one with a CV), Actions with an activity and a team, a request, a module read."""
    world = World(make, db)
    world.give_cv()
    world.other  # noqa: B018
    make.expert(themes={"asylum": "experienced"}, languages={"es": "B2"}, countries={"CR": None})
    world.assignment  # noqa: B018  (an Action with the owner invited to it)
    world.activity  # noqa: B018
    world.partner_request  # noqa: B018
    world.certificate  # noqa: B018  (a module, and the owner's certificate of it)
    db.session.add(
        Progress(
            user_id=world.owner.id, module_id=world.module.id, language="en", completed_at=utcnow()
        )
    )
    db.session.commit()
    helpers.action(db, make, country="CR", region="americas", themes=("asylum",))
    return world


def _real_ids(world: World, case) -> dict:
    """Ids of seeded objects for the path parameters the case has."""
    known = {"action_id": world.action.id, "expert_id": world.expert.id, "year": 2021}
    return {name: known[name] for name in case.path_parameters if name in known}


def _bearer(db, user) -> dict:
    token, secret = ApiToken.issue(user, "fuzzing")
    db.session.add(token)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.parametrize("caller", ["staff", "owner"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_api_answers_as_documented(app, db, make, caller, label):
    """Generated requests to one operation never get a 500 or an undocumented answer."""
    world = _seed(db, make)
    headers = _bearer(db, getattr(world, caller))
    schema = schemathesis.openapi.from_wsgi(SPEC_PATH, app)
    method, path = label.split(" ", 1)
    operation = schema[path][method]

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        case=st.one_of(
            operation.as_strategy(schemathesis.GenerationMode.POSITIVE),
            operation.as_strategy(schemathesis.GenerationMode.NEGATIVE),
        ),
        real_ids=st.booleans(),
    )
    def run(case, real_ids):
        if real_ids and case.path_parameters:
            # Random ids almost never exist: half the time, aim at the seeded objects.
            case.path_parameters = {**case.path_parameters, **_real_ids(world, case)}
        # One app context lives through the whole test: forget the user of the last call.
        flask.g.pop("_login_user", None)
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)
        db.session.rollback()

    run()
