"""The demo seed as ordered steps, so that each domain can add its own.

A step is a function (session, rng, progress) -> int that adds what is missing, looked up by
a stable key (an e-mail, a name, a slug), and returns how many rows it added. It only adds
and flushes; the command commits. `progress(n)` advances the bar by n of the step's `units`.
Each step gets its own generator seeded from SEED and its name, so adding a step never
changes the data of the others.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from roster.demo import SEED
from roster.demo.accounts import seed_accounts
from roster.demo.actions import ACTION_UNITS, seed_actions
from roster.demo.communities import COMMUNITY_UNITS, seed_communities
from roster.demo.experts import EXPERT_UNITS, seed_experts
from roster.demo.opportunities import OPEN_CALL_UNITS, seed_open_calls, seed_partner_accounts
from roster.demo.partners import PARTNERS, seed_partners
from roster.taxonomy.seed import seed_reference_data
from roster.toolkit.content import load_toolkit_content

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Step:
    """One stage of the demo seed, with its share of the progress bar."""

    name: str  # also seeds the step's generator: renaming it would change the data
    run: Callable[[Session, random.Random, Progress], int]
    units: int = 1
    label: str = ""  # what the command prints, when the name says less than what is counted

    def rng(self) -> random.Random:
        return random.Random(f"{SEED}:{self.name}")


def seed_taxonomy(session: Session, rng: random.Random, progress: Progress) -> int:
    """Themes, regions and countries first: every other step refers to them."""
    added = seed_reference_data(session).total
    progress(1)
    return added


def seed_toolkit(session: Session, rng: random.Random, progress: Progress) -> int:
    """The toolkit's training modules, from the files shipped with the app."""
    added = load_toolkit_content(session)
    progress(1)
    return added


STEPS: list[Step] = [
    Step("reference data", seed_taxonomy),
    Step("demo accounts", seed_accounts, units=3),
    Step("partner institutions", seed_partners, units=len(PARTNERS)),
    Step("experts", seed_experts, units=EXPERT_UNITS),
    Step("toolkit modules", seed_toolkit),
    # Counts the Actions, their activities and the requests it adds (docs/demo.md).
    Step("actions", seed_actions, units=ACTION_UNITS, label="Actions, activities and requests"),
    # Focal points before the communities, which count them as members; the calls follow
    # the Actions' activities.
    Step("partner accounts", seed_partner_accounts),
    Step("open calls", seed_open_calls, units=OPEN_CALL_UNITS),
    # The communities come after the experts and partners whose members they are.
    Step("communities", seed_communities, units=COMMUNITY_UNITS),
]


def run_steps(session: Session, steps: list[Step], progress: Progress) -> dict[str, int]:
    """Run each step in order, flushing as it goes; the caller commits."""
    added = {}
    for step in steps:
        added[step.label or step.name] = step.run(session, step.rng(), progress)
        session.flush()
    return added
