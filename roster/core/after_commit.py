"""Work that must follow a commit and never happen without one: deleting files, dropping caches.

A helper that changes rows also knows what outside the database goes with them (a CV file,
a saved index); it registers that work here, and the commit of whoever called it runs it. A
rollback drops it, so a failed request never deletes what the database still points to.
"""

import logging
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

_KEY = "roster.after_commit"


def after_commit(session, callback: Callable[[], None]) -> None:
    """Run callback once the session's transaction commits (not if it rolls back)."""
    session.info.setdefault(_KEY, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run(session: Session) -> None:
    for callback in session.info.pop(_KEY, []):
        try:
            callback()
        except Exception:  # the commit stands: log what could not follow it, never raise
            log.exception("work after the commit failed")


@event.listens_for(Session, "after_rollback")
def _drop(session: Session) -> None:
    session.info.pop(_KEY, None)
