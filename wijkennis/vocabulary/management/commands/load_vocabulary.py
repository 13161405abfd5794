from django.core.management.base import BaseCommand

from wijkennis.vocabulary.services import load_seed_vocabulary


class Command(BaseCommand):
    help = "Load or update the seed vocabulary (concepts and their labels)."

    def handle(self, *args, **options):
        count = load_seed_vocabulary()
        self.stdout.write(f"Vocabulary: {count} concepts loaded.")
