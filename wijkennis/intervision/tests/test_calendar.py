"""Calendar export: parse the .ics back and check what a calendar app reads."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from icalendar import Calendar

from .helpers import group_of, session_of

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def test_a_session_as_ics(client, people):
    group = group_of(people, people.bram)
    start = datetime.datetime(2030, 6, 4, 14, 0, tzinfo=AMSTERDAM)  # summer time
    session = session_of(
        group, starts_at=start, ends_at=start + datetime.timedelta(hours=2), place="De Linde"
    )
    client.force_login(people.bram)
    url = reverse("intervision:session_ics", args=[session.pk])
    calendar, (event,) = _events(client.get(url))
    dtstart = event.decoded("dtstart")
    assert dtstart == start
    assert dtstart.utcoffset() == datetime.timedelta(hours=2)
    assert getattr(dtstart.tzinfo, "key", str(dtstart.tzinfo)) == "Europe/Amsterdam"
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("dtend") == start + datetime.timedelta(hours=2)
    assert str(event["summary"]) in (
        "Intervisie: Intervisie Testdam",
        "Intervision: Intervisie Testdam",
    )
    assert str(event["uid"]) == f"{session.uid}@wijkennis"
    assert str(event["location"]) == "De Linde"
    assert str(event["url"]).endswith(session.get_absolute_url())
    assert "dtstamp" in event
    assert calendar.walk("VTIMEZONE"), "the timezone is described in the file"
    # Stable: the same UID when downloaded again.
    _calendar, (again,) = _events(client.get(url))
    assert again["uid"] == event["uid"]


def test_a_groups_agenda_as_ics(client, people):
    group = group_of(people, people.bram)
    first = session_of(group, days=-7)
    second = session_of(group, days=7, online_url="https://meet.example.org/x", place="")
    client.force_login(people.anouk)
    _calendar, events = _events(client.get(reverse("intervision:group_ics", args=[group.pk])))
    assert [str(e["uid"]) for e in events] == [f"{first.uid}@wijkennis", f"{second.uid}@wijkennis"]
    assert str(events[1]["url"]) == "https://meet.example.org/x"
    assert str(events[1]["location"]) == "https://meet.example.org/x"


def test_only_members_download_the_agenda(client, people):
    group = group_of(people)
    session = session_of(group)
    client.force_login(people.bram)
    assert client.get(reverse("intervision:group_ics", args=[group.pk])).status_code == 404
    assert client.get(reverse("intervision:session_ics", args=[session.pk])).status_code == 404
