"""The moderators' page: open reports and hidden posts of a community; dismiss a report."""

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user

from roster.auth.permissions import can_moderate, require
from roster.communities import moderation
from roster.communities.forms import ActionForm
from roster.communities.loading import community_or_404, report_or_404
from roster.communities.models import Post, Thread
from roster.communities.names import display_names
from roster.core.markdown import render_post
from roster.extensions import db


def queue(community_id: int):
    """What waits for a moderator: reported posts, and the posts hidden so far."""
    community = community_or_404(community_id)
    require(can_moderate, community)
    reports = moderation.open_reports(community)
    hidden = db.session.scalars(
        sa.select(Post)
        .join(Thread)
        .where(Thread.community_id == community.id, Post.hidden_at.is_not(None))
        .order_by(Post.hidden_at.desc())
        .limit(100)
    ).all()
    people = [r.reporter_id for r in reports] + [r.post.author_id for r in reports]
    names = display_names(people + [p.author_id for p in hidden])
    return render_template(
        "communities/moderation.html",
        community=community,
        reports=reports,
        hidden=hidden,
        names=names,
        render_post=render_post,
        action_form=ActionForm(),
    )


def dismiss(report_id: int):
    """Close a report without hiding the post (moderators); written to the audit log."""
    found = report_or_404(report_id)
    community = found.post.thread.community
    require(can_moderate, community)
    if found.resolved_at is None:
        moderation.dismiss(found, current_user)
        db.session.commit()
        flash(_("The report was dismissed."), "success")
    return redirect(url_for("communities.queue", community_id=community.id), 303)
