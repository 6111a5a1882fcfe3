"""The roster over the API: the filtered list for staff, one profile for staff or its owner.

A signed-in expert asking for someone else's profile gets 404, as for an id that does not
exist, so that the API never tells an expert which ids belong to other people. Erased
profiles are never shown to anyone.
"""

import sqlalchemy as sa
from flask import url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from roster.api.base import abort_api, allowed_if, bp, errors, iso
from roster.api.schemas.experts import ExpertPageSchema, ExpertSchema, RosterQuery
from roster.auth.permissions import can_view_expert, can_view_roster
from roster.experts.models import Expert, ExpertCountry
from roster.experts.search import RosterFilters, paginate, roster_query
from roster.extensions import db
from roster.taxonomy.models import Country


def _regions(expert: Expert) -> list[str]:
    slugs = {c.country.region.slug for c in expert.countries if c.country.region is not None}
    return sorted(slugs)


def expert_summary(expert: Expert) -> dict:
    """The fields of one roster row: who, status, since when, themes, languages, countries."""
    return {
        "id": expert.id,
        "name": expert.name,
        "status": expert.status.value,
        "joined_on": iso(expert.joined_on),
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
        "submitted_at": iso(expert.submitted_at),
        "consent_at": iso(expert.consent_at),
        "has_cv": bool(expert.cv_path),
        "cv_uploaded_at": iso(expert.cv_uploaded_at),
        "unavailability": [
            {"start": iso(u.start), "end": iso(u.end), "note": u.note}
            for u in expert.unavailability
        ],
        "updated_at": iso(expert.updated_at),
    }


# Regions come through each country; load them with the page instead of one query per row.
_COUNTRY_REGIONS = (
    selectinload(Expert.countries).joinedload(ExpertCountry.country).joinedload(Country.region)
)


@allowed_if(can_view_roster, _l("Only staff may read the roster."))
@bp.arguments(RosterQuery, location="query")
@bp.response(200, ExpertPageSchema, description="One page of experts.")
@errors(400, 401, (403, "The caller is not staff."))
def experts(query: dict):
    """The roster, filtered and paginated (staff only)."""
    filters = RosterFilters(
        q=query.get("q", ""),
        themes=query.get("theme", [])[:20],
        language=query.get("language", ""),
        min_level=query.get("min_level", ""),
        country=query.get("country", ""),
        region=query.get("region", ""),
        status=query.get("status", ""),
        joined_year=query.get("joined_year"),
        available_from=query.get("available_from"),
        available_to=query.get("available_to"),
        sort=query["sort"],
    )
    page, per_page = query["page"], query["per_page"]
    result = paginate(roster_query(filters).options(_COUNTRY_REGIONS), page, per_page)
    return {
        "items": [expert_summary(e) for e in result.items],
        "total": result.total,
        "page": page,
        "per_page": per_page,
        "pages": result.pages,
    }


@bp.response(200, ExpertSchema, description="The profile.")
@errors(
    401, (404, "No such expert, an erased one, or another expert's profile asked for by an expert.")
)
def expert(expert_id: int):
    """One expert's profile (staff, or the expert themself)."""
    found = db.session.scalar(
        sa.select(Expert)
        .where(Expert.id == expert_id, Expert.erased_at.is_(None))
        .options(_COUNTRY_REGIONS, selectinload(Expert.unavailability))
    )
    if found is None or not can_view_expert(current_user, found):
        abort_api(404, "not_found", _("No expert with this id."))
    return expert_details(found)
