"""What the benchmark scripts share: percentiles, the machine, the code and database measured."""

import json
import math
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict:
    return {
        "p50": round(percentile(values, 50), 2),
        "p95": round(percentile(values, 95), 2),
        "max": round(max(values), 2),
        "mean": round(statistics.fmean(values), 2),
        "samples": len(values),
    }


def machine() -> dict:
    import sqlite3

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def code_version(watched: str) -> str:
    """The commit measured, with a note when the folder `watched` has local changes."""
    try:
        commit = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", watched)
    except (OSError, subprocess.CalledProcessError):
        return f"not a git checkout ({ROOT})"
    return commit + (f" + local changes in {watched}" if dirty else "")


def _git(*args: str) -> str:
    run = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)  # noqa: S603, S607
    return run.stdout.strip()


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = "PostgreSQL " + cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")
            return f"{version} (shared_buffers {cursor.fetchone()[0]})"
        cursor.execute("SELECT sqlite_version()")
        return "SQLite " + cursor.fetchone()[0]


def mib(value: int) -> str:
    return f"{value / 1024 / 1024:,.1f} MiB"


def write_json(path: Path | None, figures) -> None:
    """Every figure of a run to `path` (`--json`), when one was given."""
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2))


BENCH_DIR = ROOT / "var" / "bench"


def configure_django(database_url: str, **environment: str) -> None:
    """Point Django at a benchmark's own database (created when missing), then set it up."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wijkennis.config.settings"
    os.environ["WIJKENNIS_DATA_DIR"] = str(BENCH_DIR)
    os.environ["DJANGO_DEBUG"] = "0"  # as in production; no query log in memory
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.update(environment)
    os.environ["DATABASE_URL"] = database_url
    if database_url.startswith("postgres"):
        _ensure_pg_database(database_url)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _ensure_pg_database(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
