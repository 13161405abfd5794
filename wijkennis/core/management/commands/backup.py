from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the whole database into one file (SQLite: online backup; PostgreSQL: "
        "pg_dump), with a manifest of row counts and content hashes per table."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help="Where to write the backup (default: var/backups/wijkennis-<time>.tar).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, file, database, **options):
        if file is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            file = Path(settings.DATA_DIR) / "backups" / f"wijkennis-{stamp}.tar"
        try:
            manifest = backup(Path(file), using=database)
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from None
        rows = sum(table["rows"] for table in manifest.tables.values())
        self.stdout.write(
            _("Backup written to %(file)s: %(tables)s tables, %(rows)s rows (%(engine)s).")
            % {
                "file": file,
                "tables": len(manifest.tables),
                "rows": rows,
                "engine": manifest.engine,
            }
        )
