"""Communities over the API: the communities the caller may read, and a community's threads
(a closed community answers 404 to whoever is not in it, as its pages do)."""

import sqlalchemy as sa
from flask import url_for
from flask_babel import get_locale
from flask_login import current_user

from roster.api.base import abort_api, bp, errors, iso
from roster.api.schemas.communities import (
    CommunitiesQuery,
    CommunityListSchema,
    ThreadPageSchema,
    ThreadsQuery,
)
from roster.auth.permissions import can_view_community
from roster.communities.models import LANGUAGES, Community, Post, Thread
from roster.communities.names import display_names
from roster.communities.queries import (
    member_counts,
    memberships_of,
    post_counts,
    threads_of,
    visible_communities,
)
from roster.communities.search import search_posts
from roster.extensions import db

NO_COMMUNITY = (404, "No such community, or the caller is not in it.")


def _community_json(community: Community, counts: dict, mine: dict) -> dict:
    lang = str(get_locale() or "en")
    membership = mine.get(community.id)
    return {
        "id": community.id,
        "name": community.name_in(lang),
        "names": {code: getattr(community, f"name_{code}") for code in LANGUAGES},
        "descriptions": {code: getattr(community, f"description_{code}") for code in LANGUAGES},
        "open": community.is_open,
        "members": counts.get(community.id, 0),
        "role": membership.role.value if membership else None,
        "url": url_for("communities.detail", community_id=community.id, _external=True),
        "threads_url": url_for("api.community_threads", community_id=community.id),
    }


@bp.arguments(CommunitiesQuery, location="query")
@bp.response(200, CommunityListSchema, description="The communities.")
@errors(400, 401)
def communities(query: dict):
    """The communities the caller may read: their own and, for an expert, the open ones."""
    found = db.session.scalars(visible_communities(current_user)).all()
    counts, mine = member_counts(), memberships_of(current_user)
    items = [_community_json(c, counts, mine) for c in found]
    return {"communities": items, "count": len(items)}


@bp.arguments(ThreadsQuery, location="query")
@bp.response(200, ThreadPageSchema, description="A page of threads.")
@errors(400, 401, NO_COMMUNITY)
def community_threads(query: dict, community_id: int):
    """A community's threads, latest activity first; `q` finds words in them."""
    community = db.session.get(Community, community_id)
    if community is None or not can_view_community(current_user, community):
        abort_api(404, "not_found", "No such community.")
    stmt = threads_of(community)
    if query.get("q"):
        matching = search_posts(community, query["q"])
        ids = sa.select(Post.thread_id).where(Post.id.in_(matching.with_only_columns(Post.id)))
        stmt = stmt.where(Thread.id.in_(ids))
    page = db.paginate(stmt, page=query["page"], per_page=query["per_page"], error_out=False)
    names = display_names([t.author_id for t in page.items])
    counts = post_counts(t.id for t in page.items)
    items = [
        {
            "id": t.id,
            "title": t.title,
            "language": t.language,
            "author": names.get(t.author_id),
            "created_at": iso(t.created_at),
            "last_post_at": iso(t.last_post_at),
            "locked": t.locked,
            "posts": counts.get(t.id, 0),
            "url": url_for("communities.thread", thread_id=t.id, _external=True),
        }
        for t in page.items
    ]
    return {
        "community": community.id,
        "items": items,
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
    }
