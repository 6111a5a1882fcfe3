"""The staff roster: search and filters, the CSV export, an expert's detail page, status."""

from datetime import date
from functools import partial

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import login_required

from roster.audit import record
from roster.audit.models import AuditEvent
from roster.auth.permissions import (
    can_edit_expert,
    can_vet,
    can_view_expert,
    can_view_roster,
    require,
)
from roster.core.numbers import page_args
from roster.experts.exports import roster_csv
from roster.experts.filters import RosterFilterForm
from roster.experts.models import Expert, Status
from roster.experts.profile import EMPLOYER_TYPE_LABELS, STATUS_LABELS, completeness
from roster.experts.roster_rows import roster_rows
from roster.experts.search import paginate, roster_query, roster_statement
from roster.experts.search_terms import parse_query
from roster.experts.staff_forms import StatusForm, VetForm
from roster.experts.vocabulary import vocabulary
from roster.extensions import db
from roster.i18n import DEPTH_LABELS


@login_required
def index():
    """List the roster for staff, filtered, sorted and paginated."""
    require(can_view_roster)
    lists = vocabulary()
    form = RosterFilterForm(request.args).with_choices(lists)
    filters = form.clean()
    form.check_known(filters)
    page, per_page = page_args(request.args, current_app.config.get("PER_PAGE", 25))
    query = parse_query(filters.q)
    pagination = paginate(
        roster_statement(filters),
        page,
        per_page,
        load=partial(roster_rows, query=query, lists=lists),
    )
    export_args = {
        key: request.args.getlist(key) for key in request.args if key not in ("page", "per_page")
    }
    return render_template(
        "experts/index.html",
        form=form,
        pagination=pagination,
        experts=pagination.items,
        filters=filters,
        export_args=export_args,
    )


@login_required
def export():
    """Download the filtered roster as CSV (UTF-8 with BOM, one row per expert)."""
    require(can_view_roster)
    filters = RosterFilterForm(request.args).clean()  # a bad filter is left out, as on the page
    experts = db.session.scalars(roster_query(filters)).all()
    record("roster_exported", detail=f"{len(experts)} experts; filters: {filters.active()}")
    db.session.commit()
    return roster_csv(f"roster-{date.today().isoformat()}.csv", experts)


def render_detail(
    expert: Expert,
    vet_form: VetForm | None = None,
    status: int = 200,
    status_form: StatusForm | None = None,
):
    """The staff detail page, with the vetting or status form as posted when it had errors."""
    events = db.session.scalars(
        sa.select(AuditEvent)
        .where(AuditEvent.target_type == "expert", AuditEvent.target_id == expert.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(15)
    ).all()
    if vet_form is None:
        vet_form = VetForm(formdata=None, version=str(expert.version))
    return render_template(
        "experts/detail.html",
        expert=expert,
        events=events,
        percent=completeness(expert),
        vet_form=vet_form,
        status_form=status_form or StatusForm(formdata=None),
        employer_types=EMPLOYER_TYPE_LABELS,
        depths=DEPTH_LABELS,
    ), status


@login_required
def detail(expert_id: int):
    """Show staff everything about an expert, with the actions they may take."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_view_roster)
    require(can_view_expert, expert)
    return render_detail(expert)


@login_required
def set_status(expert_id: int):
    """Set an approved expert inactive, or make an inactive one active again."""
    expert = db.get_or_404(Expert, expert_id)
    require(can_vet)
    require(can_edit_expert, expert)
    form = StatusForm()
    allowed = {Status.APPROVED: Status.INACTIVE, Status.INACTIVE: Status.APPROVED}
    if not form.validate() and form.note.errors:
        return render_detail(expert, status=400, status_form=form)  # the note kept, its error shown
    if form.errors or allowed.get(expert.status) != Status(form.status.data):
        flash(_("This status change is not possible for this profile."), "danger")
        return redirect(url_for("experts.detail", expert_id=expert.id))
    old = expert.status
    expert.status = Status(form.status.data)
    if form.note.data:
        expert.vetting_note = form.note.data
    action = "expert_inactivated" if expert.status == Status.INACTIVE else "expert_reactivated"
    record(action, expert, f"{old.value} -> {expert.status.value}")
    db.session.commit()
    flash(_("Status changed to %(status)s.", status=STATUS_LABELS[expert.status.value]), "success")
    return redirect(url_for("experts.detail", expert_id=expert.id))
