from django.core.management.base import BaseCommand

from wijkennis.inbreng.services import send_reminders


class Command(BaseCommand):
    help = (
        "Remind the receiving side of inbreng without an answer after "
        "WIJKENNIS_INBRENG_RESPONSE_DAYS (default 42) days. Safe to run often."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"Reminders sent for {count} inbreng.")
