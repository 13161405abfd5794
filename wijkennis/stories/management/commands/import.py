import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from wijkennis.stories.transfer import ImportFileError, import_rows, read_rows


class Command(BaseCommand):
    help = "Import stories from a JSON Lines file (see docs/IMPORT_FORMAT.md). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["stories"])
        parser.add_argument("file", help="JSON Lines file, or - for standard input")

    def handle(self, *args, kind, file, **options):
        if file == "-":
            lines = sys.stdin.buffer.readlines()
        else:
            path = Path(file)
            if not path.is_file():
                raise CommandError(
                    _("File '%(file)s' does not exist.") % {"file": file}, returncode=2
                )
            lines = path.read_bytes().splitlines()
        try:
            rows = read_rows(lines)
        except ImportFileError as error:
            raise CommandError(
                f"{error}\n" + _("Nothing was imported. Correct the file and try again."),
                returncode=2,
            ) from None
        with tqdm(total=len(rows), desc=_("Importing"), unit=_("story"), file=sys.stderr) as bar:
            stories = import_rows(rows, progress=lambda: bar.update(1))
        self.stdout.write(
            ngettext("%(count)s story imported.", "%(count)s stories imported.", len(stories))
            % {"count": len(stories)}
        )
