"""Action documents: PDFs checked by content and size like CVs, stored under random names."""

import secrets
from pathlib import Path

from flask import current_app
from flask_babel import _
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from roster.actions.models import Action, ActionDocument
from roster.actions.states import DocumentKind
from roster.experts.cv import CvError, check_plain_pdf, read_upload


class DocumentError(ValueError):
    """The upload is not a document we accept; the message is shown next to the field."""


def _dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"]) / "actions"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_document(
    action: Action, upload: FileStorage, kind: DocumentKind, title: str | None, user
) -> ActionDocument:
    """Check the upload is a readable PDF within the size limit, store it, attach it."""
    try:
        data = read_upload(upload)
        if not data.startswith(b"%PDF-"):
            raise DocumentError(_("This file is not a PDF. Please upload a PDF file."))
        # Damaged, protected and active PDFs are refused; the text is not kept, so not read.
        check_plain_pdf(data)
    except CvError as exc:
        raise DocumentError(str(exc)) from exc
    name = f"{secrets.token_hex(16)}.pdf"
    (_dir() / name).write_bytes(data)
    document = ActionDocument(
        kind=kind,
        title=title or None,
        filename=(secure_filename(upload.filename or "") or "document.pdf")[:255],
        path=name,
        size=len(data),
        uploaded_by_id=user.id,
    )
    action.documents.append(document)
    return document


def document_file(document: ActionDocument) -> Path | None:
    """Where the document is on disk, if it is there."""
    path = _dir() / Path(document.path).name  # the stored name only, never a path
    return path if path.is_file() else None


def remove_file(name: str | None) -> None:
    """Delete a stored document file (after the database no longer points to it)."""
    if name:
        (_dir() / Path(name).name).unlink(missing_ok=True)
