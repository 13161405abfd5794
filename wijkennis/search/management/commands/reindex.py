import sys

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from wijkennis.search.indexing import rebuild
from wijkennis.stories.models import Status, Story


class Command(BaseCommand):
    help = "Rebuild the search index from the published stories (after an upgrade or restore)."

    def handle(self, *args, **options):
        total = Story.objects.filter(status=Status.PUBLISHED).count()
        with transaction.atomic(), tqdm(total=total, desc=_("Indexing"), file=sys.stderr) as bar:
            count = rebuild(progress=lambda: bar.update(1))
        self.stdout.write(_("%(count)s stories in the search index.") % {"count": count})
