"""`wijkennis avg_export EMAIL`: a beheerder answers a request for inzage (AVG art. 15).

The same JSON a person downloads at Mijn gegevens (`mydata.selectors.export_data`). An audit
event records that the export was made, by the command, without its content.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from wijkennis.accounts.commands import user_from_email
from wijkennis.core.models import record_event
from wijkennis.mydata.selectors import export_data


class Command(BaseCommand):
    help = "Export everything Wijkennis holds about one person as JSON (AVG inzage)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the e-mail address of the person")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, email, output, **options):
        user = user_from_email(email)
        text = json.dumps(export_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output:
            try:
                with open(output, "w", encoding="utf-8") as handle:
                    handle.write(text + "\n")
            except OSError as error:
                raise CommandError(
                    _("Could not write %(file)s: %(reason)s")
                    % {"file": output, "reason": error.strerror}
                ) from error
            self.stderr.write(
                _("Data of %(email)s written to %(file)s.")
                % {
                    "email": user.email,
                    "file": output,
                }
            )
        else:
            self.stdout.write(text)
        record_event(None, "mydata.avg_exported", user, "command")
