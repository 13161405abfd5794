"""Reminders when nobody answers within the response period, with a frozen clock."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from wijkennis.inbreng import services
from wijkennis.inbreng.models import Contribution, Notification, NotificationKind, UpdateKind
from wijkennis.inbreng.timeline import build_timeline

from .helpers import inbreng_for

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
START = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM)  # a Monday


def at(days, hours=0):
    return START + datetime.timedelta(days=days, hours=hours)


def reminders():
    return Notification.objects.filter(kind=NotificationKind.REMINDER)


@pytest.fixture
def waiting(people):
    with time_machine.travel(START, tick=False):
        contribution = inbreng_for(people)
    mail.outbox.clear()
    return contribution


def test_no_reminder_before_six_weeks(waiting):
    with time_machine.travel(at(41, 23), tick=False):
        assert services.send_reminders() == 0
        assert not waiting.is_overdue()
    assert not reminders().exists() and not mail.outbox


def test_after_six_weeks_exactly_one_reminder_not_twice(people, waiting):
    with time_machine.travel(at(42, 1), tick=False):
        assert services.send_reminders() == 1
        assert services.send_reminders() == 0
    with time_machine.travel(at(60), tick=False):
        assert services.send_reminders() == 0
    assert set(reminders().values_list("user", flat=True)) == {
        people.policy_officer.pk,
        people.admin.pk,
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people.policy_officer.email, people.admin.email]
    )
    assert "Herinnering" in mail.outbox[0].subject or "Reminder" in mail.outbox[0].subject
    waiting.refresh_from_db()
    assert waiting.reminded_at == at(42, 1)
    assert waiting.updates.filter(kind=UpdateKind.REMINDER).count() == 1


def test_a_next_reminder_after_another_period(waiting):
    with time_machine.travel(at(43), tick=False):
        services.send_reminders()
    with time_machine.travel(at(84), tick=False):
        assert services.send_reminders() == 0
    with time_machine.travel(at(85), tick=False):
        assert services.send_reminders() == 1
    assert waiting.updates.filter(kind=UpdateKind.REMINDER).count() == 2


def test_answered_inbreng_gets_no_reminder(people, waiting):
    with time_machine.travel(at(10), tick=False):
        services.add_update(people.policy_officer, waiting, text="We kijken ernaar.")
    with time_machine.travel(at(50), tick=False):
        assert services.send_reminders() == 0
        waiting.refresh_from_db()
        assert not waiting.is_overdue()


def test_the_period_is_a_setting(settings, waiting):
    settings.WIJKENNIS_INBRENG_RESPONSE_DAYS = 7
    with time_machine.travel(at(8), tick=False):
        assert services.send_reminders() == 1


def test_overdue_shows_in_the_list_and_on_the_timeline(client, people, waiting):
    client.force_login(people.anouk)
    with time_machine.travel(at(43), tick=False):
        assert Contribution.objects.overdue().get() == waiting
        page = client.get("/inbreng/").content.decode()
        assert "Te laat" in page or "Overdue" in page
        kinds = [entry.kind for entry in build_timeline(waiting)]
        assert kinds == ["created", "overdue"]
        client.force_login(people.policy_officer)
        inbox = client.get("/inbreng/postvak/").content.decode()
        assert "Te laat" in inbox or "Overdue" in inbox
    with time_machine.travel(at(20), tick=False):
        assert [entry.kind for entry in build_timeline(waiting)] == ["created", "due"]


def test_the_command_sends_reminders(waiting):
    with time_machine.travel(at(43), tick=False):
        call_command("send_inbreng_reminders", stdout=io.StringIO())
    assert reminders().count() == 2
