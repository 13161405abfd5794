"""Load: many signed-in people at once, against gunicorn over PostgreSQL with the search corpus.

Uses the corpus of `bench/search.py` in the database `wijkennis_bench` (build it first:
`bench/search.py --n 1000000 --backend postgres --build-only`). Starts gunicorn on 127.0.0.1
(DEBUG off) with Redis as cache and session store, as in production (docs/DEPLOY.md; Redis
databases 13 and 12 for the rendered results, emptied first), then Locust headless for
`--duration` seconds with `--users` people, once per run:
1. the bare view (`/health/`: Django and its middleware, no database): the ceiling;
2. the search page only (the 24 queries of `bench/search.py`), for its share of the ceiling;
3. the same with the ranking and result-list caches off (gunicorn restarted with
   WIJKENNIS_SEARCH_CACHE_SECONDS=0): what a search nobody asked before costs under load;
4. the mix: search page 40 %, story page 30 %, advice card 20 %, organisation dashboard 10 %.
Prints throughput, p50/p95/p99 and errors per kind. Only 127.0.0.1 is ever contacted.

    .venv/bin/python bench/load.py                       # 64 people, 60 s each run
    .venv/bin/python bench/load.py --users 16 --duration 10 --json var/bench/load.json
"""

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import benchlib
from benchlib import BENCH_DIR, code_version, database_version, machine

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/wijkennis_bench"
TARGET_P95_MS = 300.0
TARGET_SHARE = 0.5  # search page throughput / bare view throughput
MODES = ("bare", "search", "search-uncached", "mix")
REDIS_URL = "redis://127.0.0.1:6379/13"
PAGES_URL = "redis://127.0.0.1:6379/12"  # rendered search results (search.pages)
SESSIONS = 64


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=64)
    parser.add_argument("--duration", type=int, default=60, help="seconds per run (60)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (4)")
    parser.add_argument("--json", type=Path, help="write all figures to this file")
    parser.add_argument(
        "--modes", nargs="+", choices=MODES, default=list(MODES), help="runs to make (all)"
    )
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_plan() -> dict:
    """Sessions for the reader and a coordinator, visible story ids, queries, situations."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from search import QUERIES

    from wijkennis.accounts.backends import PASSWORD_BACKEND
    from wijkennis.accounts.models import User
    from wijkennis.organisations.models import Membership, Role
    from wijkennis.search.models import SearchEntry
    from wijkennis.vocabulary.models import Concept, Scheme

    reader = User.objects.filter(email="lezer@bench.example").first()
    if reader is None or not SearchEntry.objects.exists():
        sys.exit("No search corpus in wijkennis_bench: run bench/search.py --build-only first.")
    organisation = reader.memberships.get().organisation
    coordinator, _created = User.objects.get_or_create(
        email="coordinator@bench.example", defaults={"first_name": "Coördinator"}
    )
    Membership.objects.get_or_create(
        user=coordinator, organisation=organisation, role=Role.COORDINATOR
    )

    def sessions(user) -> list[str]:
        keys = []
        for _ in range(SESSIONS):
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = PASSWORD_BACKEND
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            keys.append(store.session_key)
        return keys

    visible = SearchEntry.objects.visible_to(reader).filter(story__isnull=False)
    story_ids = list(visible.order_by("?").values_list("story_id", flat=True)[:2000])
    situations = list(
        Concept.objects.filter(scheme=Scheme.SLEUTELSITUATIE).values_list("slug", flat=True)
    )
    return {
        "reader_sessions": sessions(reader),
        "coordinator_sessions": sessions(coordinator),
        "story_ids": story_ids,
        "queries": [quote(raw) for raws in QUERIES.values() for raw in raws],
        "situations": situations,
        "dashboard": f"/dashboard/organisatie/{organisation.pk}/",
    }


def start_gunicorn(port: int, workers: int, cache_seconds: int = 600) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DATABASE_URL": PG_URL,
        "REDIS_URL": REDIS_URL,
        "REDIS_SEARCH_PAGES_URL": PAGES_URL,
        "WIJKENNIS_SEARCH_CACHE_SECONDS": str(cache_seconds),
        "DJANGO_DEBUG": "0",
        "WIJKENNIS_DATA_DIR": str(BENCH_DIR),
        "LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "wijkennis.config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2):  # noqa: S310
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    sys.exit("gunicorn did not answer within 60 s")


def warm_up(port: int, plan: dict) -> None:
    """Each worker's first requests load the vocabulary caches; not part of the figures. First
    a check that the sessions are signed in: a signed-out reader would search and read less."""
    for session, path in [
        (plan["reader_sessions"][0], "/mijn-gegevens/"),
        (plan["coordinator_sessions"][0], plan["dashboard"]),
    ]:
        opener = urllib.request.build_opener()
        opener.addheaders = [("Cookie", f"sessionid={session}")]
        url = f"http://127.0.0.1:{port}{path}"
        if opener.open(url, timeout=30).geturl() != url:  # sent on to the login page
            sys.exit(f"The benchmark's session is not signed in: {path} redirected.")
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"sessionid={plan['reader_sessions'][0]}")]
    for query in plan["queries"]:
        for _ in range(2):
            opener.open(f"http://127.0.0.1:{port}/zoeken/?q={query}", timeout=30).read()


def run_locust(port: int, plan_path: Path, mode: str, args, folder: Path) -> dict:
    """One headless Locust run; its per-kind figures from Locust's CSV."""
    plan = json.loads(plan_path.read_text())
    plan["mode"] = mode
    plan_path.write_text(json.dumps(plan))
    prefix = folder / mode
    subprocess.run(  # noqa: S603 - Locust from this virtualenv, fixed arguments
        [
            str(Path(sys.executable).parent / "locust"),
            "-f",
            str(Path(__file__).with_name("locustfile.py")),
            "--headless",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.users),
            "--run-time",
            f"{args.duration}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env={**os.environ, "LOAD_PLAN": str(plan_path)},
        check=False,
    )
    figures = {}
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        for row in csv.DictReader(stats):
            figures[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "per_s": round(float(row["Requests/s"]), 1),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
            }
    return figures


def report(results: dict, args) -> None:
    ran = [mode for mode in MODES if mode in results]
    print(f"\n== load, {args.users} people, {args.duration} s per run, {args.workers} workers")
    print(f"   code: {results['code']}   database: {results['database']}")
    print(f"   machine: {results['machine']['cpu']}, {results['machine']['cores']} cores")
    print(f"   {'kind':<14}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}")
    for mode in ran:
        print(f"   run: {mode}")
        for name, row in results[mode].items():
            if name == "Aggregated" and len(results[mode]) == 2:
                continue  # one kind: the same row again
            print(
                f"   {name:<14}{row['requests']:>9}{row['errors']:>8}{row['per_s']:>8}"
                f"{row['p50']:>7.0f}{row['p95']:>7.0f}{row['p99']:>7.0f}"
            )
    # The runs; the uncached search is shown beside them, not judged.
    judged = ("bare", "search", "mix")
    if not set(judged) <= set(ran):
        print(f"   no verdicts: they need the runs {', '.join(judged)}")
        return
    bare = results["bare"]["bare view"]["per_s"]
    search = results["search"]["search page"]["per_s"]
    verdicts = {
        "errors == 0": all(results[mode]["Aggregated"]["errors"] == 0 for mode in ran),
        f"p95 <= {TARGET_P95_MS:.0f} ms (every kind)": all(
            row["p95"] <= TARGET_P95_MS for mode in judged for row in results[mode].values()
        ),
        f"search page >= {TARGET_SHARE:.0%} of the bare view": search >= TARGET_SHARE * bare,
    }
    print(f"   search page alone {search} req/s against the bare view {bare} req/s:")
    print(f"   {search / bare:.1%} of the ceiling")
    for name, met in verdicts.items():
        print(f"   target {name}: {'met' if met else 'NOT met'}")
    results["verdicts"] = verdicts


def main(argv=None) -> None:
    args = parse_args(argv)
    benchlib.configure_django(PG_URL)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)  # the corpus may predate this code's migrations

    plan = make_plan()
    connection.close()
    results = {
        "code": code_version("wijkennis"),
        "database": database_version(),
        "machine": machine(),
        "users": args.users,
        "duration_s": args.duration,
        "workers": args.workers,
        "stories_in_plan": len(plan["story_ids"]),
    }
    import redis

    for url in (REDIS_URL, PAGES_URL):
        redis.Redis.from_url(url).flushdb()
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        plan_path = Path(folder) / "plan.json"
        plan_path.write_text(json.dumps(plan))
        for mode in args.modes:
            server = start_gunicorn(port, args.workers, 0 if mode == "search-uncached" else 600)
            try:
                warm_up(port, plan)
                results[mode] = run_locust(port, plan_path, mode, args, Path(folder))
            finally:
                server.terminate()
                server.wait(timeout=30)
    report(results, args)
    benchlib.write_json(args.json, results)


if __name__ == "__main__":
    main()
