"""CV files: checked to be real PDFs, stored under a random name, their text extracted."""

import secrets
from pathlib import Path

from flask import current_app
from flask_babel import _
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from roster.core.pdfs import PdfCheck, PdfLimits, check_pdf, refusal
from roster.core.time import utcnow
from roster.experts.models import Expert
from roster.experts.profile import ProfileError


class CvError(ProfileError):
    """The upload is not a CV we accept; the message is shown to the user."""

    def __init__(self, message: str):
        super().__init__(message, field="cv")


def _cv_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"]) / "cv"
    path.mkdir(parents=True, exist_ok=True)
    return path


def extract_text(data: bytes) -> str | None:
    """Check that data is a plain, readable, unencrypted PDF; return its text (capped), or
    None when reading the text went over the time or memory bound (the file is still plain).

    The reading runs in a bounded child process (roster/core/pdfs.py), never in the worker.
    """
    return check_plain_pdf(data, want_text=True).text


def check_plain_pdf(data: bytes, want_text: bool = False) -> PdfCheck:
    """Refuse (CvError) what is not a plain PDF, judged in a bounded child process."""
    if not data.startswith(b"%PDF-"):
        raise CvError(_("This file is not a PDF. Please upload your CV as a PDF file."))
    result = check_pdf(data, want_text=want_text, limits=PdfLimits.from_config())
    if result.problem is not None:
        raise CvError(refusal(result.problem))
    return result


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
    # The expert's id leads the name, so that erasure finds every copy ever stored.
    name = f"{expert.id or 0}-{secrets.token_hex(16)}.pdf"
    (_cv_dir() / name).write_bytes(data)
    old = expert.cv_path
    expert.cv_path = name
    expert.cv_filename = (secure_filename(upload.filename or "") or "cv.pdf")[:255]
    expert.cv_size = len(data)
    expert.cv_uploaded_at = utcnow()
    expert.cv_text = text
    return old


def text_unread(expert: Expert) -> bool:
    """Whether the stored CV's text went over the reading bounds (so searches miss it)."""
    return bool(expert.cv_path) and expert.cv_text is None


def text_unread_message() -> str:
    return _(
        "Your CV is saved, but its text could not be read in time, so searches will not find "
        "its content. A simpler PDF (exported again from your word processor) can be read."
    )


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


def stored_copies(expert: Expert) -> list[Path]:
    """Every CV file stored for the expert: the current one and any a failed replacement
    left behind (stored names start with the expert's id)."""
    folder = _cv_dir()
    found = set(folder.glob(f"{int(expert.id)}-*.pdf"))
    if expert.cv_path:
        found.add(folder / Path(expert.cv_path).name)
    return sorted(found)


def remove_file(name: str | None) -> None:
    """Delete a stored CV file (after the database no longer points to it)."""
    if name:
        (_cv_dir() / Path(name).name).unlink(missing_ok=True)
