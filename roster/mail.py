"""Outgoing mail: SMTP when MAIL_SERVER is set, else a file in instance/outbox/ (development)."""

import logging
import smtplib
import uuid
from contextlib import nullcontext
from email.message import EmailMessage
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

log = logging.getLogger(__name__)


def send_mail(
    to: str, subject, template: str, locale: str | None = None, **context
) -> EmailMessage:
    """Render templates/mail/<template>.txt with context and send it to one address.

    With locale, the subject (a lazy string) and the body are written in the recipient's
    language rather than in the language of whoever triggered the mail.
    """
    with force_locale(locale) if locale else nullcontext():
        subject_text = str(subject)
        body = render_template(f"mail/{template}.txt", **context)
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject_text
    message["Message-ID"] = f"<{uuid.uuid4()}@roster>"
    message.set_content(body)
    server = current_app.config.get("MAIL_SERVER")
    if server:
        with smtplib.SMTP(server, current_app.config["MAIL_PORT"], timeout=10) as smtp:
            smtp.send_message(message)
    else:
        outbox = Path(current_app.config["OUTBOX_DIR"])
        outbox.mkdir(parents=True, exist_ok=True)
        path = outbox / f"{uuid.uuid4().hex}.eml"
        path.write_bytes(bytes(message))
        log.info("Mail to %s (%s) written to %s", to, subject, path)
    return message


def outbox_messages(outbox: Path) -> list[EmailMessage]:
    """Read the outbox, oldest first (for tests and the development mail viewer)."""
    from email import policy
    from email.parser import BytesParser

    files = sorted(Path(outbox).glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [BytesParser(policy=policy.default).parsebytes(f.read_bytes()) for f in files]
