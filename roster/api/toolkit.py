"""API: the toolkit's published modules and the signed-in user's progress."""

from datetime import UTC

import sqlalchemy as sa
from flask import url_for
from flask_login import current_user

from roster.api.base import bp, errors
from roster.api.schemas.toolkit import ModuleListSchema, ModuleProgressListSchema, ModulesQuery
from roster.extensions import db
from roster.toolkit import services
from roster.toolkit.models import Module
from roster.toolkit.progress_models import Certificate, Progress


def module_json(module: Module, lang: str | None) -> dict:
    """One module as the catalog lists it, in `lang` if it has that version."""
    version = module.translation(lang)
    return {
        "slug": module.slug,
        "title": version.title,
        "summary": version.summary,
        "language": version.language,
        "languages": module.languages,
        "tags": module.tag_names,
        "theme": module.theme_slug,
        "estimated_minutes": module.estimated_minutes,
        "pass_mark": module.pass_mark,
        "sections": len(version.sections),
        "questions": len(version.questions),
        "prerequisites": [m.slug for m in module.prerequisites],
        "url": url_for("toolkit.module", slug=module.slug, lang=version.language, _external=True),
    }


@bp.arguments(ModulesQuery, location="query")
@bp.response(200, ModuleListSchema, description="The modules.")
@errors((400, "An unknown language."), 401)
def modules(query: dict):
    """The toolkit's published modules (any signed-in user)."""
    lang = query.get("lang")
    found = db.session.scalars(services.catalog_query(tag=query.get("tag"), language=lang)).all()
    return {"modules": [module_json(m, lang) for m in found], "count": len(found)}


def _moment(value) -> str | None:
    return value.replace(tzinfo=UTC).isoformat(timespec="seconds") if value else None


@bp.response(200, ModuleProgressListSchema, description="Progress and certificates.")
@errors(401)
def my_progress():
    """The caller's progress on each module they started."""
    certificates = {
        c.module_id: c
        for c in db.session.scalars(sa.select(Certificate).filter_by(user_id=current_user.id))
    }
    items = []
    for p in db.session.scalars(
        sa.select(Progress).filter_by(user_id=current_user.id).order_by(Progress.started_at)
    ):
        version = p.module.translation(p.language)
        cert = certificates.get(p.module_id)
        items.append(
            {
                "module": p.module.slug,
                "title": version.title if version else p.module.slug,
                "language": p.language,
                "percent_read": services.percent_read(p, version) if version else 0,
                "sections_read": sorted(p.read_positions),
                "last_position": p.last_position,
                "check_passed": p.passed,
                "best_score": p.best_score,
                "started_at": _moment(p.started_at),
                "completed_at": _moment(p.completed_at),
                "certificate": {
                    "code": cert.code,
                    "verify_url": url_for("toolkit.verify", code=cert.code, _external=True),
                }
                if cert
                else None,
            }
        )
    return {"progress": items}
