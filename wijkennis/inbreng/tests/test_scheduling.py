"""`run_scheduled`: safe to call from cron every hour."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from wijkennis.inbreng.models import JobRun
from wijkennis.inbreng.scheduling import run_due_jobs

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)


def test_jobs_run_once_per_day_and_week(db):
    assert set(run_due_jobs(MONDAY)) == {"inbreng_reminders", "inbreng_digest"}
    for hour in range(1, 15):
        assert run_due_jobs(MONDAY + datetime.timedelta(hours=hour)) == {}
    assert set(run_due_jobs(MONDAY + datetime.timedelta(days=1))) == {"inbreng_reminders"}
    assert set(run_due_jobs(MONDAY + datetime.timedelta(days=7))) == {
        "inbreng_reminders",
        "inbreng_digest",
    }
    assert JobRun.objects.count() == 2


def test_nothing_runs_at_night(db):
    assert run_due_jobs(MONDAY.replace(hour=3)) == {}


def test_the_command(db):
    out = io.StringIO()
    with time_machine.travel(MONDAY, tick=False):
        call_command("run_scheduled", stdout=out)
        call_command("run_scheduled", stdout=out)
    assert "inbreng_digest: 0" in out.getvalue() and "Nothing due." in out.getvalue()
