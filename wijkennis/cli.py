"""The `wijkennis` console command: Django's manage.py with Wijkennis settings preset.

`wijkennis demo`, `wijkennis import stories FILE`, `wijkennis deidentify` … are management
commands; this wrapper only makes them reachable without knowing about manage.py.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkennis.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["wijkennis", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
