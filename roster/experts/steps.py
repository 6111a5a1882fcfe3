"""Each profile step's form, filled from the expert, and how its data goes back on the expert."""

from flask import request
from flask_babel import _

from roster.core.time import utcnow
from roster.experts import cv
from roster.experts.forms import (
    AboutForm,
    AvailabilityForm,
    ConsentForm,
    CountriesForm,
    CvForm,
    LanguagesForm,
    RowsForm,
    ThemesForm,
    kept,
    with_blank_rows,
)
from roster.experts.models import (
    Depth,
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    Status,
    Unavailability,
)
from roster.experts.profile import ProfileError
from roster.extensions import db
from roster.taxonomy.models import Country

FORMS = {
    "about": AboutForm,
    "themes": ThemesForm,
    "languages": LanguagesForm,
    "countries": CountriesForm,
    "availability": AvailabilityForm,
    "cv": CvForm,
    "consent": ConsentForm,
}


def initial_data(step: str, expert: Expert) -> dict:
    """The form's data as the expert stands now, with empty rows to fill in."""
    if step == "themes":
        rows = [{"theme": str(t.theme_id), "depth": str(t.depth)} for t in expert.themes]
        return {"themes": with_blank_rows(rows, {"theme": "", "depth": "working"})}
    if step == "languages":
        rows = [{"code": x.code, "level": x.level} for x in expert.languages]
        return {"languages": with_blank_rows(rows, {"code": "", "level": "B2"})}
    if step == "countries":
        rows = [{"code": c.country_code} for c in expert.countries]
        return {"countries": with_blank_rows(rows, {"code": ""})}
    if step == "availability":
        rows = [{"start": u.start, "end": u.end, "note": u.note} for u in expert.unavailability]
        return {
            "days_per_year": expert.days_per_year,
            "periods": with_blank_rows(rows, {"start": None, "end": None, "note": ""}),
        }
    if step == "consent":
        return {"consent": expert.consent_at is not None}
    return {}


def build_form(step: str, expert: Expert):
    """The step's form: the posted data on POST, the expert's data otherwise."""
    cls = FORMS[step]
    data = initial_data(step, expert)
    obj = expert if step == "about" else None
    if request.method == "POST":
        form = cls(obj=obj, data=data)
    else:
        form = cls(formdata=None, obj=obj, data=data)
        form.version.data = str(expert.version)
    if step == "about" and request.method != "POST":
        form.employer_type.data = expert.employer_type.value if expert.employer_type else ""
    return form


def _ensure_country(code: str) -> Country:
    # The taxonomy may not list every ISO country yet; an unplaced country has no region.
    country = db.session.get(Country, code)
    if country is None:
        country = Country(code=code)
        db.session.add(country)
    return country


def apply(step: str, form, expert: Expert) -> list[str]:
    """Put a validated step form's data on the expert; return the old CV file to remove."""
    removed: list[str] = []
    if step == "about":
        form.populate_obj(expert)
    elif step == "themes":
        wanted = {
            int(r.theme.data): Depth(r.depth.data) for r in kept(form.themes.entries, "theme")
        }
        for row in list(expert.themes):
            if row.theme_id in wanted:
                row.depth = wanted.pop(row.theme_id)
            else:
                expert.themes.remove(row)
        for theme_id, depth in wanted.items():
            expert.themes.append(ExpertTheme(theme_id=theme_id, depth=depth))
    elif step == "languages":
        wanted = {r.code.data: r.level.data for r in kept(form.languages.entries, "code")}
        for row in list(expert.languages):
            if row.code in wanted:
                row.level = wanted.pop(row.code)
            else:
                expert.languages.remove(row)
        for code, level in wanted.items():
            expert.languages.append(ExpertLanguage(code=code, level=level))
    elif step == "countries":
        wanted = {r.code.data for r in kept(form.countries.entries, "code")}
        for row in list(expert.countries):
            if row.country_code in wanted:
                wanted.discard(row.country_code)
            else:
                expert.countries.remove(row)
        for code in sorted(wanted):
            expert.countries.append(ExpertCountry(country=_ensure_country(code)))
    elif step == "availability":
        expert.days_per_year = form.days_per_year.data
        periods = sorted(
            (
                (r.start.data, r.end.data, r.note.data or None)
                for r in kept(form.periods.entries, "start")
            ),
            key=lambda p: p[0],
        )
        expert.unavailability.clear()
        for start, end, note in periods:
            expert.unavailability.append(Unavailability(start=start, end=end, note=note))
    elif step == "cv":
        upload = form.cv.data
        if upload and getattr(upload, "filename", ""):
            old = cv.store_cv(expert, upload)
            if old:
                removed.append(old)
    elif step == "consent":
        apply_consent(form, expert)
    # Touching the row bumps its version even when only the rows below it changed.
    expert.updated_at = utcnow()
    return removed


def apply_consent(form: ConsentForm, expert: Expert) -> None:
    """Record consent with its date, or its withdrawal while the profile is a draft."""
    if form.consent.data and expert.consent_at is None:
        expert.consent_at = utcnow()
    elif not form.consent.data and expert.consent_at is not None:
        if expert.status != Status.DRAFT:
            raise ProfileError(
                _(
                    "Consent cannot be withdrawn here after submission: "
                    "ask for the erasure of your data instead."
                ),
                field="consent",
            )
        expert.consent_at = None


def is_rows_form(form) -> bool:
    return isinstance(form, RowsForm)
