"""The Celery app for production background work (docs/DEPLOY.md).

    celery -A wijkennis.config worker --loglevel INFO
    celery -A wijkennis.config beat             # the hourly `run_scheduled`, one beat only

Settings come from Django's settings with the prefix CELERY_ (broker: CELERY_BROKER_URL or
REDIS_URL). There is one task, `wijkennis.run`, which runs a function marked `@background`
(wijkennis.core.tasks) by its dotted path.
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkennis.config.settings")

app = Celery("wijkennis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = {
    # Same as cron's `wijkennis run_scheduled` every hour; the jobs themselves are idempotent.
    "run-scheduled": {
        "task": "wijkennis.run",
        "schedule": crontab(minute=0),
        "args": ("wijkennis.inbreng.scheduling.run_due_jobs", []),
    },
}


@app.task(name="wijkennis.run")
def run(path: str, args: list):
    from wijkennis.core.tasks import execute

    return execute(path, args)
