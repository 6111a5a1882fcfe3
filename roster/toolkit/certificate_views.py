"""Certificates (the holder's printable page, the public verification) and module files."""

import io

import sqlalchemy as sa
from flask import abort, render_template, request, send_file
from flask_babel import force_locale
from flask_login import current_user
from markupsafe import Markup

from roster.auth.permissions import (
    can_author_modules,
    can_take_module,
    can_view_certificate,
    require,
)
from roster.core.access import public_page
from roster.extensions import db, limiter
from roster.toolkit import services
from roster.toolkit.authoring import upload_dir
from roster.toolkit.forms import VerifyForm
from roster.toolkit.models import Attachment
from roster.toolkit.progress_models import Certificate


def certificates():
    """List my certificates."""
    mine = db.session.scalars(
        sa.select(Certificate)
        .filter_by(user_id=current_user.id)
        .order_by(Certificate.issued_at.desc())
    ).all()
    return render_template("toolkit/certificates.html", certificates=mine)


def certificate(code: str):
    """Show my certificate of completion, ready to print or save as PDF."""
    cert = services.find_certificate(code)
    if cert is None:
        abort(404)
    require(can_view_certificate, cert)
    # The certificate speaks the language the module was completed in, whatever the UI's.
    with force_locale(cert.language):
        certificate_html = Markup(  # noqa: S704  (Jinja autoescaped it)  # nosec B704
            render_template(
                "toolkit/_certificate.html",
                certificate=cert,
                version=cert.module.translation(cert.language),
            )
        )
    return render_template(
        "toolkit/certificate.html", certificate=cert, certificate_html=certificate_html
    )


@public_page
@limiter.limit("30 per minute")
def verify():
    """Confirm whether a certificate code is genuine, showing nothing else about its holder."""
    form = VerifyForm(request.args)
    cert = None
    checked = "code" in request.args
    if checked and form.validate():
        cert = services.find_certificate(form.code.data)
    return render_template(
        "toolkit/verify.html",
        form=form,
        checked=checked,
        certificate=cert,
        version=cert.module.translation() if cert else None,
        initials=services.initials(cert.holder_name) if cert else None,
    )


def attachment(attachment_id: int, name: str):
    """Send a module's image or PDF to someone who may read the module."""
    file = db.get_or_404(Attachment, attachment_id)
    if not (can_take_module(current_user, file.module) or can_author_modules(current_user)):
        abort(403)
    path = upload_dir() / file.stored_name
    if not path.is_file():
        abort(404)
    # Files are small (5 MB at most): read them whole, leaving no file handle open.
    response = send_file(
        io.BytesIO(path.read_bytes()),
        mimetype=file.content_type,
        as_attachment=not file.is_image,
        download_name=file.filename,
        max_age=3600,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
