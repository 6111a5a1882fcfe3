"""Threads: start one, read and reply, follow, edit one's post within the grace period (with
its history), report a post; download a post's file."""

import io

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import _
from flask_login import current_user

from roster.auth.permissions import (
    can_edit_post,
    can_moderate,
    can_post_in,
    can_reply,
    can_report_post,
    require,
)
from roster.communities import moderation, posting
from roster.communities.attachments import AttachmentError, check_uploads, file_of
from roster.communities.forms import (
    ActionForm,
    EditPostForm,
    HideForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
)
from roster.communities.loading import community_or_404, file_or_404, post_or_404, thread_or_404
from roster.communities.models import Post
from roster.communities.names import display_names
from roster.core.markdown import render_post
from roster.core.numbers import page_args
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db, upload_limit


def _files(form) -> list | None:
    """The form's files, checked; None (with the error next to the field) when one is refused."""
    try:
        return check_uploads(request.files.getlist(form.files.name))
    except AttachmentError as exc:
        form.files.errors = [*form.files.errors, str(exc)]
        return None


@upload_limit
def new_thread(community_id: int):
    """Start a thread in a community the person belongs to."""
    community = community_or_404(community_id)
    require(can_post_in, community)
    form = ThreadForm()
    if form.validate_on_submit() and (files := _files(form)) is not None:
        thread = posting.start_thread(
            community, current_user, form.title.data, form.body.data, form.language.data, files
        )
        db.session.commit()
        flash(_("Your thread was started."), "success")
        return redirect(url_for("communities.thread", thread_id=thread.id), 303)
    status = 400 if form.errors else 200
    return render_template("communities/thread_new.html", community=community, form=form), status


@upload_limit
def thread(thread_id: int):
    """Read a thread; members reply to it (with files) unless it is locked."""
    thread = thread_or_404(thread_id)
    community = thread.community
    form = ReplyForm()
    if request.method == "POST":
        require(can_reply, thread)
        if form.validate_on_submit() and (files := _files(form)) is not None:
            post = posting.reply(thread, current_user, form.body.data, files)
            db.session.commit()
            flash(_("Your reply was posted."), "success")
            return redirect(posting.post_link(post), 303)
    number, per_page = page_args(request.args, 50)
    page = db.paginate(
        sa.select(Post).where(Post.thread_id == thread.id).order_by(Post.created_at, Post.id),
        page=number,
        per_page=per_page,
        error_out=False,
    )
    names = display_names([p.author_id for p in page.items])
    page_html = render_template(
        "communities/thread.html",
        thread=thread,
        community=community,
        page=page,
        names=names,
        form=form,
        render_post=render_post,
        following=posting.is_following(thread, current_user),
        moderator=can_moderate(current_user, community),
        edit_minutes=posting.edit_minutes(),
        action_form=ActionForm(),
    )
    return page_html, 400 if form.errors else 200


def follow(thread_id: int):
    """Follow a thread (hear of each reply), or stop following it."""
    thread = thread_or_404(thread_id)
    if posting.is_following(thread, current_user):
        posting.unfollow(thread, current_user)
        flash(_("You no longer follow this thread."), "success")
    else:
        posting.follow(thread, current_user)
        flash(_("You follow this thread: each reply will be in your notifications."), "success")
    db.session.commit()
    return redirect(url_for("communities.thread", thread_id=thread.id), 303)


def edit_post(post_id: int):
    """Correct one's own post within the grace period; the former text stays in its history."""
    post = post_or_404(post_id)
    require(can_edit_post, post, posting.edit_minutes())
    form = EditPostForm(obj=post)
    if form.validate_on_submit() and not stale(post, form):
        posting.edit(post, form.body.data, current_user)
        if commit_or_conflict(form):
            flash(_("Your post was saved."), "success")
            return redirect(posting.post_link(post), 303)
    page = render_template("communities/post_edit.html", post=post, form=form)
    return page, status_of(form, 400 if form.errors else 200)


def history(post_id: int):
    """A post's earlier texts, newest first."""
    post = post_or_404(post_id)
    if post.removed_at is not None or (
        post.hidden_at is not None
        and not (
            can_moderate(current_user, post.thread.community) or post.author_id == current_user.id
        )
    ):
        abort(404)
    names = display_names([post.author_id])
    return render_template(
        "communities/post_history.html", post=post, names=names, render_post=render_post
    )


def report(post_id: int):
    """Tell the moderators about a post."""
    post = post_or_404(post_id)
    require(can_report_post, post)
    form = ReportForm()
    if form.validate_on_submit():
        moderation.report(post, current_user, form.reason.data)
        db.session.commit()
        flash(_("Thank you: the moderators were told."), "success")
        return redirect(posting.post_link(post), 303)
    page = render_template("communities/post_action.html", post=post, form=form, kind="report")
    return page, 400 if form.errors else 200


def hide(post_id: int):
    """Hide a post from readers, with a reason for its author (moderators)."""
    post = post_or_404(post_id)
    require(can_moderate, post.thread.community)
    form = HideForm()
    if form.validate_on_submit():
        moderation.hide(post, form.reason.data, current_user)
        db.session.commit()
        flash(_("The post is hidden."), "success")
        return redirect(posting.post_link(post), 303)
    page = render_template("communities/post_action.html", post=post, form=form, kind="hide")
    return page, 400 if form.errors else 200


def show(post_id: int):
    """Show a hidden post again (moderators)."""
    post = post_or_404(post_id)
    require(can_moderate, post.thread.community)
    if post.hidden_at is not None:
        moderation.show(post, current_user)
        db.session.commit()
        flash(_("The post is shown again."), "success")
    return redirect(posting.post_link(post), 303)


def lock(thread_id: int):
    """Lock a thread (no more replies but from moderators), or unlock it (moderators)."""
    thread = thread_or_404(thread_id)
    require(can_moderate, thread.community)
    if thread.locked_at is None:
        moderation.lock(thread, current_user)
        flash(_("The thread is locked."), "success")
    else:
        moderation.unlock(thread, current_user)
        flash(_("The thread is open again."), "success")
    db.session.commit()
    return redirect(url_for("communities.thread", thread_id=thread.id), 303)


def file(file_id: int, name: str):
    """Send a post's file to a reader of its community: images shown, PDFs downloaded."""
    found = file_or_404(file_id)
    path = file_of(found)
    if path is None:
        abort(404)
    response = send_file(
        io.BytesIO(path.read_bytes()),
        mimetype=found.content_type,
        as_attachment=not found.content_type.startswith("image/"),
        download_name=found.filename,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response
