"""The theme taxonomy over the API: public, as on the "join the roster" page."""

import sqlalchemy as sa

from roster.api.base import bp, public
from roster.api.schemas.experts import ThemeListSchema
from roster.extensions import db
from roster.taxonomy.models import Theme


def theme_item(theme: Theme) -> dict:
    """A theme's slug (the roster's `theme` filter) and its label in each language."""
    return {
        "id": theme.id,
        "slug": theme.slug,
        "label": theme.label,
        "labels": {"en": theme.label_en, "fr": theme.label_fr, "es": theme.label_es},
    }


@public
@bp.response(200, ThemeListSchema, description="Every active theme.")
def themes():
    """The active themes with their labels in English, French and Spanish (public)."""
    rows = db.session.scalars(
        sa.select(Theme).where(Theme.active.is_(True)).order_by(Theme.label_en, Theme.slug)
    )
    items = [theme_item(t) for t in rows]
    return {"items": items, "total": len(items)}
