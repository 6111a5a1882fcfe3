"""Event times in their organisers' time zone, and the calendar file (RFC 5545) written with
the standard library: times in UTC, text escaped, lines folded at 75 octets."""

from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.dates import format_date, format_time, get_datetime_format
from flask_babel import get_locale, gettext

from roster.communities.models import Event
from roster.core.time import utcnow


@lru_cache(maxsize=1)
def time_zones() -> tuple[str, ...]:
    """Every IANA time zone name this machine knows, sorted, UTC first."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith("Etc/"))
    return ("UTC", *names)


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def to_utc(day: date, at: time, zone_name: str) -> datetime:
    """A wall-clock time in a zone, as the naive UTC the database keeps."""
    local = datetime.combine(day, at).replace(tzinfo=zone(zone_name))
    return local.astimezone(UTC).replace(tzinfo=None)


def local(value: datetime, zone_name: str) -> datetime:
    """A stored (naive UTC) time in a zone."""
    return value.replace(tzinfo=UTC).astimezone(zone(zone_name))


def _locale() -> str:
    try:
        return str(get_locale() or "en")
    except RuntimeError:
        return "en"


def _day_and_time(value: datetime, lang: str) -> str:
    """ "Sep 28, 2021, 10:00 AM": the date in full, the time without seconds."""
    pattern = get_datetime_format("medium", locale=lang)
    return pattern.format(
        format_time(value, "short", locale=lang), format_date(value, "medium", locale=lang)
    )


def event_when(event: Event) -> str:
    """When: "Sep 28, 2021, 10:00 AM to 12:30 PM (Africa/Lusaka) · 8:00 AM UTC", the UTC
    time left out when the zone is UTC, and its date said only when it is another day."""
    lang = _locale()
    start, end = local(event.starts_at, event.timezone), local(event.ends_at, event.timezone)
    text = _day_and_time(start, lang)
    if end.date() == start.date():
        text += "\u2013" + format_time(end, "short", locale=lang)
    else:
        text += " \u2013 " + _day_and_time(end, lang)
    text += f" ({event.timezone})"
    if event.timezone != "UTC":
        utc_start = event.starts_at.replace(tzinfo=UTC)
        same_day = utc_start.date() == start.date()
        when = format_time(utc_start, "short", locale=lang) if same_day else None
        text += " · " + gettext("%(time)s UTC", time=when or _day_and_time(utc_start, lang))
    return text


def escape_text(value: str | None) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \\n."""
    text = (value or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(c for c in text if c >= " " or c == "\t")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (never inside a character)."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74  # continuation lines start with a space
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%SZ")


def ics(event: Event, url: str, host: str, description: str) -> str:
    """The event as a calendar file of one VEVENT."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Expert roster//Communities//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:community-event-{event.id}@{host}",
        f"DTSTAMP:{_stamp(utcnow())}",
        f"DTSTART:{_stamp(event.starts_at)}",
        f"DTEND:{_stamp(event.ends_at)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{escape_text(url)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    lines += [f"X-ORGANISER-TIMEZONE:{escape_text(event.timezone)}", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
