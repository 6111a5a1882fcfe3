"""What became of the partners' requests of a year: by source, and per awareness session.

A request is counted in the year it was received, whatever the year it was accepted in: a
request received in December 2021 and accepted in 2022 is one of 2021's requests that
became an Action (the report of 2021, written later, shows it as such).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from roster.actions.figures import requests_in_year
from roster.actions.models import Request
from roster.actions.states import RequestSource, RequestStatus
from roster.extensions import db


@dataclass
class FunnelRow:
    """The requests of one source: how many came in and where each stands now."""

    source: RequestSource | None  # None for the total row
    received: int = 0
    pending: int = 0  # received, not yet assessed
    under_assessment: int = 0
    accepted: int = 0
    became_actions: int = 0
    declined: int = 0

    def add(self, req: Request) -> None:
        """Count one request under its current status."""
        self.received += 1
        if req.status == RequestStatus.RECEIVED:
            self.pending += 1
        elif req.status == RequestStatus.UNDER_ASSESSMENT:
            self.under_assessment += 1
        elif req.status == RequestStatus.ACCEPTED:
            self.accepted += 1
            self.became_actions += req.action_id is not None
        elif req.status == RequestStatus.DECLINED:
            self.declined += 1

    @property
    def label(self) -> str:
        """The source's name in the reader's language."""
        return self.source.label if self.source else ""


@dataclass
class SessionFunnel:
    """The requests one awareness session brought in, and how many became Actions."""

    name: str
    first_on: date
    received: int = 0
    became_actions: int = 0
    countries: list[str] = field(default_factory=list)


def _year_requests(year: int) -> list[Request]:
    return list(db.session.scalars(requests_in_year(year)))


def request_funnel(year: int) -> tuple[list[FunnelRow], FunnelRow]:
    """The year's requests by source (sources with requests only) and the total row."""
    rows = {source: FunnelRow(source) for source in RequestSource}
    total = FunnelRow(None)
    for req in _year_requests(year):
        rows[req.source].add(req)
        total.add(req)
    return [row for row in rows.values() if row.received], total


def awareness_sessions(year: int) -> list[SessionFunnel]:
    """Each awareness session of the year (by its name as staff typed it), oldest first."""
    grouped: dict[str, list[Request]] = defaultdict(list)
    stmt = requests_in_year(year, RequestSource.AWARENESS_SESSION)
    for req in db.session.scalars(stmt):
        # Unnamed sessions are told apart by their month.
        key = (req.source_detail or "").strip() or req.received_on.strftime("%Y-%m")
        grouped[key].append(req)
    sessions = []
    for name, requests in grouped.items():
        sessions.append(
            SessionFunnel(
                name=name,
                first_on=min(r.received_on for r in requests),
                received=len(requests),
                became_actions=sum(
                    r.status == RequestStatus.ACCEPTED and r.action_id is not None for r in requests
                ),
                countries=sorted({r.country_code for r in requests if r.country_code}),
            )
        )
    return sorted(sessions, key=lambda s: (s.first_on, s.name))


def count(stmt: sa.Select) -> int:
    """How many rows a selection holds."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))
