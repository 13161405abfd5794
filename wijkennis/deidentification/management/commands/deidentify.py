"""``manage.py deidentify [FILE ...] [--json] [--warm]``: de-identify text files.

Reads every file (or stdin when none is given or for "-"), and prints the
de-identified text, or with ``--json`` one JSON object per input (JSON Lines).
All inputs are read and checked before any output, so a bad file never leaves
half a result behind. Exit code 2 on unreadable input, with a Dutch message.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wijkennis.deidentification.engine import cache_dir, deidentify, warm_up

STDIN = "-"


def _decode(data: bytes, label: str) -> str:
    try:
        # utf-8-sig: a BOM from Windows editors is not part of the story.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(
            f"{label} is geen UTF-8-tekst. Sla het op als UTF-8 en probeer opnieuw.",
            returncode=2,
        ) from None


class Command(BaseCommand):
    help = (
        "De-identificeer tekstbestanden (of stdin): namen, adressen, nummers en instellingen "
        "worden vervangen door plaatshouders zoals [naam 1]."
    )
    # The tool works on files only: no database, so no system checks needed.
    requires_system_checks: list[str] = []
    # call_command(..., stdin=StringIO(...)) in tests.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files",
            nargs="*",
            metavar="FILE",
            help="Tekstbestanden in UTF-8; zonder bestand of met '-' wordt stdin gelezen.",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Eén JSON-object per invoer (JSON Lines) met tekst en gevonden spans.",
        )
        parser.add_argument(
            "--warm",
            action="store_true",
            help="Bouw of laad alleen de cache van deduce en toon hoe lang dat duurde.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["warm"]:
            started = time.perf_counter()
            warm_up()
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"De-identificatie klaar voor gebruik in {seconds:.1f} s (cache: {cache_dir()})."
            )
            return

        sources = options["files"] or [STDIN]
        stdin = options.get("stdin") or sys.stdin
        inputs = [(source, self._read(source, stdin)) for source in sources]

        for source, text in inputs:
            result = deidentify(text)
            if options["json"]:
                record = {
                    "source": source,
                    "text": result.text,
                    "spans": [
                        {
                            "type": span.kind,
                            "start": span.start,
                            "end": span.end,
                            "original": span.original,
                            "replacement": span.replacement,
                        }
                        for span in result.spans
                    ],
                }
                self.stdout.write(json.dumps(record, ensure_ascii=False))
            else:
                self.stdout.write(result.text)

    def _read(self, source: str, stdin: Any) -> str:
        if source == STDIN:
            buffer = getattr(stdin, "buffer", None)
            if buffer is not None:  # a real stdin: check the bytes ourselves
                return _decode(buffer.read(), "De invoer op stdin")
            try:
                return stdin.read()
            except UnicodeDecodeError:
                raise CommandError(
                    "De invoer op stdin is geen UTF-8-tekst. Sla het op als UTF-8 en "
                    "probeer opnieuw.",
                    returncode=2,
                ) from None
        path = Path(source)
        label = f"Bestand '{source}'"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"{label} bestaat niet.", returncode=2) from None
        except IsADirectoryError:
            raise CommandError(f"{label} is een map, geen tekstbestand.", returncode=2) from None
        except PermissionError:
            raise CommandError(
                f"{label} kan niet worden gelezen: geen toestemming.", returncode=2
            ) from None
        except OSError as exc:
            raise CommandError(
                f"{label} kan niet worden gelezen ({exc.strerror}).", returncode=2
            ) from None
        return _decode(data, label)
