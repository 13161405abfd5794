from django.core.management.base import BaseCommand

from wijkennis.inbreng.services import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each user the weekly inbreng digest (news about their inbreng, what is overdue "
        "for them to answer). At most one per user per ISO week; nothing to report, no mail."
    )

    def handle(self, *args, **options):
        count = send_digests()
        self.stdout.write(f"Digests sent: {count}.")
