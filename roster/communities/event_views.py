"""Events: the list, an event's page, registering, the calendar file; moderators and staff
create and edit them (recording and materials are added afterwards)."""

from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user

from roster.auth.models import User
from roster.auth.permissions import can_manage_events, can_post_in, require
from roster.communities.calendar import ics, local, to_utc
from roster.communities.event_forms import FORMAT_LABELS, EventForm
from roster.communities.loading import community_or_404, event_or_404
from roster.communities.models import Event, EventFormat, EventRegistration, Membership
from roster.communities.names import display_names
from roster.core.markdown import render_post
from roster.core.time import utcnow
from roster.core.urls import external_url
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db
from roster.notifications import notify

TEXT_FIELDS = ("title", "description", "location", "join_url", "recording_url", "materials")


def events(community_id: int):
    """A community's coming events, then its past ones (with their recordings)."""
    community = community_or_404(community_id)
    rows = db.session.scalars(
        sa.select(Event).where(Event.community_id == community.id).order_by(Event.starts_at)
    ).all()
    now = utcnow()
    coming = [e for e in rows if e.ends_at >= now]
    past = [e for e in reversed(rows) if e.ends_at < now]
    return render_template("communities/events.html", community=community, coming=coming, past=past)


def _fill(event: Event, form: EventForm) -> None:
    for name in TEXT_FIELDS:
        setattr(event, name, getattr(form, name).data or None)
    event.title = form.title.data
    event.timezone = form.timezone.data
    event.format = EventFormat(form.format.data)
    event.registration_open = bool(form.registration_open.data)
    event.starts_at = to_utc(form.day.data, form.start_time.data, event.timezone)
    event.ends_at = to_utc(form.day.data, form.end_time.data, event.timezone)


def _tell_members(event: Event) -> None:
    community = event.community
    users = db.session.scalars(
        sa.select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.community_id == community.id,
            Membership.removed_at.is_(None),
            User.id != current_user.id,
        )
    )
    link = url_for("communities.event", event_id=event.id)
    for user in users:
        notify(
            user,
            "community.event",
            link=link,
            event=event.title,
            community=community.name_en,
            community_fr=community.name_fr,
            community_es=community.name_es,
        )


def new_event(community_id: int):
    """Plan an event in a community; its members are told."""
    community = community_or_404(community_id)
    require(can_manage_events, community)
    form = EventForm()
    if form.validate_on_submit():
        event = Event(community=community, created_by_id=current_user.id)
        _fill(event, form)
        db.session.add(event)
        db.session.flush()
        _tell_members(event)
        db.session.commit()
        flash(_("The event is planned."), "success")
        return redirect(url_for("communities.event", event_id=event.id), 303)
    page = render_template("communities/event_form.html", form=form, community=community)
    return page, 400 if form.errors else 200


def edit_event(event_id: int):
    """Correct an event, or add its recording and materials afterwards."""
    event = event_or_404(event_id)
    require(can_manage_events, event.community)
    form = EventForm(obj=event)
    if request.method == "GET":
        start, end = local(event.starts_at, event.timezone), local(event.ends_at, event.timezone)
        form.day.data, form.start_time.data, form.end_time.data = (
            start.date(),
            start.time(),
            end.time(),
        )
        form.format.data = event.format.value
    if form.validate_on_submit() and not stale(event, form):
        _fill(event, form)
        if commit_or_conflict(form):
            flash(_("The event is saved."), "success")
            return redirect(url_for("communities.event", event_id=event.id), 303)
    page = render_template(
        "communities/event_form.html", form=form, community=event.community, event=event
    )
    return page, status_of(form, 400 if form.errors else 200)


def event(event_id: int):
    """An event: when (in its zone and UTC), how to join, registration, recording afterwards."""
    found = event_or_404(event_id)
    registered = db.session.scalar(
        sa.select(EventRegistration).where(
            EventRegistration.event_id == found.id, EventRegistration.user_id == current_user.id
        )
    )
    people = []
    if can_manage_events(current_user, found.community):
        ids = [r.user_id for r in found.registrations]
        names = display_names(ids)
        people = sorted(names.get(i, "") for i in ids)
    return render_template(
        "communities/event.html",
        event=found,
        community=found.community,
        registered=registered is not None,
        count=len(found.registrations),
        people=people,
        formats=FORMAT_LABELS,
        render_post=render_post,
    )


def register(event_id: int):
    """Register for a coming event, or cancel one's registration."""
    found = event_or_404(event_id)
    require(can_post_in, found.community)
    mine = db.session.scalar(
        sa.select(EventRegistration).where(
            EventRegistration.event_id == found.id, EventRegistration.user_id == current_user.id
        )
    )
    if found.past:  # what happened stays as it was, registrations included
        flash(_("This event is over: registrations can no longer change."), "warning")
        return redirect(url_for("communities.event", event_id=found.id), 303)
    if mine is not None:
        db.session.delete(mine)
        flash(_("Your registration is cancelled."), "success")
    elif not found.registration_open:
        flash(_("Registration for this event is closed."), "warning")
        return redirect(url_for("communities.event", event_id=found.id), 303)
    else:
        db.session.add(EventRegistration(event_id=found.id, user_id=current_user.id))
        flash(_("You are registered. Add the event to your calendar below."), "success")
    db.session.commit()
    return redirect(url_for("communities.event", event_id=found.id), 303)


def calendar(event_id: int):
    """The event as a calendar file (.ics) to add to any calendar program."""
    found = event_or_404(event_id)
    url = external_url("communities.event", event_id=found.id)
    text = "\n\n".join(p for p in (found.description, found.join_url) if p)
    body = ics(found, url, urlsplit(url).hostname or "roster", text)
    if not body:
        abort(404)
    return Response(
        body,
        mimetype="text/calendar",
        headers={
            "Content-Disposition": f'attachment; filename="event-{found.id}.ics"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
