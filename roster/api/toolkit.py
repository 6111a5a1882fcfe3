"""API: the toolkit's published modules and the signed-in user's progress."""

from datetime import UTC

import sqlalchemy as sa
from flask import abort, jsonify, request, url_for
from flask_login import current_user

from roster.api.views import bp
from roster.extensions import db
from roster.toolkit import services
from roster.toolkit.models import Module
from roster.toolkit.progress_models import Certificate, Progress

LANGUAGES = ("en", "fr", "es")


def signed_in() -> None:
    if not current_user.is_authenticated:
        abort(401, description="Sign in or send a Bearer token.")


def module_json(module: Module, lang: str | None) -> dict:
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


@bp.get("/modules")
def modules():
    """List published modules; with `lang`, only those that have a version in that language."""
    signed_in()
    lang = request.args.get("lang")
    if lang is not None and lang not in LANGUAGES:
        abort(400, description=f"lang must be one of {', '.join(LANGUAGES)}.")
    tag = request.args.get("tag") or None
    found = db.session.scalars(services.catalog_query(tag=tag, language=lang)).all()
    return jsonify({"modules": [module_json(m, lang) for m in found], "count": len(found)})


@bp.get("/me/modules")
def my_progress():
    """The signed-in user's progress on each module they started, with certificates."""
    signed_in()
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
                "started_at": p.started_at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
                "completed_at": p.completed_at.replace(tzinfo=UTC).isoformat(timespec="seconds")
                if p.completed_at
                else None,
                "certificate": {
                    "code": cert.code,
                    "verify_url": url_for("toolkit.verify", code=cert.code, _external=True),
                }
                if cert
                else None,
            }
        )
    return jsonify({"progress": items})
