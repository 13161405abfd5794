from django.core.management.base import BaseCommand

from wijkennis.trainings.seed import load_trainings


class Command(BaseCommand):
    help = "Load or update the seed training catalogue; run after load_vocabulary for themes."

    def handle(self, *args, **options):
        count = load_trainings()
        self.stdout.write(f"Trainings: {count} trainings loaded.")
