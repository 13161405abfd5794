"""Instructions per request, counted by valgrind (callgrind), for comparing two versions of a
page's code on a noisy machine.

On this workplace's shared 2-core machines, times of unchanged code moved by 15 % from one run
to the next (docs/BENCHMARKS.md); repeated counts of the instructions the app process executes
moved by 1–2 %, with one unexplained outlier, so compare versions counted side by side. It
counts the app process only: PostgreSQL's and Redis's own work is not in it.

Uses the corpus, the users and the pages of `pages.py` (run that once first: it makes the
coordinator). Per page, the app runs twice under valgrind at the same time, with 0 and with
`--repeat` requests after the same warm-up; the difference divided by `--repeat` is the page's
instructions per request. Needs Debian's `valgrind`; a page takes about two minutes.

    .venv/bin/python bench/instructions.py "bare view" "search page (common word)" "story page"
    .venv/bin/python bench/instructions.py --repeat 50 --json var/bench/instructions.json
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import benchlib
import pages
from benchlib import code_version, machine

WARM_UP = 30
BARE = ("bare view", "/health/", "reader")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="pages by name, as pages.py prints them (all)")
    parser.add_argument("--repeat", type=int, default=100, help="requests counted (100)")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--inner", nargs=2, metavar=("NAME", "COUNT"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def serve(name: str, count: int) -> None:
    """Inside valgrind: warm up, then `count` requests of page `name`."""
    benchlib.configure_django(
        pages.PG_URL, REDIS_URL=pages.REDIS_URL, REDIS_SEARCH_PAGES_URL=pages.PAGES_URL
    )
    from django.conf import settings
    from django.test import Client

    from wijkennis.accounts.models import User

    settings.ALLOWED_HOSTS = ["testserver"]
    _name, path, who = next(page for page in [BARE, *pages.pages()] if page[0] == name)
    reader = User.objects.get(email="lezer@bench.example")
    client = Client()
    client.force_login(reader if who == "reader" else pages.coordinator_of(reader))
    for _ in range(WARM_UP):
        if client.get(path).status_code != 200:
            sys.exit(f"{path} did not answer 200")
    for _ in range(count):
        client.get(path)


def instructions(name: str, count: int) -> int:
    """Instructions of the app process for `count` requests of `name` after the warm-up."""
    environment = {**os.environ, "PYTHONHASHSEED": "0"}  # the same dict order in both runs

    def start(requests: int) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
            [
                shutil.which("valgrind"),
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--inner",
                name,
                str(requests),
            ],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    collected = []
    for process in [start(0), start(count)]:
        errors = process.communicate()[1]
        found = re.search(r"Collected : (\d+)", errors)
        if process.returncode or not found:
            sys.exit(f"valgrind run of {name!r} failed:\n{errors[-2000:]}")
        collected.append(int(found.group(1)))
    return collected[1] - collected[0]


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.inner:
        serve(args.inner[0], int(args.inner[1]))
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt install valgrind).")
    benchlib.configure_django(pages.PG_URL)
    known = [BARE[0]] + [name for name, _path, _who in pages.pages()]
    names = args.names or known
    if unknown := [name for name in names if name not in known]:
        sys.exit(f"Unknown pages: {unknown}. Known: {known}")
    results = {"code": code_version("wijkennis"), "machine": machine(), "pages": {}}
    print(f"== instructions per request (callgrind), {args.repeat} requests after {WARM_UP}")
    print(f"   code: {results['code']}")
    for name in names:
        per_request = instructions(name, args.repeat) / args.repeat
        results["pages"][name] = round(per_request)
        print(f"   {name:28} {per_request / 1e6:8.2f} million")
    benchlib.write_json(args.json, results)


if __name__ == "__main__":
    main()
