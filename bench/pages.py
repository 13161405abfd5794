"""Pages at a million stories: each kind of page once, timed through Django's test client.

Uses `search.py`'s PostgreSQL corpus in `wijkennis_bench` (build it first with
`bench/search.py --n 1000000 --backend postgres --build-only`) and Redis databases 14 (cache,
sessions) and 15 (rendered search results), emptied first. Per page: p50/p95 over `--repeat`
requests after warm-up requests (caches filled, as on a busy day), and the SQL of one request
(number of queries, their time, the slowest). A page slower than `--slow-ms` is a finding:
`load.py` measures only four kinds of page, people open every kind.

    .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --repeat 20 --json var/bench/pages.json
"""

import argparse
import sys
import time
from pathlib import Path

import benchlib
from benchlib import code_version, database_version, machine, summary

PG_URL = "postgres://postgres@127.0.0.1:5432/wijkennis_bench"
REDIS_URL = "redis://127.0.0.1:6379/14"
PAGES_URL = "redis://127.0.0.1:6379/15"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="timed requests per page (50)")
    parser.add_argument("--warm-up", type=int, default=3, help="requests before timing (3)")
    parser.add_argument("--slow-ms", type=float, default=50.0, help="p95 that is a finding (50)")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    return parser.parse_args(argv)


def pages() -> list[tuple[str, str, str]]:
    """(name, path, who) for each kind of page a reader or coordinator opens."""
    from wijkennis.accounts.models import User
    from wijkennis.search.models import SearchEntry
    from wijkennis.vocabulary.models import Concept, Scheme

    reader = User.objects.filter(email="lezer@bench.example").first()
    if reader is None or not SearchEntry.objects.exists():
        sys.exit("No search corpus in wijkennis_bench: run bench/search.py --build-only first.")
    organisation = reader.memberships.get().organisation
    situations = Concept.objects.filter(scheme=Scheme.SLEUTELSITUATIE).order_by("slug")
    readable = SearchEntry.objects.visible_to(reader).filter(story__isnull=False).order_by("id")
    story_id = readable.values_list("story_id", flat=True)[1000]
    return [
        ("home page", "/", "reader"),
        ("story list", "/verhalen/", "reader"),
        ("story list, page 40", "/verhalen/?page=40", "reader"),
        ("search page (common word)", "/zoeken/?q=schulden", "reader"),
        ("search page (phrase)", "/zoeken/?q=brieven+van+de+deurwaarder", "reader"),
        ("story page", f"/verhalen/{story_id}/", "reader"),
        ("advice card", f"/wij-kennis/situatie/{situations.first().slug}/", "reader"),
        ("wij-kennis list", "/wij-kennis/", "reader"),
        ("vocabulary", "/taal/", "reader"),
        ("my data", "/mijn-gegevens/", "reader"),
        ("organisation dashboard", f"/dashboard/organisatie/{organisation.pk}/", "coordinator"),
        ("API: stories", "/api/stories/", "reader"),
    ]


def coordinator_of(reader):
    from wijkennis.accounts.models import User
    from wijkennis.organisations.models import Membership, Role

    coordinator, _created = User.objects.get_or_create(
        email="coordinator@bench.example", defaults={"first_name": "Coördinator"}
    )
    Membership.objects.get_or_create(
        user=coordinator, organisation=reader.memberships.get().organisation, role=Role.COORDINATOR
    )
    return coordinator


def measure(client, path: str, args) -> dict:
    from django.db import connection

    for _ in range(args.warm_up):
        response = client.get(path)
    if response.status_code != 200:
        return {"status": response.status_code}
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    queries: list[tuple[float, str]] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - started) * 1000, sql))

    with connection.execute_wrapper(timed):
        client.get(path)
    slowest = max(queries, default=(0.0, ""))
    return {
        "status": 200,
        "bytes": len(response.content),
        **summary(times),
        "queries": len(queries),
        "sql_ms": round(sum(ms for ms, _sql in queries), 2),
        "slowest_sql_ms": round(slowest[0], 2),
        "slowest_sql": slowest[1][:300],
    }


def main(argv=None) -> None:
    args = parse_args(argv)
    benchlib.configure_django(
        PG_URL, REDIS_URL=REDIS_URL, REDIS_SEARCH_PAGES_URL=PAGES_URL, LOG_LEVEL="ERROR"
    )
    import redis
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from wijkennis.accounts.models import User

    call_command("migrate", verbosity=0)  # the corpus may predate this code's migrations
    for url in (REDIS_URL, PAGES_URL):
        redis.Redis.from_url(url).flushdb()
    settings.ALLOWED_HOSTS = ["testserver"]
    reader = User.objects.get(email="lezer@bench.example")
    clients = {"reader": Client(), "coordinator": Client()}
    clients["reader"].force_login(reader)
    clients["coordinator"].force_login(coordinator_of(reader))

    results = {
        "code": code_version("wijkennis"),
        "database": database_version(),
        "machine": machine(),
        "repeat": args.repeat,
        "pages": {},
    }
    print(f"== pages, {args.repeat} requests each after {args.warm_up} to warm up")
    print(f"   code: {results['code']}   database: {results['database']}")
    print(f"   machine: {results['machine']['cpu']}, {results['machine']['cores']} cores")
    print(f"   {'page':28} {'p50':>7} {'p95':>7} {'queries':>8} {'SQL ms':>7}  bytes")
    slow = []
    for name, path, who in pages():
        figures = measure(clients[who], path, args)
        results["pages"][name] = {"path": path, **figures}
        if figures["status"] != 200:
            print(f"   {name:28} status {figures['status']}")
            slow.append(name)
            continue
        print(
            f"   {name:28} {figures['p50']:7.1f} {figures['p95']:7.1f} {figures['queries']:8}"
            f" {figures['sql_ms']:7.1f}  {figures['bytes']:,}"
        )
        if figures["p95"] > args.slow_ms:
            slow.append(name)
    print(f"   slower than {args.slow_ms:.0f} ms (p95) or not 200: {', '.join(slow) or 'none'}")
    benchlib.write_json(args.json, results)


if __name__ == "__main__":
    main()
