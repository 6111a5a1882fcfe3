"""The e-mail digest: what is new for a person since their last one (unread notifications,
new threads and events in their communities, new open calls that fit an expert), in their
language, with a signed one-click unsubscribe link (List-Unsubscribe, RFC 8058)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from roster.auth.models import User
from roster.communities.models import Community, Event, Membership, Thread
from roster.core.time import utcnow
from roster.core.urls import development_base, external_base, external_url
from roster.experts.models import Expert
from roster.extensions import db
from roster.i18n import LANGUAGES
from roster.mail import MailNotSent, send_mail
from roster.notifications import DigestFrequency, Notification, NotificationSettings
from roster.notifications.tokens import unsubscribe_token
from roster.opportunities.services import calls_for_digest

PERIODS = {DigestFrequency.DAILY: timedelta(days=1), DigestFrequency.WEEKLY: timedelta(days=7)}
SLACK = timedelta(hours=1)  # a daily job that runs a little early still sends
MAX_ITEMS = 20


@dataclass
class Digest:
    notifications: list = field(default_factory=list)
    threads: list = field(default_factory=list)
    events: list = field(default_factory=list)
    calls: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.notifications or self.threads or self.events or self.calls)


def absolute(link: str | None) -> str:
    """A link kept as a path, made absolute for a mail."""
    base = external_base() or development_base()
    return base + (link or "/")


def digest_for(user: User, since: datetime) -> Digest:
    """What is new for the person since `since`, and nothing about communities they are not in."""
    communities = sa.select(Membership.community_id).where(
        Membership.user_id == user.id, Membership.removed_at.is_(None)
    )
    notes = db.session.scalars(
        sa.select(Notification)
        .where(
            Notification.user_id == user.id,
            Notification.read_at.is_(None),
            Notification.created_at > since,
        )
        .order_by(Notification.created_at.desc())
        .limit(MAX_ITEMS)
    ).all()
    threads = db.session.scalars(
        sa.select(Thread)
        .where(
            Thread.community_id.in_(communities),
            Thread.created_at > since,
            sa.or_(Thread.author_id.is_(None), Thread.author_id != user.id),
        )
        .order_by(Thread.created_at.desc())
        .limit(MAX_ITEMS)
    ).all()
    events = db.session.scalars(
        sa.select(Event)
        .where(
            Event.community_id.in_(communities),
            Event.created_at > since,
            Event.ends_at >= utcnow(),
        )
        .order_by(Event.starts_at)
        .limit(MAX_ITEMS)
    ).all()
    expert = db.session.scalar(sa.select(Expert).where(Expert.user_id == user.id))
    calls = calls_for_digest(expert, since)[:MAX_ITEMS] if expert is not None else []
    return Digest(list(notes), list(threads), list(events), list(calls))


def _settings(user: User) -> NotificationSettings:
    found = db.session.get(NotificationSettings, user.id)
    if found is None:
        found = NotificationSettings(user_id=user.id, digest=DigestFrequency.WEEKLY)
        db.session.add(found)
    return found


def send_digest(user: User, digest: Digest) -> None:
    """Mail one digest in the person's language."""
    lang = user.locale if user.locale in LANGUAGES else "en"
    unsubscribe = external_url("notifications.unsubscribe", token=unsubscribe_token(user))
    with force_locale(lang):
        send_mail(
            user.email,
            _l("What is new in your communities"),
            "community_digest",
            locale=lang,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
            digest=digest,
            lang=lang,
            absolute=absolute,
            thread_link=lambda t: external_url("communities.thread", thread_id=t.id),
            event_link=lambda e: external_url("communities.event", event_id=e.id),
            call_link=lambda o: external_url("opportunities.show", call_id=o.call.id),
            community_name=lambda c: Community.name_in(c, lang),
            unsubscribe=unsubscribe,
            settings=external_url("notifications.settings"),
        )


def send_digests(now: datetime | None = None, log=lambda _text: None) -> tuple[int, int]:
    """Send every digest that is due; returns (sent, due but empty or not sent).

    Each person's `last_digest_at` moves on once their digest is handled (sent, or nothing
    new), committed person by person so that a failure halfway sends no one twice.
    """
    now = now or utcnow()
    sent = skipped = 0
    users = db.session.scalars(
        sa.select(User).where(User.is_active_account.is_(True)).order_by(User.id)
    ).all()
    for user in users:
        if user.is_erased:
            continue
        settings = _settings(user)
        period = PERIODS.get(settings.digest)
        if period is None:
            continue
        last = settings.last_digest_at
        if last is not None and now - last < period - SLACK:
            continue
        digest = digest_for(user, last or now - period)
        if digest:
            try:
                send_digest(user, digest)
            except MailNotSent as exc:
                log(f"digest to user {user.id} not sent: {exc}")
                db.session.rollback()
                skipped += 1
                continue
            sent += 1
        else:
            skipped += 1
        settings.last_digest_at = now
        db.session.commit()
    return sent, skipped
