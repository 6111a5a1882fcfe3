"""The communities blueprint: every URL of communities, threads, moderation and events."""

from flask import Blueprint

from roster.communities import event_views, moderation_views, thread_views, views
from roster.communities.calendar import event_when
from roster.communities.helpers import localised
from roster.communities.posting import edit_minutes
from roster.core.markdown import render_post

bp = Blueprint("communities", __name__, url_prefix="/communities")

GET_POST = ["GET", "POST"]

bp.add_app_template_global(localised)
bp.add_app_template_global(render_post)
bp.add_app_template_global(edit_minutes)
bp.add_app_template_global(event_when)

bp.add_url_rule("/", "index", views.index)
bp.add_url_rule("/new", "create", views.create, methods=GET_POST)
bp.add_url_rule("/<int:community_id>/", "detail", views.detail)
bp.add_url_rule("/<int:community_id>/edit", "edit", views.edit, methods=GET_POST)
bp.add_url_rule("/<int:community_id>/search", "search", views.search)
bp.add_url_rule("/<int:community_id>/members", "members", views.members)
bp.add_url_rule("/<int:community_id>/members/add", "add_member", views.add_member, methods=["POST"])
bp.add_url_rule("/<int:community_id>/join", "join", views.join, methods=["POST"])
bp.add_url_rule("/<int:community_id>/leave", "leave", views.leave, methods=["POST"])
bp.add_url_rule(
    "/memberships/<int:membership_id>/remove",
    "remove_member",
    views.remove_member,
    methods=["POST"],
)
bp.add_url_rule(
    "/<int:community_id>/threads/new",
    "new_thread",
    thread_views.new_thread,
    methods=GET_POST,
)
bp.add_url_rule("/threads/<int:thread_id>", "thread", thread_views.thread, methods=GET_POST)
bp.add_url_rule("/threads/<int:thread_id>/follow", "follow", thread_views.follow, methods=["POST"])
bp.add_url_rule("/threads/<int:thread_id>/lock", "lock", thread_views.lock, methods=["POST"])
bp.add_url_rule("/posts/<int:post_id>/edit", "edit_post", thread_views.edit_post, methods=GET_POST)
bp.add_url_rule("/posts/<int:post_id>/history", "history", thread_views.history)
bp.add_url_rule("/posts/<int:post_id>/report", "report", thread_views.report, methods=GET_POST)
bp.add_url_rule("/posts/<int:post_id>/hide", "hide", thread_views.hide, methods=GET_POST)
bp.add_url_rule("/posts/<int:post_id>/show", "show", thread_views.show, methods=["POST"])
bp.add_url_rule("/files/<int:file_id>/<path:name>", "file", thread_views.file)
bp.add_url_rule("/<int:community_id>/moderation", "queue", moderation_views.queue)
bp.add_url_rule(
    "/reports/<int:report_id>/dismiss", "dismiss", moderation_views.dismiss, methods=["POST"]
)
bp.add_url_rule("/<int:community_id>/events", "events", event_views.events)
bp.add_url_rule(
    "/<int:community_id>/events/new", "new_event", event_views.new_event, methods=GET_POST
)
bp.add_url_rule("/events/<int:event_id>", "event", event_views.event)
bp.add_url_rule(
    "/events/<int:event_id>/edit", "edit_event", event_views.edit_event, methods=GET_POST
)
bp.add_url_rule(
    "/events/<int:event_id>/register", "register", event_views.register, methods=["POST"]
)
bp.add_url_rule("/events/<int:event_id>/calendar.ics", "calendar", event_views.calendar)
