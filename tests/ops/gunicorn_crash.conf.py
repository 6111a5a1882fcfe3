"""Test-only gunicorn settings: the project's, plus a hook that kills the worker mid-request.

A request carrying `X-Test-Crash: after-flush` has its worker killed with SIGKILL right
after its first flush: rows written, transaction not committed, no cleanup of any kind.
"""

import os
import signal
from pathlib import Path

_base = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"
exec(compile(_base.read_text(), str(_base), "exec"))  # noqa: S102 (the project's own settings)


def post_fork(server, worker):
    from flask import has_request_context, request
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    def kill_after_flush(session, flush_context):
        if has_request_context() and request.headers.get("X-Test-Crash") == "after-flush":
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Session, "after_flush", kill_after_flush)
