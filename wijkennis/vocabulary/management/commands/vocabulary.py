"""wijkennis vocabulary export --format ttl|jsonld [--output FILE] / import FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkennis.vocabulary import skos


class Command(BaseCommand):
    help = "Export or import the vocabulary as SKOS (Turtle or JSON-LD)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="write the vocabulary as SKOS")
        export.add_argument("--format", choices=sorted(skos.FORMATS), default="ttl")
        export.add_argument("--output", type=Path, help="file to write (default: the screen)")
        load = actions.add_parser("import", help="create or update concepts from a SKOS file")
        load.add_argument("file", type=Path)
        load.add_argument(
            "--format", choices=sorted(skos.FORMATS), help="default: from the file name"
        )

    def handle(self, *args, action, format=None, **options):
        if action == "export":
            data = skos.export(format)
            if options["output"]:
                options["output"].write_text(data, encoding="utf-8")
            else:
                self.stdout.write(data, ending="")
            return
        path: Path = options["file"]
        format_ = format or ("jsonld" if path.suffix in (".jsonld", ".json") else "ttl")
        try:
            data = path.read_bytes()
        except OSError as error:
            message = _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error}
            raise CommandError(message) from error
        try:
            concepts = skos.import_graph(skos.parse(data, format_))
        except skos.SkosError as error:
            raise CommandError(
                _("Nothing was imported. Problems:") + "\n- " + "\n- ".join(error.problems)
            ) from error
        self.stdout.write(_("%(count)s concepts imported.") % {"count": len(concepts)})
