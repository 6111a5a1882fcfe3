"""Communities: the list, a community's page, joining and leaving, members; staff create and
edit communities and add members or moderators."""

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user

from roster.audit import record
from roster.auth.models import User
from roster.auth.permissions import (
    can_create_community,
    can_join_community,
    can_manage_community,
    can_moderate,
    require,
)
from roster.communities import moderation
from roster.communities.forms import (
    ROLE_LABELS,
    ActionForm,
    CommunityForm,
    MemberForm,
    RemoveMemberForm,
)
from roster.communities.loading import community_or_404, membership_or_404
from roster.communities.models import Community, Event, MemberRole, Membership
from roster.communities.names import display_names, member_handles
from roster.communities.queries import (
    member_counts,
    memberships_of,
    threads_of,
    visible_communities,
)
from roster.communities.search import marked, search_posts, snippet
from roster.core.numbers import page_args
from roster.core.time import utcnow
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db

FIELDS = ("name_en", "name_fr", "name_es", "description_en", "description_fr", "description_es")


def index():
    """The communities the person belongs to, and the open ones they may join."""
    communities = db.session.scalars(visible_communities(current_user)).all()
    member_of = set(memberships_of(current_user))
    return render_template(
        "communities/index.html",
        communities=communities,
        member_of=member_of,
        counts=member_counts(),
    )


def detail(community_id: int):
    """A community's description, its threads (latest activity first) and coming events."""
    community = community_or_404(community_id)
    number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
    page = db.paginate(
        threads_of(community),
        page=number,
        per_page=per_page,
        error_out=False,
    )
    events = db.session.scalars(
        sa.select(Event)
        .where(Event.community_id == community.id, Event.ends_at >= utcnow())
        .order_by(Event.starts_at)
        .limit(5)
    ).all()
    names = display_names([t.author_id for t in page.items])
    membership = community.membership_of(current_user)
    return render_template(
        "communities/detail.html",
        community=community,
        page=page,
        events=events,
        names=names,
        membership=membership if membership and membership.active else None,
        action_form=ActionForm(),
    )


def _fill(community: Community, form: CommunityForm) -> None:
    for name in FIELDS:
        setattr(community, name, getattr(form, name).data or None)
    community.name_en = form.name_en.data
    community.is_open = bool(form.is_open.data)


def create():
    """Create a community (staff)."""
    require(can_create_community)
    form = CommunityForm()
    if form.validate_on_submit():
        community = Community(created_by_id=current_user.id)
        _fill(community, form)
        db.session.add(community)
        db.session.flush()
        record("community.created", community)
        db.session.commit()
        flash(_("Community “%(name)s” created.", name=community.name), "success")
        return redirect(url_for("communities.members", community_id=community.id))
    return render_template("communities/form.html", form=form, community=None)


def edit(community_id: int):
    """Correct a community's names, descriptions and whether it is open (staff)."""
    community = community_or_404(community_id)
    require(can_manage_community, community)
    form = CommunityForm(obj=community)
    if form.validate_on_submit() and not stale(community, form):
        _fill(community, form)
        if commit_or_conflict(form):
            flash(_("Community “%(name)s” saved.", name=community.name), "success")
            return redirect(url_for("communities.detail", community_id=community.id))
    page = render_template("communities/form.html", form=form, community=community)
    return page, status_of(form)


def _members_page(community: Community, form=None, remove_form=None, removing=None):
    """The members page; a refused form is shown again with its error (status 400)."""
    rows = db.session.scalars(
        sa.select(Membership).where(
            Membership.community_id == community.id, Membership.removed_at.is_(None)
        )
    ).all()
    names = display_names([m.user_id for m in rows])
    handles = {uid: handle for handle, uid in member_handles(community).items()}
    rows = sorted(rows, key=lambda m: (m.role != MemberRole.MODERATOR, names.get(m.user_id, "")))
    if form is None and can_manage_community(current_user, community):
        form = MemberForm(formdata=None)
    page = render_template(
        "communities/members.html",
        community=community,
        rows=rows,
        names=names,
        handles=handles,
        roles=ROLE_LABELS,
        form=form,
        remove_form=remove_form or RemoveMemberForm(formdata=None),
        removing=removing,
    )
    refused = (form is not None and form.errors) or (remove_form is not None)
    return page, 400 if refused else 200


def members(community_id: int):
    """Who is in the community, their role and the handle to mention them by."""
    return _members_page(community_or_404(community_id))


def add_member(community_id: int):
    """Add a person to the community, or make them moderator (staff)."""
    community = community_or_404(community_id)
    require(can_manage_community, community)
    form = MemberForm()
    if form.validate_on_submit():
        user = db.session.scalar(
            sa.select(User).where(sa.func.lower(User.email) == form.email.data.lower())
        )
        if user is None or user.is_erased:
            form.email.errors.append(_("No account has this address."))
        else:
            moderation.add_member(community, user, MemberRole(form.role.data), current_user)
            db.session.commit()
            flash(_("Membership saved."), "success")
            return redirect(url_for("communities.members", community_id=community.id), 303)
    return _members_page(community, form=form)


def remove_member(membership_id: int):
    """Take a member out of the community (moderators); written to the audit log."""
    membership = membership_or_404(membership_id)
    community = membership.community
    require(can_moderate, community)
    form = RemoveMemberForm()
    if not form.validate_on_submit():
        return _members_page(community, remove_form=form, removing=membership.id)
    if membership.user_id == current_user.id:
        flash(_("You cannot remove yourself: leave the community instead."), "danger")
    elif membership.active:
        moderation.remove_member(membership, current_user, form.reason.data)
        db.session.commit()
        flash(_("The member was removed."), "success")
    return redirect(url_for("communities.members", community_id=community.id), 303)


def join(community_id: int):
    """Join an open community with one click."""
    community = community_or_404(community_id)
    found = community.membership_of(current_user)
    if found is not None and found.active:
        flash(_("You are already a member."), "info")
    elif can_join_community(current_user, community):
        db.session.add(Membership(community=community, user_id=current_user.id))
        db.session.commit()
        flash(_("Welcome to %(name)s.", name=community.name), "success")
    else:
        abort(403)
    return redirect(url_for("communities.detail", community_id=community.id), 303)


def leave(community_id: int):
    """Leave a community (a closed one takes you back only through staff)."""
    community = community_or_404(community_id)
    found = community.membership_of(current_user)
    if found is not None and found.active:
        db.session.delete(found)
        db.session.commit()
        flash(_("You left %(name)s.", name=community.name), "success")
        return redirect(url_for("communities.index"), 303)
    flash(_("You are not a member of this community."), "info")
    return redirect(url_for("communities.detail", community_id=community.id), 303)


def search(community_id: int):
    """Find posts in a community by the words they hold."""
    community = community_or_404(community_id)
    text = (request.args.get("q") or "").strip()[:200]
    stmt = search_posts(community, text)
    page = None
    if stmt is not None:
        number, per_page = page_args(request.args, current_app.config["PER_PAGE"])
        page = db.paginate(stmt, page=number, per_page=per_page, error_out=False)
    names = display_names([p.author_id for p in page.items]) if page else {}
    return render_template(
        "communities/search.html",
        community=community,
        text=text,
        page=page,
        names=names,
        snippet=snippet,
        marked=marked,
    )
