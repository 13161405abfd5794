"""wijkennis export_qdpx --as E-MAIL [--output FILE]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkennis.accounts.commands import user_from_email
from wijkennis.knowledge.qdpx import build_qdpx


class Command(BaseCommand):
    help = (
        "Export the network-visible stories a user may read, de-identified, with their "
        "concepts as codes, as a REFI-QDA project (.qdpx) for qualitative analysis software."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as", dest="as_user", required=True, help="export as this user (e-mail)"
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=Path("wijkennis-onderzoek.qdpx"),
            help="file to write (default: wijkennis-onderzoek.qdpx)",
        )

    def handle(self, *args, as_user, output: Path, **options):
        user = user_from_email(as_user)
        try:
            with output.open("wb") as stream:
                summary = build_qdpx(user, stream)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s") % {"file": output, "error": error}
            ) from error
        self.stdout.write(_("Research export written to %(file)s.") % {"file": output})
        self.stdout.write(_("Stories: %(count)s") % {"count": summary.sources})
        self.stdout.write(_("Codes: %(count)s") % {"count": summary.codes})
        self.stdout.write(_("Coded passages: %(count)s") % {"count": summary.selections})
