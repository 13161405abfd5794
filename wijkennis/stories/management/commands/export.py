import json

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from wijkennis.accounts.commands import user_from_email
from wijkennis.stories.models import Story
from wijkennis.stories.transfer import export_rows


class Command(BaseCommand):
    help = "Export published stories (de-identified text only) as JSON Lines, in the import format."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["stories"])
        parser.add_argument("--as", dest="as_user", help="only what this user (e-mail) may read")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, kind, as_user, output, **options):
        stories = Story.objects.all()
        if as_user:
            stories = Story.objects.visible_to(user_from_email(as_user))
        lines = [json.dumps(row, ensure_ascii=False) for row in export_rows(stories)]
        text = "\n".join(lines) + ("\n" if lines else "")
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(
                ngettext(
                    "%(count)s story exported to %(file)s.",
                    "%(count)s stories exported to %(file)s.",
                    len(lines),
                )
                % {"count": len(lines), "file": output}
            )
        else:
            self.stdout.write(text, ending="")
