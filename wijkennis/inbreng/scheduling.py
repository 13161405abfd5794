"""Periodic jobs of inbreng, run by `wijkennis run_scheduled` from cron every hour:

    0 * * * *  cd /srv/wijkennis && .venv/bin/wijkennis run_scheduled

A job runs when it is due: the reminders once per (local) day, the digest once per ISO week,
both from 08:00 local time so nobody gets mail at night. Running the command more often does no
harm: the job records its last run, and the jobs themselves never send twice (reminders once per
response period per contribution, one digest per user per week).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wijkennis.core.tasks import background

from . import services
from .models import JobRun

NOT_BEFORE_HOUR = 8


@dataclass(frozen=True)
class Job:
    name: str
    period: str  # "day" or "week"
    run: Callable


JOBS = (
    Job("inbreng_reminders", "day", services.send_reminders),
    Job("inbreng_digest", "week", services.send_digests),
)


def _slot(moment: datetime.datetime, period: str):
    local = timezone.localtime(moment)
    if period == "day":
        return local.date()
    return local.isocalendar()[:2]


def is_due(job: Job, last_run_at, now) -> bool:
    if timezone.localtime(now).hour < NOT_BEFORE_HOUR:
        return False
    return last_run_at is None or _slot(last_run_at, job.period) != _slot(now, job.period)


@background  # Celery beat queues it hourly in production (wijkennis/config/celery.py)
def run_due_jobs(now=None) -> dict[str, int]:
    """Run every due job; returns {job name: what it did (number sent)}."""
    now = now or timezone.now()
    done = {}
    for job in JOBS:
        with transaction.atomic():
            record = JobRun.objects.select_for_update().filter(name=job.name).first()
            if not is_due(job, record.last_run_at if record else None, now):
                continue
            JobRun.objects.update_or_create(name=job.name, defaults={"last_run_at": now})
        done[job.name] = job.run(now=now)
    return done
