"""Outgoing mail: SMTP when MAIL_SERVER is set, else a file in instance/outbox/ (development)."""

import logging
import smtplib
import uuid
from contextlib import nullcontext
from email.message import EmailMessage
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from roster.core.text import single_line

log = logging.getLogger(__name__)


class MailNotSent(RuntimeError):
    """The mail server refused or could not be reached: nothing was sent."""


def send_mail(
    to: str,
    subject,
    template: str,
    locale: str | None = None,
    headers: dict[str, str] | None = None,
    **context,
) -> EmailMessage:
    """Render templates/mail/<template>.txt with context and send it to one address.

    With locale, the subject (a lazy string) and the body are written in the recipient's
    language rather than in the language of whoever triggered the mail. `headers` adds
    headers such as List-Unsubscribe.
    """
    with force_locale(locale) if locale else nullcontext():
        subject_text = str(subject)
        body = render_template(f"mail/{template}.txt", **context)
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = single_line(subject_text)  # a title's line break never breaks a mail
    message["Message-ID"] = f"<{uuid.uuid4()}@roster>"
    for name, value in (headers or {}).items():  # List-Unsubscribe and the like
        message[name] = single_line(value)
    message.set_content(body)
    server = current_app.config.get("MAIL_SERVER")
    if server:
        try:
            with smtplib.SMTP(server, current_app.config["MAIL_PORT"], timeout=10) as smtp:
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise MailNotSent(str(exc)) from exc
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


def forget_in_outbox(outbox: Path, needles) -> int:
    """Delete the kept messages that name any of these strings (a person's addresses and
    name), when erasure must leave nothing behind; returns how many went."""
    from email import policy
    from email.parser import BytesParser

    wanted = [n.strip().lower() for n in needles if n and n.strip()]
    removed = 0
    for path in Path(outbox).glob("*.eml"):
        raw = path.read_bytes()
        message = BytesParser(policy=policy.default).parsebytes(raw)
        # Headers and bodies decoded (a name with accents travels base64 or quoted-printable).
        text = [raw.decode("utf-8", "replace"), *(str(v) for v in message.values())]
        text += [
            part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
        ]
        found = "\n".join(text).lower()
        if any(n in found for n in wanted):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
