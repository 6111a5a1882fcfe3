"""The pieces of `make load` that can be checked in seconds (not its timings): the wrk
scripts against a stand-in server, the parsing of their result line, the seeded update
lines posted through the real profile form, and the check that finds a lost update."""

import shutil
import threading
import urllib.parse

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from bench.load import database, report, seed, wrk
from tests.conftest import need

pytestmark = pytest.mark.slow

SAMPLE = (
    "Running 1s test @ http://127.0.0.1:1\n"
    'LOAD-RESULT {"requests": 40, "duration_us": 2000000, "ok": 38, "failed": 2, '
    '"connect": 0, "read": 1, "write": 0, "status": 2, "timeout": 0, '
    '"p50_us": 1500, "p99_us": 9000, "max_us": 12000, "confirmed": 0}\n'
)


def test_result_line_is_parsed_and_errors_add_up():
    result = wrk.parse(SAMPLE)
    assert result.rps == 20.0
    assert result.errors == 3  # two answers other than 2xx/3xx and one read error
    assert result.p99_us == 9000
    table = report.table({"match": result})
    assert "| match | 40 | 20.0 | 1.5 | 9.0 | 3 | 0.0 |" in table
    assert any("3 errors" in m for m in report.misses({"match": result}, None, 16))


def test_output_without_the_result_line_is_an_error():
    with pytest.raises(ValueError, match="LOAD-RESULT"):
        wrk.parse("Running 1s test\n  Latency 1ms\n")


def test_match_p99_target():
    fast = wrk.parse(SAMPLE.replace('"failed": 2', '"failed": 0').replace('"read": 1', '"read": 0'))
    assert report.misses({"match": fast}, None, 16) == []
    slow = wrk.parse(SAMPLE.replace('"p99_us": 9000', '"p99_us": 300000'))
    assert any("p99 300 ms" in m for m in report.misses({"match": slow}, None, 16))


class StandIn:
    """Answers the update script as the app does: a redirect naming the expert, except
    for expert 3 (a conflict), so the script must not count that one as stored."""

    def __init__(self):
        self.posted: dict[int, dict] = {}
        self.posts = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        request = Request(environ)
        parts = request.path.strip("/").split("/")
        if request.method == "POST" and parts[:1] == ["experts"] and parts[2:] == ["edit", "about"]:
            expert_id = int(parts[1])
            with self.lock:
                self.posts += 1
                self.posted[expert_id] = dict(request.form) | {
                    "cookie": request.headers.get("Cookie", "")
                }
            if expert_id == 3:
                return Response("stale", status=409)(environ, start_response)
            location = f"/experts/{expert_id}/edit/themes"
            return Response("", status=302, headers={"Location": location})(environ, start_response)
        return Response("ok")(environ, start_response)


def test_update_script_writes_each_expert_once_and_reports_the_confirmed(tmp_path):
    binary = shutil.which("wrk")
    if binary is None:
        need("wrk is not installed (apt-get install wrk)")
    lines = [f"{i} 1 first_name=A&last_name=N{i}&email=x{i}%40example.org" for i in range(1, 41)]
    (tmp_path / "updates.txt").write_text("\n".join(lines) + "\n")
    stand_in = StandIn()
    server = make_server("127.0.0.1", 0, stand_in, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = {
        "LOAD_COOKIE": "session=abc",
        "LOAD_CSRF": "tok.en-1",
        "LOAD_DATA": str(tmp_path / "updates.txt"),
        "LOAD_TAG": "t1",
        "LOAD_OUT": str(tmp_path / "confirmed.txt"),
    }
    try:
        result, _text = wrk.run(
            binary,
            f"http://127.0.0.1:{server.server_port}",
            "update",
            tmp_path,
            env,
            threads=2,
            connections=2,
            duration=2,
        )
    finally:
        server.shutdown()
    # Each expert is written at most once (a thread stops when its lines run out); wrk calls
    # the first thread's request() once to check it and drops it: expert 1 is never sent.
    # How far the threads get in a second depends on the machine, so only what was
    # answered is compared.
    assert stand_in.posts == len(stand_in.posted) > 0
    assert 1 not in stand_in.posted and set(stand_in.posted) <= set(range(2, 41))
    sent = next(iter(stand_in.posted.items()))
    expert_id, form = sent
    assert form["position"] == f"t1-{expert_id}" and form["version"] == "1"
    assert form["csrf_token"] == "tok.en-1" and form["email"] == f"x{expert_id}@example.org"
    assert form["cookie"] == "session=abc"
    confirmed = sorted(int(x) for x in (tmp_path / "confirmed.txt").read_text().split())
    # Every redirect is confirmed, the conflict is not (answers in flight at the end are
    # neither: wrk does not read them).
    assert set(confirmed) <= set(stand_in.posted) - {3}
    assert len(set(stand_in.posted) - {3} - set(confirmed)) <= 2  # one per connection at most
    assert result.confirmed == len(confirmed) <= result.ok
    assert result.failed <= 1  # the conflict, when its answer was read


def test_seeded_lines_post_through_the_profile_form_and_the_check_finds_a_lost_one(
    app, db, client, login
):
    from roster.auth.models import User
    from roster.experts.models import Expert

    staff = seed.populate(db, experts=6, actions=2)
    lines = seed.update_lines(db)
    assert len(lines) == 6
    login(db.session.scalar(db.select(User).where(User.email == staff["email"])))
    before = {e.id: e.biography for e in db.session.scalars(db.select(Expert))}
    confirmed = []
    for line in lines[:4]:
        expert_id, version, fields = line.split(" ", 2)
        data = urllib.parse.parse_qs(fields, keep_blank_values=True)
        data |= {"version": version, "position": f"t9-{expert_id}"}
        answer = client.post(f"/experts/{expert_id}/edit/about", data=data)
        assert answer.status_code == 302, answer.text[:500]
        confirmed.append(int(expert_id))
    db.session.expire_all()
    after = {e.id: (e.biography, e.position) for e in db.session.scalars(db.select(Expert))}
    # The form is posted whole: the biography stays, only the position changes.
    assert all(after[i][0] == before[i] and after[i][1] == f"t9-{i}" for i in confirmed)
    assert database.check_updates(db.engine, "t9", confirmed) == {
        "stored": 4,
        "confirmed": 4,
        "missing": [],
        "unconfirmed": 0,
    }
    # An update answered as saved but not in the database is reported as missing.
    lost = database.check_updates(db.engine, "t9", [*confirmed, 5])
    assert lost["missing"] == [5]
    assert any("not stored" in m for m in report.misses({}, lost, 16))


def test_token_use_is_written_at_most_once_a_minute(app, db, client, make):
    """The API's hot path reads the token; its "last used" time is written once a minute."""
    from datetime import timedelta

    from roster.auth.models import ApiToken

    staff = make.staff()
    token, secret = ApiToken.issue(staff, "load")
    db.session.add(token)
    db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/themes", headers=headers).status_code == 200
    db.session.expire_all()
    first = token.last_used_at
    assert first is not None
    assert client.get("/api/v1/themes", headers=headers).status_code == 200
    db.session.expire_all()
    assert token.last_used_at == first  # within the minute: no write
    token.last_used_at = first - timedelta(minutes=2)
    db.session.commit()
    assert client.get("/api/v1/themes", headers=headers).status_code == 200
    db.session.expire_all()
    assert token.last_used_at > first - timedelta(minutes=2)


def test_search_targets():
    fast = wrk.parse(SAMPLE.replace('"failed": 2', '"failed": 0').replace('"read": 1', '"read": 0'))
    fast.requests, fast.duration_us = 2000, 10_000_000  # 200 requests/s
    assert report.misses({"search": fast}, None, 16) == []
    fast.p99_us = 250_000
    assert any("search: p99 250 ms" in m for m in report.misses({"search": fast}, None, 16))
    fast.p99_us, fast.requests = 9000, 900  # 90 requests/s
    assert any("90 requests/s" in m for m in report.misses({"search": fast}, None, 16))


def test_profile_asks_the_search_scenarios_pages():
    from bench.load.profile import search_pages

    pages = search_pages()
    assert len(pages) == 45  # the 15 queries of scripts/search.lua, on pages 1 to 3
    assert pages[0] == "/experts/?q=asylum&page=1"
    assert "/experts/?language=es&min_level=C1&page=1" in pages
    assert {p.rsplit("=", 1)[1] for p in pages} == {"1", "2", "3"}
