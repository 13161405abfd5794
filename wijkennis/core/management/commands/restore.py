from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkennis.core.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `wijkennis backup` into an empty database (schema "
        "included: no migrate needed), then check every table's row count and content hash."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file (.tar).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what is in the target database (it must be empty otherwise).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, file, force, database, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("File '%(file)s' does not exist.") % {"file": file}, returncode=2)
        try:
            manifest = read_manifest(path)
            differences = restore(path, using=database, force=force)
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"Backup of {manifest.created_at} ({manifest.engine}):")
        for table, expected in sorted(manifest.tables.items()):
            state = "DIFFERENT" if table in differences else "ok"
            rows, digest = expected["rows"], expected["sha256"][:16]
            self.stdout.write(f"  {table}: {rows} rows, sha256 {digest}… {state}")
        if differences:
            for table, (expected, actual) in differences.items():
                self.stderr.write(f"{table}: expected {expected}, found {actual}")
            raise CommandError(
                _("The restored database differs from the backup in %(count)s tables.")
                % {"count": len(differences)},
                returncode=3,
            )
        self.stdout.write(self.style.SUCCESS(_("Restored. Every table matches the manifest.")))
