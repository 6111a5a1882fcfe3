"""Staff reports on the toolkit: completion by module and by expert, CSV export."""

from flask import render_template
from flask_babel import _

from roster.auth.permissions import can_view_toolkit_reports, require
from roster.core.csv_download import csv_response
from roster.core.time import utcnow
from roster.extensions import db
from roster.toolkit import stats
from roster.toolkit.models import Module


def state_label(name: str) -> str:
    return {
        "completed": _("Completed"),
        "stalled": _("Stalled"),
        "in_progress": _("In progress"),
    }[name]


def report():
    """Show completion by module: started, completed, in progress, stalled."""
    require(can_view_toolkit_reports)
    figures = stats.by_module()
    return render_template("toolkit/report.html", figures=figures)


def report_people():
    """Show completion by learner: who started, finished and stalled."""
    require(can_view_toolkit_reports)
    return render_template("toolkit/report_people.html", rows=stats.by_learner())


def report_module(module_id: int):
    """List everyone who started one module, with where they are."""
    module = db.get_or_404(Module, module_id)
    require(can_view_toolkit_reports)
    now = utcnow()
    rows = stats.progress_rows(module.id)
    return render_template(
        "toolkit/report_module.html",
        module=module,
        rows=rows,
        names=stats.expert_names(),
        state=lambda p: stats.state(p, now),
        state_label=state_label,
    )


def export():
    """Download every learner's progress on every module as CSV."""
    require(can_view_toolkit_reports)
    now = utcnow()
    names = stats.expert_names()
    header = [
        "module",
        "module_title",
        "email",
        "name",
        "status",
        "language",
        "sections_read",
        "sections_total",
        "attempts",
        "best_score",
        "started_at",
        "last_activity_at",
        "completed_at",
        "completed_language",
    ]
    rows = []
    for p in stats.progress_rows():
        version = p.module.translation(p.completed_language or p.language)
        total = len(version.sections) if version else 0
        read = len({s.position for s in version.sections} & p.read_positions) if version else 0
        rows.append(
            (
                p.module.slug,
                version.title if version else "",
                p.user.email,
                names.get(p.user_id, ""),
                stats.state(p, now),
                p.language,
                read,
                total,
                len(p.attempts),
                p.best_score if p.best_score is not None else "",
                p.started_at.isoformat(timespec="seconds"),
                p.last_activity_at.isoformat(timespec="seconds"),
                p.completed_at.isoformat(timespec="seconds") if p.completed_at else "",
                p.completed_language or "",
            )
        )
    return csv_response(f"toolkit-progress-{now:%Y-%m-%d}.csv", header, rows)
