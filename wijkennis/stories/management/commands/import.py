import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from wijkennis.core.database_errors import DATABASE_ERRORS
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
        try:
            with tqdm(
                total=len(rows), desc=_("Importing"), unit=_("story"), file=sys.stderr
            ) as bar:
                stories = import_rows(rows, progress=lambda: bar.update(1))
        except DATABASE_ERRORS:
            # One transaction: what was written before the connection broke is rolled back.
            raise CommandError(
                _("The database could not be reached during the import.")
                + "\n"
                + _("Nothing was imported. Run the same command again when the database is back."),
                returncode=3,
            ) from None
        self.stdout.write(
            ngettext("%(count)s story imported.", "%(count)s stories imported.", len(stories))
            % {"count": len(stories)}
        )
