"""CV files: checked to be real PDFs, stored under a random name, their text extracted."""

import io
import logging
import re
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import _
from pypdf import PdfReader
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from roster.core.time import utcnow
from roster.experts.models import Expert
from roster.experts.profile import ProfileError

log = logging.getLogger(__name__)

MAX_PAGES = 40
MAX_TEXT_CHARS = 100_000


class CvError(ProfileError):
    """The upload is not a CV we accept; the message is shown to the user."""

    def __init__(self, message: str):
        super().__init__(message, field="cv")


def _cv_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"]) / "cv"
    path.mkdir(parents=True, exist_ok=True)
    return path


# Browsers sniff a file's first bytes for a page; a PDF viewer runs scripts and launches.
_MARKUP = re.compile(rb"<\s*(html|script|body|svg|iframe|!doctype)", re.IGNORECASE)
_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch)(?![A-Za-z0-9])")


def _has_active_content(data: bytes, reader: PdfReader) -> bool:
    """Scripts or launch actions, in the raw bytes or in the document's catalog."""
    if _ACTIVE.search(data):
        return True
    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        return True
    opening = root.get("/OpenAction")
    opening = opening.get_object() if opening is not None else None
    return isinstance(opening, dict) and opening.get("/S") in ("/JavaScript", "/Launch")


def extract_text(data: bytes) -> str:
    """Check that data is a readable, unencrypted, plain PDF and return its text (capped)."""
    if not data.startswith(b"%PDF-"):
        raise CvError(_("This file is not a PDF. Please upload your CV as a PDF file."))
    if _MARKUP.search(data[:1024]):
        raise CvError(_("This file is not a plain PDF: it also holds web page markup."))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise CvError(_("This PDF is protected by a password. Please upload it unprotected."))
        if _has_active_content(data, reader):
            raise CvError(
                _("This PDF runs scripts or actions when opened. Please save it as a plain PDF.")
            )
        parts: list[str] = []
        size = 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_TEXT_CHARS:
                break
    except CvError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        log.info("Refused a PDF that pypdf cannot read: %s", exc)
        raise CvError(_("This PDF is damaged or cannot be read. Please export it again.")) from exc
    text = "\n".join(parts).replace("\x00", "")
    return text[:MAX_TEXT_CHARS].strip()


def read_upload(upload: FileStorage) -> bytes:
    """The upload's bytes, refused when empty or over the configured size."""
    limit = current_app.config["CV_MAX_BYTES"]
    data = upload.stream.read(limit + 1)
    if not data:
        raise CvError(_("The file is empty."))
    if len(data) > limit:
        raise CvError(
            _("The file is too large: the limit is %(mb)s MB.", mb=round(limit / 1048576, 1))
        )
    return data


def store_cv(expert: Expert, upload: FileStorage) -> str | None:
    """Check and store an uploaded CV on the expert; return the old file's path to remove."""
    data = read_upload(upload)
    text = extract_text(data)
    name = f"{secrets.token_hex(16)}.pdf"
    (_cv_dir() / name).write_bytes(data)
    old = expert.cv_path
    expert.cv_path = name
    expert.cv_filename = (secure_filename(upload.filename or "") or "cv.pdf")[:255]
    expert.cv_size = len(data)
    expert.cv_uploaded_at = utcnow()
    expert.cv_text = text
    return old


def clear_cv(expert: Expert) -> str | None:
    """Forget the expert's CV; return the file's path to remove after the commit."""
    old = expert.cv_path
    expert.cv_path = expert.cv_filename = expert.cv_text = None
    expert.cv_size = expert.cv_uploaded_at = None
    return old


def cv_file(expert: Expert) -> Path | None:
    """Where the expert's CV is on disk, if it is there."""
    if not expert.cv_path:
        return None
    path = _cv_dir() / Path(expert.cv_path).name  # the stored name only, never a path
    return path if path.is_file() else None


def remove_file(name: str | None) -> None:
    """Delete a stored CV file (after the database no longer points to it)."""
    if name:
        (_cv_dir() / Path(name).name).unlink(missing_ok=True)
