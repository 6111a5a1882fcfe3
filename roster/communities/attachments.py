"""Files attached to posts: PDFs checked like every uploaded PDF, images by their bytes."""

import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import _
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from roster.communities.models import Post, PostAttachment
from roster.experts.cv import CvError, check_plain_pdf, read_upload

MAX_FILES = 5
# Images recognised by their first bytes, never by the name or the header the browser sends.
IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


class AttachmentError(ValueError):
    """The file is not one we accept; the message is shown next to the field."""


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    data: bytes
    content_type: str
    extension: str


def _image_type(data: bytes) -> tuple[str, str] | None:
    for magic, content_type, ext in IMAGES:
        if data.startswith(magic):
            return content_type, ext
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def check_upload(upload: FileStorage) -> CheckedFile:
    """Read and judge one upload: a plain PDF or a PNG, JPEG or WebP image within the size
    limit, else AttachmentError with the reason."""
    name = (secure_filename(upload.filename or "") or "file")[:200]
    try:
        data = read_upload(upload)
        if data.startswith(b"%PDF-"):
            check_plain_pdf(data)  # bounded child process: scripts, damage, protection refused
            return CheckedFile(name, data, "application/pdf", ".pdf")
    except CvError as exc:
        raise AttachmentError(f"{name}: {exc}") from exc
    kind = _image_type(data)
    if kind is None:
        raise AttachmentError(
            _("%(name)s: attach a PDF or an image (PNG, JPEG or WebP).", name=name)
        )
    return CheckedFile(name, data, *kind)


def check_uploads(uploads) -> list[CheckedFile]:
    """Every file of a post's form, checked; the empty file inputs a browser sends are skipped."""
    files = [u for u in uploads or [] if isinstance(u, FileStorage) and u.filename]
    if len(files) > MAX_FILES:
        raise AttachmentError(_("Attach at most %(n)d files to a post.", n=MAX_FILES))
    return [check_upload(u) for u in files]


def upload_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"]) / "communities"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attach(post: Post, files: list[CheckedFile]) -> None:
    """Store checked files under random names and attach them to the post."""
    for file in files:
        stored = secrets.token_hex(16) + file.extension
        (upload_dir() / stored).write_bytes(file.data)
        post.attachments.append(
            PostAttachment(
                filename=file.filename,
                stored_name=stored,
                content_type=file.content_type,
                size=len(file.data),
            )
        )


def file_of(attachment: PostAttachment) -> Path | None:
    path = upload_dir() / Path(attachment.stored_name).name
    return path if path.is_file() else None


def remove_files(names) -> None:
    """Delete stored files (after the database no longer points to them)."""
    for name in names:
        (upload_dir() / Path(name).name).unlink(missing_ok=True)
