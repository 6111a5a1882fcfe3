"""Opportunities for you: the open calls ranked for the expert's profile with the reasons
Find experts gives, one call with how they fit, their interest and the digest's threshold."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required

from roster.auth.permissions import (
    can_express_interest,
    can_see_opportunities,
    can_view_call,
    require,
)
from roster.experts.models import Expert
from roster.extensions import db
from roster.opportunities import services
from roster.opportunities.forms import LABELS, InterestForm, ThresholdForm, WithdrawForm
from roster.opportunities.models import Interest, OpenCall


def _my_expert() -> Expert | None:
    return db.session.scalar(sa.select(Expert).where(Expert.user_id == current_user.id))


def _my_interests(expert: Expert | None) -> dict[int, Interest]:
    if expert is None:
        return {}
    rows = db.session.scalars(sa.select(Interest).where(Interest.expert_id == expert.id))
    return {i.call_id: i for i in rows}


def _list_page(expert: Expert | None, threshold_form: ThresholdForm, status: int = 200):
    page = render_template(
        "opportunities/for_me.html",
        expert=expert,
        ranked=services.ranked_for(expert),
        mine=_my_interests(expert),
        threshold_form=threshold_form,
        **LABELS,
    )
    return page, status


@login_required
def for_me():
    """Opportunities for you: the open calls that fit the expert's profile, best first."""
    require(can_see_opportunities)
    expert = _my_expert()
    threshold = services.threshold_of(expert) if expert else None
    return _list_page(expert, ThresholdForm(formdata=None, threshold=threshold))


def _load(call_id: int):
    """The call, the expert, their interest and standing; 404 for a call not theirs to see."""
    call = db.get_or_404(OpenCall, call_id)
    require(can_see_opportunities)
    expert = _my_expert()
    interest = _my_interests(expert).get(call.id)
    standing = services.standing_in(call, expert) if call.is_open else None
    fits = standing is not None and standing.eligible
    if not can_view_call(current_user, call, fits, interest is not None):
        abort(404)  # a call whose requirements one misses is as if it did not exist
    return call, expert, interest, standing


def _call_page(call, expert, interest, standing, form=None, status: int = 200):
    note = interest.note if interest else None
    page = render_template(
        "opportunities/show.html",
        call=call,
        expert=expert,
        interest=interest,
        standing=standing,
        form=form or InterestForm(formdata=None, prefix="interest", note=note),
        withdraw_form=WithdrawForm(formdata=None, prefix="withdraw"),
        **LABELS,
    )
    return page, status


@login_required
def show(call_id: int):
    """One call as the expert sees it: what is expected, how they fit, their interest."""
    return _call_page(*_load(call_id))


@login_required
def express_interest(call_id: int):
    """Say I am interested in a call, with an optional note (or change my note)."""
    call, expert, interest, standing = _load(call_id)
    if not can_express_interest(current_user, call) or standing is None:
        flash(_("This call no longer takes expressions of interest."), "warning")
        return redirect(url_for("opportunities.show", call_id=call.id))
    form = InterestForm(prefix="interest")
    if not form.validate_on_submit():
        return _call_page(call, expert, interest, standing, form, 400)
    if interest is None:
        interest = Interest(call=call, expert=expert)
        db.session.add(interest)
        message = _("Your interest is recorded: the team sees it when they look for experts.")
    else:
        message = _("Your note is updated.")
    interest.note = form.note.data or None
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("opportunities.show", call_id=call.id))


@login_required
def withdraw_interest(call_id: int):
    """Take my interest in an open call back."""
    call, _expert, interest, _standing = _load(call_id)
    if not can_express_interest(current_user, call):
        flash(_("The call no longer takes changes: your interest stays with the team."), "warning")
    elif interest is not None and WithdrawForm(prefix="withdraw").validate_on_submit():
        db.session.delete(interest)
        db.session.commit()
        flash(_("Your interest is withdrawn."), "success")
    return redirect(url_for("opportunities.show", call_id=call.id))


@login_required
def set_threshold():
    """Keep how well a new call must fit before the digest suggests it."""
    require(can_see_opportunities)
    expert = _my_expert()
    if expert is None:
        abort(404)
    form = ThresholdForm()
    if not form.validate_on_submit():
        return _list_page(expert, form, 400)
    services.set_threshold(expert, form.threshold.data)
    db.session.commit()
    flash(
        _(
            "Saved: the digest suggests new calls that fit you at least %(percent)d%%.",
            percent=form.threshold.data,
        ),
        "success",
    )
    return redirect(url_for("opportunities.for_me", _anchor="threshold"))
