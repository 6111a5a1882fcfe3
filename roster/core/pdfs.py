"""Uploaded PDFs are read in a child process bounded in CPU time and memory, never in the worker.

A crafted PDF (a small compressed stream that expands to megabytes of text operators, or a
maze of objects) can take minutes and gigabytes to read. The web worker only waits on a pipe:
the child (pdf_inspect.py, run as a script) has RLIMIT_CPU and RLIMIT_AS set, a low
priority, and is killed at the wall-clock bound. Its verdict comes first, so a file that is
known to be plain but whose text costs too much can be kept without its text; a file whose
verdict does not arrive within the bounds is refused.

At most PDF_EXTRACT_CONCURRENCY readings run at once on a host (lock files shared by every
worker): a request waits PDF_EXTRACT_QUEUE_SECONDS for a free slot, then is refused with
"try again", so a burst of costly files never holds more than that many workers.
"""

import fcntl
import json
import logging
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

log = logging.getLogger(__name__)

WORKER = Path(__file__).with_name("pdf_inspect.py")
# Browsers sniff a file's first bytes for a page: a PDF that is also HTML is refused.
_MARKUP = re.compile(rb"<\s*(html|script|body|svg|iframe|!doctype)", re.IGNORECASE)


@dataclass(frozen=True)
class PdfLimits:
    """How long (wall clock and CPU) and how much memory reading one PDF may take."""

    seconds: float = 8.0
    memory_mb: int = 512
    max_pages: int = 40
    max_chars: int = 100_000
    slots_dir: Path | None = None  # None: no cap on concurrent readings (tests, commands)
    concurrency: int = 1
    queue_seconds: float = 2.0

    @classmethod
    def from_config(cls) -> "PdfLimits":
        config = current_app.config
        return cls(
            seconds=float(config.get("PDF_EXTRACT_SECONDS", cls.seconds)),
            memory_mb=int(config.get("PDF_EXTRACT_MEMORY_MB", cls.memory_mb)),
            slots_dir=Path(config["INSTANCE_DIR"]) / "pdf-slots",
            concurrency=int(config.get("PDF_EXTRACT_CONCURRENCY") or default_concurrency()),
            queue_seconds=float(config.get("PDF_EXTRACT_QUEUE_SECONDS", cls.queue_seconds)),
        )


def default_concurrency() -> int:
    """Half the host's cores (at least one): the other half keeps serving pages."""
    return max(1, (os.cpu_count() or 2) // 2)


def _take_slot(limits: PdfLimits):
    """An open, locked slot file, or None when every slot stayed busy for queue_seconds."""
    limits.slots_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + limits.queue_seconds
    while True:
        for number in range(max(1, limits.concurrency)):
            handle = (limits.slots_dir / f"slot-{number}.lock").open("a+b")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            return handle
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)


@dataclass(frozen=True)
class PdfCheck:
    """The child's answer: a problem (None when plain) and the text, if asked for and read."""

    problem: str | None
    text: str | None = None
    text_skipped: bool = False  # the text was asked for but went over the bounds


def check_pdf(data: bytes, *, want_text: bool, limits: PdfLimits) -> PdfCheck:
    """Judge data (already known to start with %PDF-) and read its text, within limits."""
    if _MARKUP.search(data[:1024]):
        return PdfCheck("markup")
    if limits.slots_dir is None:
        return _run_child(data, want_text, limits)
    slot = _take_slot(limits)
    if slot is None:
        log.info("PDF refused: every reading slot stayed busy")
        return PdfCheck("busy")
    try:
        return _run_child(data, want_text, limits)
    finally:
        fcntl.flock(slot, fcntl.LOCK_UN)
        slot.close()


def _run_child(data: bytes, want_text: bool, limits: PdfLimits) -> PdfCheck:
    """Run pdf_inspect.py on data in a bounded child; its verdict and text as a PdfCheck."""
    seconds = max(1, int(limits.seconds))
    command = [
        sys.executable or "python3",
        "-I",  # no environment variables, user site or script folder on the path
        str(WORKER),
        str(seconds),
        str(limits.memory_mb),
        str(limits.max_pages),
        str(limits.max_chars),
        "text" if want_text else "check",
    ]
    child = subprocess.Popen(  # noqa: S603  (our own script, fixed arguments)
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=True,
    )
    try:
        out, _err = child.communicate(data, timeout=limits.seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        out, _err = child.communicate()  # whatever it printed before the bound
        log.info("PDF reading stopped at the %.0f s bound", limits.seconds)
    steps = _parse(out)
    verdict = steps.get("verdict")
    if verdict is None:
        log.info("PDF not checked within bounds (exit %s)", child.returncode)
        return PdfCheck("unchecked")
    if verdict == "damaged":
        log.info("Refused a PDF that pypdf cannot read: %s", steps.get("detail"))
    if verdict != "ok":
        return PdfCheck(verdict)
    if not want_text:
        return PdfCheck(None)
    text = steps.get("text")
    return PdfCheck(None, text, text_skipped=text is None)


def _parse(out: bytes) -> dict:
    """The JSON lines the child printed completely; a line cut by a kill is ignored."""
    steps: dict = {}
    for line in out.splitlines():
        try:
            step = json.loads(line)
        except ValueError:
            break
        if isinstance(step, dict):
            steps.update(step)
    return steps


def refusal(problem: str) -> str:
    """The translated sentence that tells the uploader why the PDF is refused."""
    messages = {
        "markup": _("This file is not a plain PDF: it also holds web page markup."),
        "encrypted": _("This PDF is protected by a password. Please upload it unprotected."),
        "active": _("This PDF runs scripts or actions when opened. Please save it as a plain PDF."),
        "attachments": _(
            "This PDF carries attached files. Please save it as a plain PDF without attached files."
        ),
        "damaged": _("This PDF is damaged or cannot be read. Please export it again."),
        "busy": _(
            "Many files are being checked right now. Nothing was saved: please send it again "
            "in a minute."
        ),
    }
    return messages.get(problem) or _(
        "This PDF could not be checked within our time and memory limits. Please export it "
        "again as a simpler PDF."
    )
