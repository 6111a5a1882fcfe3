"""The profile in steps: what each step holds, what is complete, what changed."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from roster.experts.models import Expert, Status

STEPS = (
    ("about", _l("About you")),
    ("themes", _l("Themes")),
    ("languages", _l("Languages")),
    ("countries", _l("Countries")),
    ("availability", _l("Availability")),
    ("cv", _l("CV")),
    ("consent", _l("Consent and submit")),
)
STEP_NAMES = tuple(name for name, _label in STEPS)

EMPLOYER_TYPE_LABELS = {
    "member_state": _l("EU Member State administration"),
    "international_org": _l("International organisation"),
    "academia": _l("Academia"),
    "civil_society": _l("Civil society"),
    "private": _l("Private sector"),
    "partner_admin": _l("Partner country administration"),
    "independent": _l("Independent consultant"),
    "other": _l("Other"),
}
STATUS_LABELS = {
    "draft": _l("Draft"),
    "applied": _l("Applied"),
    "approved": _l("Approved"),
    "rejected": _l("Rejected"),
    "inactive": _l("Inactive"),
}


class ProfileError(ValueError):
    """A change the profile refuses; the message is shown next to the field named."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Item:
    """One thing the profile should hold, the step where it is filled, and whether it is."""

    label: str
    step: str
    done: bool


def completeness_items(expert: Expert) -> list[Item]:
    """Every item that counts towards completeness, in the order of the steps."""
    e = expert
    return [
        Item(_l("First and last name"), "about", bool(e.first_name and e.last_name)),
        Item(_l("Contact e-mail"), "about", bool(e.email)),
        Item(_l("Phone"), "about", bool(e.phone)),
        Item(_l("Nationality"), "about", bool(e.nationality)),
        Item(_l("Employer and its type"), "about", bool(e.employer and e.employer_type)),
        Item(_l("Position"), "about", bool(e.position)),
        Item(_l("Years of experience"), "about", e.years_experience is not None),
        Item(_l("Biography"), "about", bool(e.biography and len(e.biography) >= 50)),
        Item(_l("At least one theme"), "themes", bool(e.themes)),
        Item(_l("At least one language"), "languages", bool(e.languages)),
        Item(_l("Countries of experience"), "countries", bool(e.countries)),
        Item(_l("Days available per year"), "availability", e.days_per_year is not None),
        Item(_l("CV"), "cv", bool(e.cv_path)),
        Item(_l("Consent to the processing of personal data"), "consent", bool(e.consent_at)),
    ]


def completeness(expert: Expert) -> int:
    """How complete the profile is, in percent."""
    items = completeness_items(expert)
    return round(100 * sum(i.done for i in items) / len(items))


def missing_items(expert: Expert) -> list[Item]:
    return [i for i in completeness_items(expert) if not i.done]


def step_done(expert: Expert) -> dict[str, bool]:
    """Whether each step holds everything it asks for (the stepper's ticks)."""
    done: dict[str, bool] = dict.fromkeys(STEP_NAMES, True)
    for item in completeness_items(expert):
        done[item.step] = done[item.step] and item.done
    return done


def submission_problems(expert: Expert) -> list[str]:
    """Why the profile cannot be submitted yet; empty when it can."""
    problems = []
    if expert.status != Status.DRAFT:
        problems.append(_l("This profile has already been submitted."))
    if not (expert.first_name and expert.last_name):
        problems.append(_l("Give your first and last name."))
    if not expert.themes:
        problems.append(_l("Choose at least one theme."))
    if not expert.languages:
        problems.append(_l("Add at least one language."))
    if not expert.consent_at:
        problems.append(_l("Give your consent to the processing of your personal data."))
    if expert.user is None or expert.user.confirmed_at is None:
        problems.append(_l("Confirm your e-mail address first (see the message we sent you)."))
    return [str(p) for p in problems]


def snapshot(expert: Expert) -> dict[str, str]:
    """A flat text picture of the profile, to tell which fields a change touched."""
    plain = (
        "first_name",
        "last_name",
        "email",
        "phone",
        "nationality",
        "employer",
        "employer_type",
        "position",
        "years_experience",
        "biography",
        "days_per_year",
        "consent_at",
        "cv_filename",
        "status",
        "joined_on",
    )
    picture = {
        name: "" if getattr(expert, name) is None else str(getattr(expert, name)) for name in plain
    }
    picture["themes"] = "; ".join(
        sorted(f"{t.theme.slug if t.theme else t.theme_id}:{t.depth}" for t in expert.themes)
    )
    picture["languages"] = "; ".join(sorted(f"{x.code}:{x.level}" for x in expert.languages))
    picture["countries"] = "; ".join(
        sorted(c.country.code if c.country else c.country_code for c in expert.countries)
    )
    picture["unavailability"] = "; ".join(
        f"{u.start}..{u.end}" for u in sorted(expert.unavailability, key=lambda u: u.start)
    )
    return picture


def changed_fields(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return [name for name in after if before.get(name) != after[name]]
