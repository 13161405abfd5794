"""iCalendar (.ics) export of sessions: one session, or a group's whole agenda."""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import IntervisionGroup, Session

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Wijkennis//Intervisie//NL"


def _title(group: IntervisionGroup) -> str:
    return _("Intervision: %(group)s") % {"group": group.name}


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(session: Session, build_url) -> Event:
    event = Event()
    event.add("uid", f"{session.uid}@wijkennis")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at.astimezone(AMSTERDAM))
    event.add("dtend", session.ends_at.astimezone(AMSTERDAM))
    event.add("summary", _title(session.group))
    event.add("description", session.method_info.name)
    location = session.place or session.online_url
    if location:
        event.add("location", location)
    event.add("url", session.online_url or build_url(session.get_absolute_url()))
    return event


def to_ics(name: str, sessions: Iterable[Session], build_url) -> bytes:
    """`build_url` turns a path into an absolute URL (`request.build_absolute_uri`)."""
    calendar = _calendar(name)
    for session in sessions:
        calendar.add_component(_event(session, build_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def session_ics(session: Session, build_url) -> bytes:
    return to_ics(_title(session.group), [session], build_url)


def group_ics(group: IntervisionGroup, build_url) -> bytes:
    return to_ics(_title(group), group.sessions.all(), build_url)
