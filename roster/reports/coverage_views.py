"""The coverage of the roster: available experts per theme and region / language, and gaps."""

from flask import render_template, request
from flask_login import login_required

from roster.auth.permissions import can_view_reports, require
from roster.i18n import language_name
from roster.reports.coverage import DEFAULT_THRESHOLD, MIN_LEVEL, coverage
from roster.reports.forms import CoverageForm


@login_required
def coverage_view():
    """Show how many approved, available experts each theme has per region and language."""
    require(can_view_reports)
    form = CoverageForm(request.args)
    valid = form.validate() if request.args else True
    if valid:
        start, end = form.available_from.data, form.available_to.data
        threshold = form.threshold.data or DEFAULT_THRESHOLD
    else:
        # Keep what was typed in the form; the table shows today's coverage meanwhile.
        start = end = None
        threshold = DEFAULT_THRESHOLD
    result = coverage(start or end, end or start, threshold)
    names = {code: language_name(code) for code in result.languages}
    return render_template(
        "reports/coverage.html",
        form=form,
        c=result,
        names=names,
        region_gaps=result.region_gaps(),
        language_gaps=result.language_gaps(names),
        min_level=MIN_LEVEL,
    )
