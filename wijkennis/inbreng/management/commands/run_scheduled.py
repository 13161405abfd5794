"""Run the periodic jobs that are due. Meant for cron, every hour:

    0 * * * *  cd /srv/wijkennis && .venv/bin/wijkennis run_scheduled

Idempotent: inbreng reminders run once a day, the inbreng digest once a week (both from 08:00
local time); calling it again in the same day or week does nothing.
"""

from django.core.management.base import BaseCommand

from wijkennis.inbreng.scheduling import run_due_jobs


class Command(BaseCommand):
    help = "Run due periodic jobs (inbreng reminders daily, inbreng digest weekly). Cron: hourly."

    def handle(self, *args, **options):
        done = run_due_jobs()
        if not done:
            self.stdout.write("Nothing due.")
        for name, result in done.items():
            self.stdout.write(f"{name}: {result}")
