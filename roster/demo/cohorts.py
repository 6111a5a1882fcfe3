"""Who joined the roster when: the seed's 114 experts of 2021 and the years around it."""

import random
from datetime import date, datetime, time, timedelta

from roster.demo.profiles import ExpertSpec, RosterBuilder

JOINED_2021 = 114  # the retrospective's figure; the demo expert account is one of them
DEMO_EXPERT_JOINED = date(2021, 6, 14)

# (count, status, year joined or applied, archetype, main theme, Spanish)
COHORTS: tuple[tuple[int, str, int, str, str | None, str], ...] = (
    # For the matching demo: counter-trafficking experts by level of Spanish.
    (6, "approved", 2021, "latam", "trafficking", "fluent"),
    (2, "approved", 2020, "latam", "trafficking", "fluent"),
    (3, "approved", 2021, "latam", "trafficking", "basic"),
    (1, "approved", 2019, "latam", "trafficking", "basic"),
    (4, "approved", 2021, "east_africa", "trafficking", "none"),
    (2, "approved", 2021, "central_asia", "trafficking", "none"),
    (1, "approved", 2020, "neighbourhood", "trafficking", "none"),
    # The rest of 2021 (113 generated + the demo expert = 114).
    (21, "approved", 2021, "latam", None, "any"),
    (19, "approved", 2021, "west_africa", None, "any"),
    (17, "approved", 2021, "central_asia", None, "any"),
    (19, "approved", 2021, "neighbourhood", None, "any"),
    (10, "approved", 2021, "east_africa", None, "any"),
    (5, "approved", 2021, "mena", None, "any"),
    (7, "approved", 2021, "global", None, "any"),
    # Earlier years: 30 joined in 2020 and 25 in 2019, a few of them inactive since.
    (6, "approved", 2020, "latam", None, "any"),
    (5, "approved", 2020, "west_africa", None, "any"),
    (5, "approved", 2020, "neighbourhood", None, "any"),
    (4, "approved", 2020, "east_africa", None, "any"),
    (5, "approved", 2020, "global", None, "any"),
    (2, "inactive", 2020, "global", None, "any"),
    (6, "approved", 2019, "latam", None, "any"),
    (5, "approved", 2019, "west_africa", None, "any"),
    (4, "approved", 2019, "neighbourhood", None, "any"),
    (3, "approved", 2019, "mena", None, "any"),
    (3, "approved", 2019, "global", None, "any"),
    (3, "inactive", 2019, "neighbourhood", None, "any"),
    # Applications of late 2021 waiting in the vetting queue, and a few refused.
    (3, "applied", 2021, "central_asia", None, "any"),
    (2, "applied", 2021, "latam", None, "any"),
    (2, "applied", 2021, "east_africa", None, "any"),
    (1, "applied", 2021, "neighbourhood", None, "any"),
    (4, "rejected", 2021, "global", None, "any"),
)

REJECTION_NOTES = (
    "No experience in public administration or peer-to-peer cooperation; profile outside the "
    "facility's scope.",
    "Experience limited to private-sector recruitment; potential conflict of interest.",
    "Application incomplete: no verifiable professional references after two reminders.",
    "Thematic expertise (customs tariffs) outside the facility's migration themes.",
)
INACTIVE_NOTES = (
    "Retired from public service; asked to be set inactive.",
    "Moved to a post that does not allow external assignments.",
    "Did not answer the 2021 profile update campaign.",
)


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 18), rng.randint(0, 59)))


def _joined(rng: random.Random, year: int) -> date:
    if year == 2021:
        # More approvals after the February awareness sessions and the summer campaign.
        month = rng.choices(range(1, 13), weights=(5, 6, 12, 11, 9, 8, 7, 6, 10, 10, 9, 7))[0]
    else:
        month = rng.randint(1, 12)
    return date(year, month, rng.randint(1, 28))


def build_roster(rng: random.Random) -> list[ExpertSpec]:
    """Every invented expert of the demo, always the same for the same generator."""
    builder = RosterBuilder(rng)
    specs: list[ExpertSpec] = []
    for count, status, year, archetype, theme, spanish in COHORTS:
        for _ in range(count):
            spec = builder.person(archetype, spanish)
            builder.fill(spec, archetype, spanish, theme)
            spec.status = status
            if status in ("approved", "inactive"):
                spec.joined_on = _joined(rng, year)
                spec.submitted_at = _at(spec.joined_on - timedelta(days=rng.randint(5, 40)), rng)
            elif status == "applied":
                spec.submitted_at = _at(date(2021, 10, 1) + timedelta(days=rng.randint(0, 80)), rng)
            else:
                spec.submitted_at = _at(_joined(rng, year), rng)
            if status == "rejected":
                spec.vetting_note = rng.choice(REJECTION_NOTES)
            elif status == "inactive":
                spec.vetting_note = rng.choice(INACTIVE_NOTES)
            specs.append(spec)
    joined = sum(1 for s in specs if s.joined_on and s.joined_on.year == 2021)
    assert joined + 1 == JOINED_2021, "the demo expert makes the retrospective's 114"
    return specs
