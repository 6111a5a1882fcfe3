"""The roster over the API: the filtered list for staff, one profile for staff or its owner.

A signed-in expert asking for someone else's profile gets 404, as for an id that does not
exist, so that the API never tells an expert which ids belong to other people. Erased
profiles are never shown to anyone.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from flask import request, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.api.errors import abort_api
from roster.api.params import page_params, roster_filters
from roster.api.views import bp
from roster.auth.permissions import can_view_expert, can_view_roster
from roster.experts.models import Expert, ExpertCountry
from roster.experts.search import paginate, roster_query
from roster.extensions import db
from roster.taxonomy.models import Country


def _iso(value) -> str | None:
    # Timestamps are stored as naive UTC: give them their offset, as RFC 3339 (OpenAPI) wants.
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat() if value is not None else None


def _regions(expert: Expert) -> list[str]:
    slugs = {c.country.region.slug for c in expert.countries if c.country.region is not None}
    return sorted(slugs)


def expert_summary(expert: Expert) -> dict:
    """The fields of one roster row: who, status, since when, themes, languages, countries."""
    return {
        "id": expert.id,
        "name": expert.name,
        "status": expert.status.value,
        "joined_on": _iso(expert.joined_on),
        "themes": [
            {"slug": t.theme.slug, "depth": t.depth.value}
            for t in sorted(expert.themes, key=lambda t: t.theme.slug)
        ],
        "languages": [
            {"code": lang.code, "level": lang.level}
            for lang in sorted(expert.languages, key=lambda lang: (-lang.level_rank, lang.code))
        ],
        "countries": sorted(c.country_code for c in expert.countries),
        "regions": _regions(expert),
        "url": url_for("api.expert", expert_id=expert.id),
    }


def expert_details(expert: Expert) -> dict:
    """The whole profile as its owner and staff may read it (no CV text, no vetting notes)."""
    employer_type = expert.employer_type.value if expert.employer_type else None
    return {
        **expert_summary(expert),
        "first_name": expert.first_name,
        "last_name": expert.last_name,
        "email": expert.email,
        "phone": expert.phone,
        "nationality": expert.nationality,
        "employer": expert.employer,
        "employer_type": employer_type,
        "position": expert.position,
        "years_experience": expert.years_experience,
        "biography": expert.biography,
        "days_per_year": expert.days_per_year,
        "submitted_at": _iso(expert.submitted_at),
        "consent_at": _iso(expert.consent_at),
        "has_cv": bool(expert.cv_path),
        "cv_uploaded_at": _iso(expert.cv_uploaded_at),
        "unavailability": [
            {"start": _iso(u.start), "end": _iso(u.end), "note": u.note}
            for u in expert.unavailability
        ],
        "updated_at": _iso(expert.updated_at),
    }


# Regions come through each country; load them with the page instead of one query per row.
_COUNTRY_REGIONS = (
    selectinload(Expert.countries).joinedload(ExpertCountry.country).joinedload(Country.region)
)


@bp.get("/experts")
def experts():
    """List the roster, filtered as on the staff page, one page at a time (staff only)."""
    if not can_view_roster(current_user):
        abort_api(403, "forbidden", _("Only staff may read the roster."))
    filters = roster_filters(request.args)
    page, per_page = page_params(request.args)
    stmt = roster_query(filters).options(_COUNTRY_REGIONS)
    result = paginate(stmt, page, per_page)
    return {
        "items": [expert_summary(e) for e in result.items],
        "total": result.total,
        "page": page,
        "per_page": per_page,
        "pages": result.pages,
    }


@bp.get("/experts/<int:expert_id>")
def expert(expert_id: int):
    """Show one expert's profile to staff, or to the expert themself."""
    found = db.session.scalar(
        sa.select(Expert)
        .where(Expert.id == expert_id, Expert.erased_at.is_(None))
        .options(_COUNTRY_REGIONS, selectinload(Expert.unavailability))
    )
    if found is None or not can_view_expert(current_user, found):
        abort_api(404, "not_found", _("No expert with this id."))
    return expert_details(found)
