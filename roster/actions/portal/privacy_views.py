"""A focal point's own data: download it as JSON, ask for its erasure (staff confirm it on
the institution's page), or withdraw the request."""

import json
from datetime import date

from flask import Response, url_for
from flask_babel import _
from flask_login import current_user, login_required

from roster.actions.portal.privacy import personal_data
from roster.auth.erasure_request import ErasureRequestForm, erasure_request_page
from roster.auth.permissions import can_use_partner_pages, require


@login_required
def export_my_data():
    """Download everything the service holds about me, as JSON."""
    require(can_use_partner_pages)
    user = current_user._get_current_object()
    body = json.dumps(personal_data(user), ensure_ascii=False, indent=2)
    name = f"my-roster-data-{date.today().isoformat()}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )


@login_required
def request_erasure():
    """Ask for the erasure of my data (staff confirm it), or withdraw the request."""
    require(can_use_partner_pages)
    return erasure_request_page(
        current_user.focal_point,
        "partner.request_erasure",
        ErasureRequestForm(),
        consequences=_(
            "Erasure closes your account and removes your name from the service: your posts "
            "in the communities are emptied (the threads read on without them), your "
            "memberships, event registrations and notifications are deleted, and the requests "
            "you sent stay with your institution without your name or contact details. This "
            "cannot be undone."
        ),
        export_url=url_for("partner.export_my_data"),
        audited=current_user._get_current_object(),
    )
